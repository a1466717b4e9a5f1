package app.spotter.live.fanout;

import java.util.UUID;

/** Every Redis key and channel of the live engine, in one place. */
public final class RedisKeys {
  /** Pattern every instance subscribes to: session events and presence, trainer, revocation and password notices. */
  static final String ALL_CHANNELS = "live:ch:*";
  static final String CHANNEL_PREFIX = "live:ch:";
  /** Sorted set of running timers' deadlines: score endsAt, member "sessionId|timerId". */
  public static final String TIMER_DEADLINES = "live:timers";

  private RedisKeys() {}

  public static String sessionChannel(UUID sessionId) {
    return CHANNEL_PREFIX + "s:" + sessionId;
  }

  static String trainerChannel(UUID trainerId) {
    return CHANNEL_PREFIX + "t:" + trainerId;
  }

  /** Notices that an access link or display (by its id) was revoked. */
  static String revocationChannel(UUID credentialId) {
    return CHANNEL_PREFIX + "r:" + credentialId;
  }

  /** Notices that a trainer's password changed (see {@link PasswordChange}). */
  static String passwordChannel(UUID trainerId) {
    return CHANNEL_PREFIX + "p:" + trainerId;
  }

  /** Sorted set of a session's recent events, scored by seq. */
  static String recentEvents(UUID sessionId) {
    return "live:events:" + sessionId;
  }

  static String snapshot(UUID sessionId) {
    return "live:snapshot:" + sessionId;
  }

  public static String presence(UUID sessionId) {
    return "live:presence:" + sessionId;
  }
}
