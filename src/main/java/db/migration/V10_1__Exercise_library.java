package db.migration;

import app.spotter.exercise.LibrarySeed;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Loads the shipped exercise library into the table V10 made. Flyway names the version by the class name. */
public class V10_1__Exercise_library extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    LibrarySeed.upsert(context.getConnection());
  }
}
