package app.spotter.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Reads and checks single environment variables; every failure names the variable. */
final class EnvReader {
  /** Longer than any sane token or window; also keeps second counts within an int. */
  private static final Duration MAX_DURATION = Duration.ofDays(366);
  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  Optional<String> optional(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  String string(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  int integer(String name, int fallback, int min, int max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be an integer from " + min + " to " + max + ", got '" + raw.get() + "'");
    }
  }

  boolean bool(String name, boolean fallback) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new ConfigException(name + " must be true or false, got '" + raw.get() + "'");
    };
  }

  /** ISO-8601 durations (PT15M) or plain seconds. */
  Duration duration(String name, Duration fallback) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      Duration value = raw.get().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(raw.get())) : Duration.parse(raw.get());
      if (value.isNegative() || value.isZero() || value.compareTo(MAX_DURATION) > 0) {
        throw new DateTimeParseException("not positive", raw.get(), 0);
      }
      return value;
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw new ConfigException(name + " must be a positive duration up to 366 days, in seconds or ISO-8601 (PT15M), got '" + raw.get() + "'");
    }
  }

  URI uri(String name, String value, String... schemes) {
    try {
      URI uri = URI.create(value);
      for (String scheme : schemes) {
        if (scheme.equals(uri.getScheme()) && uri.getHost() != null) {
          return uri;
        }
      }
    } catch (IllegalArgumentException ignored) {
      // reported below, with the expected form
    }
    throw new ConfigException(name + " must be a URL like " + schemes[0] + "://host:port, got '" + value + "'");
  }

  String publicUrl(String name, String fallback) {
    String value = string(name, fallback);
    uri(name, value, "http", "https");
    return value.replaceFirst("/+$", "");
  }

  String minLength(String name, String value, int min) {
    if (value.length() < min) {
      throw new ConfigException(name + " must be at least " + min + " characters long");
    }
    return value;
  }
}
