package app.spotter.live.timers;

import io.vertx.core.Future;
import java.util.UUID;

/**
 * Finishes a timer as the server: the command processor's {@code timer-finished}, whose commandId
 * is the timer's, so two claims of one deadline still make one event.
 */
@FunctionalInterface
public interface TimerFinish {
  Future<Long> finish(UUID sessionId, String timerId);
}
