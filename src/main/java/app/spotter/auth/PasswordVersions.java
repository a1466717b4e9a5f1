package app.spotter.auth;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each trainer's current password version, which a trainer access token must carry to be accepted.
 * Read from Postgres at most once per {@link #STALENESS} per trainer and instance, not per request.
 * A change is applied here at once on the instance that made it and, through the live engine's Redis
 * notice, on the others; an instance that missed the notice accepts older tokens for at most
 * {@link #STALENESS} more. Versions only grow, so a read that raced a change never lowers one.
 */
public final class PasswordVersions {
  /** How long a cached version is trusted before Postgres is asked again. */
  public static final Duration STALENESS = Duration.ofSeconds(30);
  /** Past this many trainers the cache starts over: a bound on memory, never on correctness. */
  private static final int MAX_ENTRIES = 10_000;

  private record Known(int version, long readAtNanos) {}

  private final TrainerRepository trainers;
  private final Map<UUID, Known> known = new ConcurrentHashMap<>();

  public PasswordVersions(TrainerRepository trainers) {
    this.trainers = trainers;
  }

  /** Empty when there is no such trainer. */
  public Future<Optional<Integer>> current(UUID trainerId) {
    Known cached = known.get(trainerId);
    if (cached != null && System.nanoTime() - cached.readAtNanos() < STALENESS.toNanos()) {
      return Future.succeededFuture(Optional.of(cached.version()));
    }
    return trainers.passwordVersion(trainerId).map(found -> found.map(version -> remember(trainerId, version)));
  }

  /** Whether this instance already knows of a password after {@code version}; reads nothing. */
  public boolean knownAfter(UUID trainerId, int version) {
    Known cached = known.get(trainerId);
    return cached != null && cached.version() > version;
  }

  /** A password change, here or (told through Redis) on another instance. */
  public void changed(UUID trainerId, int version) {
    remember(trainerId, version);
  }

  private int remember(UUID trainerId, int version) {
    if (known.size() >= MAX_ENTRIES) {
      known.clear();
    }
    long now = System.nanoTime();
    return known.merge(trainerId, new Known(version, now),
        (old, fresh) -> new Known(Math.max(old.version(), fresh.version()), now)).version();
  }
}
