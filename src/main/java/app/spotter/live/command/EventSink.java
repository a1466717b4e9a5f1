package app.spotter.live.command;

import io.vertx.core.Future;

/**
 * Where a committed event goes next (the fan-out, and the timers' deadline set): the processor hands
 * it over only after the commit and does not wait for it.
 */
@FunctionalInterface
public interface EventSink {
  Future<Void> publish(LiveEvent event);
}
