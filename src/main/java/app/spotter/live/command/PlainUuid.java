package app.spotter.live.command;

import java.util.UUID;

/** An id as a client sends it in a frame or a payload: a string holding a UUID, else null. */
public final class PlainUuid {
  private PlainUuid() {}

  public static UUID orNull(Object value) {
    try {
      return value instanceof String s ? UUID.fromString(s) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
