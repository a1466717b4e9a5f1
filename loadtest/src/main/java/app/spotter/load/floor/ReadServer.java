package app.spotter.load.floor;

import app.spotter.load.setup.TraineeProfile;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The read floor's server: a bare Vert.x HTTP server (one verticle per core, like Spotter's) and a
 * Postgres pool of Spotter's size and settings, serving {@code GET /rows/{id}}: one row read by
 * primary key and returned as JSON. The rows are trainee-sized (the same profiles the http scenario
 * gives its trainees), in a scratch table made at start and dropped at exit. {@code GET /ready} answers 200.
 */
public final class ReadServer extends VerticleBase {
  public static final int ROWS = 1000;
  private static final String DROP = "DROP TABLE IF EXISTS loadtest_read_floor";
  private static final String CREATE = "CREATE TABLE loadtest_read_floor (id uuid PRIMARY KEY, trainer_id uuid NOT NULL,"
      + " name text NOT NULL, profile jsonb NOT NULL, version int NOT NULL DEFAULT 1,"
      + " created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())";
  private static final String INSERT = "INSERT INTO loadtest_read_floor (id, trainer_id, name, profile) VALUES ($1, $2, $3, $4)";
  private static final String SELECT = "SELECT id, trainer_id, name, profile, version, created_at, updated_at"
      + " FROM loadtest_read_floor WHERE id = $1";
  private static final UUID TRAINER = new UUID(0x5107, 1);
  private final int port;
  private final Pool pool;

  private ReadServer(int port, Pool pool) {
    this.port = port;
    this.pool = pool;
  }

  /** The id of row {@code i} (0 ≤ i < {@link #ROWS}), the same in the generator and here. */
  public static UUID rowId(int i) {
    return UUID.nameUUIDFromBytes(("loadtest-row-" + i).getBytes(StandardCharsets.UTF_8));
  }

  public static void main(int port, URI databaseUrl, int poolSize) {
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(poolSize).setShared(false))
        .connectingTo(PostgresFloor.connectOptions(databaseUrl)).using(vertx).build();
    pool.query(DROP).execute().compose(v -> pool.query(CREATE).execute())
        .compose(v -> pool.preparedQuery(INSERT).executeBatch(IntStream.range(0, ROWS).mapToObj(i ->
            Tuple.of(rowId(i), TRAINER, "Floor Trainee " + i, TraineeProfile.of(i))).toList()))
        .await();
    // Stopped with SIGTERM by the generator: the scratch table goes with it.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> pool.query(DROP).execute().await()));
    vertx.deployVerticle(() -> new ReadServer(port, pool),
        new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())).await();
    System.out.println("read server on port " + port + " with " + ROWS + " rows");
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer().requestHandler(this::handle).listen(port);
  }

  private void handle(HttpServerRequest request) {
    String path = request.path();
    if ("/ready".equals(path)) {
      request.response().end();
    } else if (path.startsWith("/rows/")) {
      UUID id;
      try {
        id = UUID.fromString(path.substring("/rows/".length()));
      } catch (IllegalArgumentException e) {
        request.response().setStatusCode(400).end();
        return;
      }
      pool.preparedQuery(SELECT).execute(Tuple.of(id)).onComplete(r -> {
        if (r.failed()) {
          request.response().setStatusCode(500).end();
        } else if (r.result().size() == 0) {
          request.response().setStatusCode(404).end();
        } else {
          request.response().putHeader("Content-Type", "application/json").end(json(r.result().iterator().next()).encode());
        }
      });
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  private static JsonObject json(Row row) {
    JsonObject out = new JsonObject().put("id", row.getUUID("id").toString())
        .put("trainerId", row.getUUID("trainer_id").toString()).put("name", row.getString("name"));
    out.mergeIn(row.getJsonObject("profile"));
    return out.put("measurementHistory", new JsonArray()).put("progressPhotos", new JsonArray())
        .put("version", row.getInteger("version"))
        .put("createdAt", row.getOffsetDateTime("created_at").toString())
        .put("updatedAt", row.getOffsetDateTime("updated_at").toString());
  }
}
