package app.spotter.infra.db;

/** The name of a copy (a duplicated template, a program copied for a trainee) when the caller gives none. */
public final class CopyName {
  /** Names are 1..200 characters (V1); the original is shortened so that the suffix always fits. */
  private static final int MAX = 200;
  private static final String SUFFIX = " (copy)";

  private CopyName() {}

  /** {@code given} when present, else "{@code original} (copy)". */
  public static String of(String original, String given) {
    if (given != null) {
      return given;
    }
    int keep = Math.min(original.length(), MAX - SUFFIX.length());
    // Never cut a surrogate pair in half: the half left would be refused as text.
    if (keep < original.length() && Character.isHighSurrogate(original.charAt(keep - 1))) {
      keep--;
    }
    return original.substring(0, keep) + SUFFIX;
  }
}
