package app.spotter.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.config.DatabaseUrl;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The contract's data dir rule: the directory and its secrets are the owner's, both servers ask for a password. */
class EmbeddedLockdownTest {
  private static final EmbeddedServers servers = new EmbeddedServers();
  @TempDir
  static Path temp;
  private static Path dataDir;
  private static DatabaseUrl database;
  private static URI redis;

  @BeforeAll
  static void startOnAFreshDataDir() throws Exception {
    dataDir = temp.resolve("not-there-yet");
    database = servers.startPostgres(dataDir, false);
    redis = servers.startRedis(dataDir);
    JwtSecretStore.loadOrCreate(dataDir);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Test
  @DisplayName("a data dir Spotter creates is rwx------ and every secret in it rw-------")
  void ownerOnly() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
    for (String secret : new String[] {"postgres-password", "redis-password", "jwt-secret", "redis/auth.conf"}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(secret))))
          .as(secret).isEqualTo("rw-------");
    }
  }

  @Test
  @DisplayName("an existing data dir and secret readable by others are tightened at start")
  void looserOnesTightened() throws Exception {
    Path existing = Files.createDirectory(temp.resolve("loose"));
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path secret = Files.writeString(existing.resolve("jwt-secret"), "a secret someone copied in by hand, 32+ chars");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

    try (DataDir ignored = DataDir.claim(existing)) {
      assertThat(JwtSecretStore.loadOrCreate(existing)).isEqualTo("a secret someone copied in by hand, 32+ chars");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
  }

  @Test
  @DisplayName("an empty secret file, as a crash mid-write of an older version could leave, gets a new secret, never an empty one")
  void emptySecretReplaced() throws Exception {
    Path secret = Files.createFile(Files.createDirectory(temp.resolve("empty-secret")).resolve("redis-password"));

    String made = SecretFile.loadOrCreate(secret);

    assertThat(made).hasSizeGreaterThanOrEqualTo(32);
    assertThat(Files.readString(secret)).isEqualTo(made);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
  }

  @Test
  @DisplayName("the embedded Postgres refuses a connection without its password, and listens on no Unix socket")
  void postgresNeedsItsPassword() throws Exception {
    assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "").close())
        .isInstanceOf(SQLException.class).hasMessageContaining("password");
    assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "guess").close())
        .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    try (var c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        var rs = c.createStatement().executeQuery("SELECT current_setting('unix_socket_directories')")) {
      rs.next();
      assertThat(rs.getString(1)).as("unix_socket_directories").isEmpty();
    }
    assertThat(Path.of("/tmp/.s.PGSQL." + database.port())).doesNotExist();
  }

  @Test
  @DisplayName("the embedded Redis answers a command without its password with NOAUTH, and its URL carries the password")
  void redisNeedsItsPassword() throws Exception {
    assertThat(redisSays(redis.getPort(), "PING")).startsWith("-NOAUTH");
    assertThat(redis.getUserInfo()).isEqualTo(":" + Files.readString(dataDir.resolve("redis-password")));
    assertThat(redisSays(redis.getPort(), "AUTH " + redis.getUserInfo().substring(1))).isEqualTo("+OK");
    // The settings file the library leaves in /tmp when Spotter is killed does not hold the password.
    try (var leftovers = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), "embedded-redis-server_*")) {
      for (Path file : leftovers) {
        if (Files.isReadable(file) && Files.readString(file).contains("dir " + dataDir.resolve("redis"))) {
          assertThat(Files.readString(file)).doesNotContain(redis.getUserInfo().substring(1));
        }
      }
    }
  }

  @Test
  @DisplayName("a data dir held by a running Spotter is refused to a second one, whose start touches none of its servers")
  void heldDataDirRefused() throws Exception {
    try (EmbeddedServers second = new EmbeddedServers()) {
      assertThatThrownBy(() -> second.startPostgres(dataDir, false)).hasMessageContaining("in use");
    }
    try (var c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      assertThat(c.isValid(2)).isTrue();
    }
    assertThat(redisSays(redis.getPort(), "PING")).startsWith("-NOAUTH");
    // Still held as another process sees it: the refused claim did not drop this JVM's lock.
    assertThat(LockProbe.probe(dataDir.resolve("embedded.lock"))).as("probe exit status (1: the lock is held)").isEqualTo(1);
  }

  /** The first line Redis answers to one inline command. */
  private static String redisSays(int port, String command) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
  }

  @Test
  @DisplayName("a new data dir's Postgres never trusts: initdb sets the password and no pg_hba.conf line ever says trust")
  void newDataDirNeverTrusts() throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(PostgresPassword.class);
    ListAppender<ILoggingEvent> switches = new ListAppender<>();
    switches.start();
    log.addAppender(switches);
    Path fresh = temp.resolve("fresh");
    try (EmbeddedServers own = new EmbeddedServers()) {
      DatabaseUrl url = own.startPostgres(fresh, false);

      // A switch after the start would mean the server ran for a moment letting anyone in.
      assertThat(switches.list).as("trust switched off only after the server had started").isEmpty();
      assertThat(Files.readString(fresh.resolve("postgres/pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
      try (var c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
        assertThat(c.isValid(1)).isTrue();
      }
    } finally {
      log.detachAppender(switches);
    }
  }
}
