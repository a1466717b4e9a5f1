package app.spotter.load;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spotter (or the echo floor server) run as a child process: a free port, a temporary data
 * directory (so embedded Postgres and Redis start fresh), output to a log file. It is stopped by
 * the PID it was started with, gracefully first (SIGTERM runs Spotter's shutdown hook, which stops
 * the embedded servers), and its data directory is deleted.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern EMBEDDED_PG = Pattern.compile("embedded Postgres on port (\\d+)");
  private final Process process;
  private final Path dataDir;
  private final Path log;
  public final int port;

  private ServerProcess(Process process, Path dataDir, Path log, int port) {
    this.process = process;
    this.dataDir = dataDir;
    this.log = log;
    this.port = port;
  }

  /** Starts {@code java [opts] -jar jar args} with the extra environment given, waiting until {@code readyPath} answers 200. */
  public static ServerProcess start(Path jar, String javaOpts, List<String> args, Map<String, String> env, Path log,
      String readyPath, boolean spotterEnv) throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException("no server jar at " + jar.toAbsolutePath() + " (build it: mvn -B -o -q package -DskipTests)");
    }
    int port = freePort();
    Path dataDir = Files.createTempDirectory("spotter-load-");
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    if (!javaOpts.isBlank()) {
      command.addAll(List.of(javaOpts.trim().split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
    command.addAll(args.stream().map(a -> a.replace("{port}", String.valueOf(port))).toList());
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (spotterEnv) {
      builder.environment().put("SPOTTER_PORT", String.valueOf(port));
      builder.environment().put("SPOTTER_DATA_DIR", dataDir.toString());
      // Every trainer of a run registers from this one address; --server-env may still set a limit.
      builder.environment().put("SPOTTER_REGISTRATIONS_PER_IP", "0");
    }
    builder.environment().putAll(env);
    ServerProcess server = new ServerProcess(builder.start(), dataDir, log, port);
    server.awaitReady(readyPath);
    return server;
  }

  public long pid() {
    return process.pid();
  }

  /**
   * The processes working for the server that are not its descendants: the embedded Postgres
   * daemonizes (pg_ctl), so its postmaster is found through the data directory's postmaster.pid.
   */
  public List<Long> helperPids() {
    try {
      return List.of(Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  public URI url() {
    return URI.create("http://localhost:" + port);
  }

  /**
   * The embedded Postgres the server logged, as a database URL: user postgres, the password Spotter
   * generated into its data dir (URL-safe characters only).
   */
  public Optional<URI> embeddedDatabaseUrl() {
    try {
      Matcher m = EMBEDDED_PG.matcher(Files.readString(log));
      if (!m.find()) {
        return Optional.empty();
      }
      String password = Files.readString(dataDir.resolve("postgres-password")).trim();
      return Optional.of(URI.create("postgresql://postgres:" + password + "@localhost:" + m.group(1) + "/postgres"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void awaitReady(String readyPath) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the server exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpURLConnection c = (HttpURLConnection) url().resolve(readyPath).toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    close();
    throw new IOException("the server was not ready within 120 s; see " + log);
  }

  /** SIGTERM to the PID we started, up to 60 s for a clean stop, then SIGKILL; then the data directory goes. */
  @Override
  public void close() throws InterruptedException, IOException {
    ProcessHandle handle = process.toHandle();
    List<ProcessHandle> children = handle.descendants().toList();
    if (process.isAlive()) {
      handle.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        handle.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    // Anything it started and left behind (after a forced kill): those exact PIDs, nothing else.
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    deleteTree(dataDir);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
