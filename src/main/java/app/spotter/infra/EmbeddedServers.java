package app.spotter.infra;

import app.spotter.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The embedded default: a Postgres and a Redis whose data lives under the data directory, so a
 * fresh clone runs with one command and keeps its data across restarts. Both ask for a password (kept
 * owner-only in the data dir); servers a killed Spotter left running there are stopped before new ones
 * start. Postgres is stopped by {@link #close()} only, after the HTTP drain; embedded-redis always adds
 * a JVM shutdown hook of its own that stops Redis. Blocking: call off the event loop.
 */
public final class EmbeddedServers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServers.class);

  private EmbeddedPostgres postgres;
  private RedisServer redis;
  private DatabaseUrl databaseUrl;
  private URI redisUrl;
  private DataDir claimed;

  public DatabaseUrl startPostgres(Path dataDir, boolean durable) {
    claim(dataDir);
    Path dir = dataDir.resolve("postgres");
    Path passwordFile = dataDir.resolve("postgres-password");
    String password = SecretFile.loadOrCreate(passwordFile);
    boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
    new LeftoverServer(dir.resolve("postmaster.pid"), dir, "postgres").stop(LeftoverServer.POSTGRES);
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .setPort(freePort())
          .setPGStartupWait(Duration.ofSeconds(60))
          // Stopped by Spotter's own shutdown, after in-flight requests are done with it, not by a hook
          // of the library's that the JVM would run alongside the drain.
          .setRegisterShutdownHook(false)
          // zonky's readiness check connects with these properties: the password once the server asks for it.
          .setConnectConfig("password", password)
          .setServerConfig("max_connections", "300")
          // TCP only: Spotter never uses a Unix socket, and one in /tmp is a door for every local user.
          .setServerConfig("unix_socket_directories", "''");
      if (fresh) {
        // initdb gives the superuser its password (zonky passes these as --pwfile=…), and pg_hba.conf
        // is switched before the first start: a new server never trusts anyone, not for a moment.
        builder.setLocaleConfig("pwfile", passwordFile.toString())
            .setDataDirectoryCustomizer(created -> PostgresPassword.closeTrust(created.toPath()));
      }
      // zonky starts Postgres as a throw-away test database (-F: no fsync, synchronous_commit off);
      // Spotter's own data must survive a crash, so durable mode turns both back on (later -c wins).
      builder.setServerConfig("fsync", durable ? "on" : "off")
          .setServerConfig("synchronous_commit", durable ? "on" : "off")
          .setServerConfig("full_page_writes", durable ? "on" : "off")
          // Group commit: with five or more transactions open, a commit waits 150 µs for others to
          // share its WAL flush. Every commit is still flushed before it returns (docs/performance.md).
          .setServerConfig("commit_delay", "150")
          // A new WAL file is not filled with zeros first: on a young server (no old files to recycle
          // yet) writing and flushing those 16 MB held up every commit for 50-300 ms, every 7-12 s
          // under load (docs/performance.md). Its blocks are allocated as WAL is written instead.
          .setServerConfig("wal_init_zero", "off");
      postgres = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded Postgres did not start in " + dir + ": " + e.getMessage(), e);
    }
    databaseUrl = new DatabaseUrl("localhost", postgres.getPort(), "postgres", "postgres", password);
    PostgresPassword.require(dir, databaseUrl);
    LOG.info("embedded Postgres on port {} with data in {}", postgres.getPort(), dir);
    return databaseUrl;
  }

  public URI startRedis(Path dataDir) {
    claim(dataDir);
    Path dir = dataDir.resolve("redis");
    String password = SecretFile.loadOrCreate(dataDir.resolve("redis-password"));
    Path pidFile = dir.resolve("redis.pid");
    new LeftoverServer(pidFile, dir, "redis-server").stop(LeftoverServer.REDIS);
    int port;
    try {
      Files.createDirectories(dir);
      // The library writes these settings to a file in /tmp, left there if Spotter is killed: the
      // password stays in the data dir, in a file that file only includes.
      Path auth = dir.resolve("auth.conf");
      SecretFile.writeOwnerOnly(auth, "requirepass " + password + "\n");
      port = freePort();
      redis = RedisServer.newRedisServer()
          .port(port)
          .bind("127.0.0.1")
          .setting("dir " + dir)
          .setting("pidfile " + pidFile)
          .setting("include " + auth)
          // Nothing on disk: Redis holds nothing that must survive (Postgres is the record; the rest is
          // rebuilt or short-lived, docs/operations.md). An append-only file cost a write and an
          // fsync every second beside Postgres's WAL, and a rewrite of the whole data set each time
          // it doubled: the worst seconds of a load run (docs/performance.md).
          .setting("appendonly no")
          .setting("save \"\"")
          .build();
      redis.start();
      redisUrl = URI.create("redis://:" + password + "@127.0.0.1:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded Redis did not start in " + dir + ": " + e.getMessage(), e);
    }
    LOG.info("embedded Redis on port {} with data in {}", port, dir); // Not the URL: it carries the password.
    return redisUrl;
  }

  public DatabaseUrl databaseUrl() {
    return databaseUrl;
  }

  public URI redisUrl() {
    return redisUrl;
  }

  /** The data dir is this instance's until {@link #close()}: leftovers found in it are a dead process's. */
  private synchronized void claim(Path dataDir) {
    if (claimed == null) {
      claimed = DataDir.claim(dataDir);
    }
  }

  /** Stops what this instance started and lets go of the data dir; safe to call twice. */
  @Override
  public synchronized void close() {
    if (redis != null) {
      try {
        redis.stop();
      } catch (IOException e) {
        LOG.warn("embedded Redis did not stop cleanly: {}", e.getMessage());
      }
      redis = null;
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        LOG.warn("embedded Postgres did not stop cleanly: {}", e.getMessage());
      }
      postgres = null;
    }
    if (claimed != null) {
      claimed.close();
      claimed = null;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
