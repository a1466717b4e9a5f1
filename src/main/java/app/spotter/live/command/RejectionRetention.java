package app.spotter.live.command;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets remembered rejections once they are a day old, checking every hour on every instance (a
 * delete that finds nothing costs one index scan). A client repeats a command within minutes, when
 * it reconnects; a day also covers a phone that was offline overnight.
 */
public final class RejectionRetention {
  public static final Duration KEPT = Duration.ofHours(24);
  private static final long CHECK_MS = Duration.ofHours(1).toMillis();
  private static final Logger LOG = LoggerFactory.getLogger(RejectionRetention.class);
  private final Vertx vertx;
  private final CommandAnswers answers;
  private long timer = -1;

  public RejectionRetention(Vertx vertx, CommandAnswers answers) {
    this.vertx = vertx;
    this.answers = answers;
  }

  public void start() {
    timer = vertx.setPeriodic(CHECK_MS, id -> forget());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  private void forget() {
    answers.forgetOlderThan(KEPT)
        .onSuccess(count -> LOG.debug("forgot {} rejections older than {}", count, KEPT))
        .onFailure(e -> LOG.warn("old rejections not forgotten (tried again in an hour): {}", e.getMessage()));
  }
}
