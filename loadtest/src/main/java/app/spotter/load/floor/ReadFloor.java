package app.spotter.load.floor;

import app.spotter.load.ClosedLoop;
import app.spotter.load.Options;
import app.spotter.load.ServerProcess;
import app.spotter.load.Timing;
import app.spotter.load.metrics.CpuUsage;
import app.spotter.load.metrics.Latencies;
import app.spotter.load.setup.RestClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The read floor: the closed loop the http scenario runs against Spotter's {@code GET /trainees/{id}},
 * at the same concurrency, against the bare read server (its own JVM) over the same Postgres.
 */
public final class ReadFloor {
  public static final String NAME = "closed: GET /rows/{id} (bare)";

  private ReadFloor() {}

  /** CPU figures: "serverJvm" is the read server's; {@code postgresPids} the database's. */
  public static JsonObject run(Vertx vertx, Options options, Path jar, URI databaseUrl, Path log, List<Long> postgresPids,
      Latencies latencies) throws Exception {
    List<String> args = List.of("read-server", "--port", "{port}", "--database-url", databaseUrl.toString(), "--db-pool",
        String.valueOf(options.dbPoolSize()));
    try (ServerProcess bare = ServerProcess.start(jar, "", args, Map.of(), log, "/ready", false)) {
      WebClient client = RestClient.webClient(vertx, URI.create("http://localhost:" + bare.port), options.concurrency());
      try {
        return ClosedLoop.run(Timing.eventLoops(vertx), options.concurrency(), FloorWarmup.of(options),
            options.floorDuration(), () -> client.get("/rows/" + ReadServer.rowId(
                ThreadLocalRandom.current().nextInt(ReadServer.ROWS))).send(), 200, latencies, NAME,
            () -> CpuUsage.sample(bare.pid(), postgresPids));
      } finally {
        client.close();
      }
    }
  }
}
