package app.spotter.auth;

import java.util.Locale;

/** Who is calling: the token's role, named on the wire in lower case. */
public enum Role {
  TRAINER, TRAINEE, DISPLAY,
  /** The server itself, as the actor of events it makes (timer-finished); never a token's role. */
  SERVER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWire(String value) {
    for (Role role : values()) {
      if (role.wire().equals(value)) {
        return role;
      }
    }
    return null;
  }
}
