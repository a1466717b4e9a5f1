package app.spotter.infra;

import app.spotter.config.DatabaseUrl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Flyway over JDBC, once at start. Blocking: run it on a worker thread. */
public final class Migrations {
  private Migrations() {}

  public static MigrateResult migrate(DatabaseUrl url) {
    return migrate(url, "latest");
  }

  /** Up to and including version {@code target} ("latest" for all). */
  public static MigrateResult migrate(DatabaseUrl url, String target) {
    return Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        .connectRetries(10)
        .target(target)
        .load()
        .migrate();
  }
}
