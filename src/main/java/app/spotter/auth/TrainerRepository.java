package app.spotter.auth;

import app.spotter.infra.db.Column;
import app.spotter.infra.db.Kind;
import app.spotter.infra.db.TableMapping;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Trainer accounts. The password hash is not mapped: it never leaves this class except for verification. */
public final class TrainerRepository {
  private static final TableMapping TABLE = new TableMapping("trainer", List.of(
      Column.of("email", Kind.TEXT),
      Column.of("name", Kind.TEXT),
      Column.of("phone", Kind.TEXT),
      Column.of("address", Kind.TEXT),
      Column.of("unit", Kind.TEXT),
      Column.of("load_increment", Kind.DECIMAL),
      Column.of("time_zone", Kind.TEXT)),
      List.of(Column.of("is_active", Kind.BOOL)));

  /** Unit and time zone start at the table's defaults. */
  private static final String INSERT = "INSERT INTO trainer (email, hashed_password, name, phone, address)"
      + " VALUES ($1, $2, $3, $4, $5) RETURNING password_version, " + TABLE.selectList();
  private static final String BY_ID = "SELECT " + TABLE.selectList() + " FROM trainer WHERE id = $1";
  private static final String CREDENTIALS_BY_EMAIL =
      "SELECT id, hashed_password, is_active, password_version FROM trainer WHERE lower(email) = lower($1)";
  private static final String HASH_BY_ID = "SELECT hashed_password FROM trainer WHERE id = $1";
  private static final String PASSWORD_VERSION = "SELECT password_version FROM trainer WHERE id = $1";
  /** Held until the transaction ends, so a password change waits for a sign-in in progress (and the reverse). */
  private static final String LOCK_PASSWORD_VERSION = "SELECT password_version FROM trainer WHERE id = $1 FOR SHARE";
  /**
   * When the unit changes, the trainer's live sessions move on a version: their commands show records
   * in it and may have kept it from an earlier commit (the live engine's WarmSessions), so they must
   * read it again. (The subquery sees the row as it was before the update.)
   */
  private static final String UPDATE_PROFILE = "WITH updated AS (" + TABLE.updateSql("") + "),"
      + " moved AS (UPDATE training_session_record r SET version = r.version + 1 FROM updated u"
      + " WHERE r.trainer_id = u.id AND r.status = 'live'"
      + " AND u.unit IS DISTINCT FROM (SELECT t.unit FROM trainer t WHERE t.id = u.id)) SELECT * FROM updated";
  private static final String UPDATE_PASSWORD = "UPDATE trainer SET hashed_password = $2,"
      + " password_version = password_version + 1, version = version + 1, updated_at = now()"
      + " WHERE id = $1 RETURNING password_version";

  /** What login needs to know about an account: {@code passwordVersion} tells whether the password changed since. */
  public record Credentials(UUID id, String hashedPassword, boolean active, int passwordVersion) {}

  /** A new account and its first password version. */
  public record Created(JsonObject trainer, int passwordVersion) {}

  private final Pool pool;

  public TrainerRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Created> insert(SqlClient client, JsonObject trainer, String hashedPassword) {
    return client.preparedQuery(INSERT)
        .execute(Tuple.of(trainer.getString("email"), hashedPassword, trainer.getString("name"),
            trainer.getString("phone"), trainer.getString("address")))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new Created(TrainerSettings.shown(TABLE.toJson(row)), row.getInteger("password_version"));
        });
  }

  /** The trainer as the API shows it (the load increment in effect). */
  public Future<Optional<JsonObject>> findById(UUID id) {
    return findStored(id).map(found -> found.map(TrainerSettings::shown));
  }

  /** The trainer as stored: a load increment of null follows the unit. */
  Future<Optional<JsonObject>> findStored(UUID id) {
    return pool.preparedQuery(BY_ID).execute(Tuple.of(id)).map(TABLE::first);
  }

  public Future<Optional<Credentials>> credentialsByEmail(String email) {
    return pool.preparedQuery(CREDENTIALS_BY_EMAIL).execute(Tuple.of(email)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Credentials(row.getUUID("id"), row.getString("hashed_password"),
          row.getBoolean("is_active"), row.getInteger("password_version")));
    });
  }

  /** Empty when there is no such trainer. */
  public Future<Optional<Integer>> passwordVersion(UUID id) {
    return pool.preparedQuery(PASSWORD_VERSION).execute(Tuple.of(id)).map(TrainerRepository::firstInteger);
  }

  /** The password version, locked against a change until {@code tx} ends; empty when there is no such trainer. */
  public Future<Optional<Integer>> lockPasswordVersion(SqlClient tx, UUID id) {
    return tx.preparedQuery(LOCK_PASSWORD_VERSION).execute(Tuple.of(id)).map(TrainerRepository::firstInteger);
  }

  public Future<Optional<String>> passwordHash(UUID id) {
    return pool.preparedQuery(HASH_BY_ID).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
  }

  /** Empty when the version no longer matches (someone else changed the profile). */
  public Future<Optional<JsonObject>> updateProfile(UUID id, JsonObject merged, int expectedVersion) {
    return pool.preparedQuery(UPDATE_PROFILE)
        .execute(TABLE.writeTuple(merged).addUUID(id).addInteger(expectedVersion))
        .map(rows -> TABLE.first(rows).map(TrainerSettings::shown));
  }

  /** Returns the new password version. */
  public Future<Integer> updatePassword(SqlClient client, UUID id, String hashedPassword) {
    return client.preparedQuery(UPDATE_PASSWORD).execute(Tuple.of(id, hashedPassword))
        .map(rows -> rows.iterator().next().getInteger(0));
  }

  private static Optional<Integer> firstInteger(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getInteger(0));
  }
}
