package app.spotter.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every command of the live protocol by name. */
final class LiveCommands {
  private final Map<String, LiveCommand> byName = new HashMap<>();

  LiveCommands() {
    Stream.of(SetCommands.all(), ExerciseCommands.all(), TimerCommands.all(), SessionCommands.all())
        .flatMap(List::stream)
        .forEach(command -> byName.put(command.name(), command));
  }

  LiveCommand get(String name) {
    return name == null ? null : byName.get(name);
  }

  java.util.Set<String> names() {
    return byName.keySet();
  }

  Iterable<LiveCommand> all() {
    return byName.values();
  }
}
