package app.spotter.config;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code postgresql://user:pass@host:port/db}, split into what the pg client and JDBC need. */
public record DatabaseUrl(String host, int port, String database, String user, String password) {

  public static DatabaseUrl parse(String variable, String value) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(variable + " is not a URL: expected postgresql://user:pass@host:port/db");
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new ConfigException(variable + " must start with postgresql://, got '" + uri.getScheme() + "://'");
    }
    if (uri.getHost() == null) {
      throw new ConfigException(variable + " has no host: expected postgresql://user:pass@host:port/db");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (path.isEmpty()) {
      throw new ConfigException(variable + " has no database name: expected postgresql://user:pass@host:port/db");
    }
    String user = "postgres";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    return new DatabaseUrl(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), path, user, password);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /**
   * The URL {@link #parse} reads, password included: for the environment of a process this one starts
   * (tests), never for a log.
   */
  public String connectionString() {
    return "postgresql://" + encode(user) + ":" + encode(password) + "@" + host + ":" + port + "/" + database;
  }

  /** Never print the password. */
  @Override
  public String toString() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
