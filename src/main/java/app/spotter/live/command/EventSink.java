package app.spotter.live.command;

/**
 * Where a committed event goes next (the fan-out, and the timers' deadline set): the processor hands
 * it over only after the commit and does not wait for it.
 */
@FunctionalInterface
public interface EventSink {
  void publish(LiveEvent event);
}
