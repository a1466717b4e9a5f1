package app.spotter.load;

import app.spotter.load.floor.EchoServer;
import app.spotter.load.floor.ReadServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code java -jar spotter-load.jar <scenario> [options]}: exit 0 when the run passed, 1 when not, 2 on bad usage. */
public final class LoadMain {
  private LoadMain() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.err.print(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.scenario().equals("read-server") && options.databaseUrl().isEmpty()) {
      System.err.println("read-server needs --database-url");
      System.exit(2);
    }
    switch (options.scenario()) {
      case "echo-server" -> EchoServer.main(Integer.parseInt(options.given().getOrDefault("port", "8090")));
      case "read-server" -> ReadServer.main(Integer.parseInt(options.given().getOrDefault("port", "8091")),
          options.databaseUrl().orElseThrow(), options.dbPoolSize());
      case "fanout", "connections", "http", "floors" -> System.exit(run(options, args));
      default -> {
        System.err.println("unknown scenario '" + options.scenario() + "'");
        System.err.print(Options.USAGE);
        System.exit(2);
      }
    }
  }

  private static int run(Options options, String[] args) {
    try {
      return new LoadRun(options, "java -jar spotter-load.jar " + String.join(" ", args), ownJar()).execute() ? 0 : 1;
    } catch (Exception e) {
      System.err.println("the run failed: " + e);
      e.printStackTrace();
      return 1;
    }
  }

  /** This generator's jar, which also runs the floors' servers. */
  static Optional<Path> ownJar() {
    try {
      Path p = Path.of(LoadMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
