package app.spotter.config;

/** A configuration value that cannot be used; the message is the one line an operator sees. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
