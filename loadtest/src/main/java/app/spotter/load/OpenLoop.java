package app.spotter.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;

/**
 * The open arrival model: a sender acts at fixed intended times {@code start + phase + k × interval},
 * whatever happened to earlier requests. A tick that fires late still carries its intended time,
 * so latency measured from it includes the lateness (no coordinated omission); ticks that fell
 * behind run at once, one after another.
 */
public final class OpenLoop {
  private final Context context;
  private final long intervalNanos;
  private final long endNanos;
  private final LongConsumer tick;
  private final Promise<Void> done = Promise.promise();

  private OpenLoop(Context context, long intervalNanos, long endNanos, LongConsumer tick) {
    this.context = context;
    this.intervalNanos = intervalNanos;
    this.endNanos = endNanos;
    this.tick = tick;
  }

  /** When a load starts (a second from now), when measuring starts (after the warm-up) and when it ends. */
  public record Schedule(long firstNanos, long measureFromNanos, long endNanos) {
    public static Schedule of(Duration warmup, Duration duration) {
      long first = System.nanoTime() + 1_000_000_000L;
      return new Schedule(first, first + warmup.toNanos(), first + warmup.toNanos() + duration.toNanos());
    }
  }

  /** A sender of the many: {@code index} says which, {@code measured} whether the warm-up is over. */
  public interface Sender {
    void send(int index, long intendedNanos, boolean measured);
  }

  /**
   * One open loop per sender (sender i on {@code contexts.get(i)}), each at a random phase within the
   * interval so the senders do not fire in lock step; resolves when all have finished.
   */
  public static Future<Void> runAll(Schedule schedule, List<Context> contexts, Duration interval, long seed,
      Sender sender) {
    Random phases = new Random(seed);
    long step = interval.toNanos();
    List<Future<Void>> loops = new ArrayList<>();
    for (int i = 0; i < contexts.size(); i++) {
      int index = i;
      loops.add(run(contexts.get(i), schedule.firstNanos() + (long) (phases.nextDouble() * step), step,
          schedule.endNanos(), intended -> sender.send(index, intended, intended >= schedule.measureFromNanos())));
    }
    return Future.all(loops).mapEmpty();
  }

  /**
   * {@code perSecond} actions in all, spread over {@code senders} open loops (sender i on context
   * i mod n), so each sender's interval stays well above the timers' millisecond resolution.
   */
  public static Future<Void> atRate(Schedule schedule, List<Context> contexts, double perSecond, int senders, long seed,
      Sender sender) {
    List<Context> assigned = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      assigned.add(contexts.get(i % contexts.size()));
    }
    return runAll(schedule, assigned, Duration.ofNanos(Math.round(senders * 1e9 / perSecond)), seed, sender);
  }

  /** Runs {@code tick(intendedNanos)} on {@code context} until {@code endNanos}; resolves after the last tick. */
  public static Future<Void> run(Context context, long firstNanos, long intervalNanos, long endNanos, LongConsumer tick) {
    OpenLoop loop = new OpenLoop(context, intervalNanos, endNanos, tick);
    context.runOnContext(v -> loop.schedule(firstNanos));
    return loop.done.future();
  }

  private void schedule(long intended) {
    if (intended >= endNanos) {
      done.tryComplete();
      return;
    }
    long delayMs = Math.max(1, (intended - System.nanoTime() + 999_999) / 1_000_000);
    context.owner().setTimer(delayMs, id -> {
      try {
        tick.accept(intended);
      } catch (RuntimeException e) {
        done.tryFail(e);
        return;
      }
      schedule(intended + intervalNanos);
    });
  }
}
