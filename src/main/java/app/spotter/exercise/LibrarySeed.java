package app.spotter.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Loads the shipped library ({@code classpath:exercises/exercises.json}) into the {@code exercise}
 * table: new entries are added, changed ones updated (their version moves on), custom exercises and
 * entries the file no longer has are left alone, since templates and records may name them. Run by
 * migration V10.1 over JDBC; a later migration that calls it again re-seeds after the file changed.
 */
public final class LibrarySeed {
  private static final String RESOURCE = "exercises/exercises.json";
  private static final String FIELDS = "name, category, equipment, level, force, mechanic, primary_muscles, secondary_muscles";
  private static final String UPSERT = "INSERT INTO exercise (id, " + FIELDS + ")"
      + " SELECT e.id, e.name, e.category, e.equipment, e.level, e.force, e.mechanic,"
      + " e.\"primaryMuscles\", e.\"secondaryMuscles\""
      + " FROM jsonb_to_recordset(?::jsonb) AS e (id text, name text, category text, equipment text, level text,"
      + " force text, mechanic text, \"primaryMuscles\" jsonb, \"secondaryMuscles\" jsonb)"
      + " ON CONFLICT (id) DO UPDATE SET (" + FIELDS + ") = (" + of("excluded") + "),"
      + " version = exercise.version + 1, updated_at = now()"
      + " WHERE exercise.trainer_id IS NULL AND (" + of("exercise") + ") IS DISTINCT FROM (" + of("excluded") + ")";

  private LibrarySeed() {}

  /** The fields of the row called {@code row}. */
  private static String of(String row) {
    return row + "." + FIELDS.replace(", ", ", " + row + ".");
  }

  /** Returns the number of entries added or changed. */
  public static int upsert(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
      statement.setString(1, libraryJson());
      return statement.executeUpdate();
    }
  }

  private static String libraryJson() {
    try (InputStream in = LibrarySeed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
