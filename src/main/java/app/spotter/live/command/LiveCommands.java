package app.spotter.live.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every command of the live protocol by name. */
public final class LiveCommands {
  private final Map<String, LiveCommand> byName = new HashMap<>();

  public LiveCommands() {
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

  public Iterable<LiveCommand> all() {
    return byName.values();
  }
}
