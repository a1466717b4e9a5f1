package app.spotter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import app.spotter.support.TestStack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The web client's browser tests ({@code web-client/test/e2e}: Node, playwright-core and Debian's
 * Chromium) against this run's server. Without Chromium they cannot run: that is said in one line, and
 * with {@code SPOTTER_E2E=required} (as {@code .ci/run} sets) it is a failure instead.
 */
class BrowserTest {
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SPOTTER_CHROMIUM", "/usr/bin/chromium"));
  private static final Path WEB_CLIENT = Path.of("web-client").toAbsolutePath();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

  @Test
  @DisplayName("a whole live session runs on the trainer's tablet, the trainee's phone and the wall display in Chromium")
  void liveSessionInThreeBrowsers() throws Exception {
    requireChromium();
    TestStack stack = TestStack.get();
    ProcessBuilder npm = new ProcessBuilder("npm", "run", "e2e").directory(WEB_CLIENT.toFile()).redirectErrorStream(true);
    npm.environment().put("SPOTTER_URL", stack.baseUrl());
    npm.environment().put("SPOTTER_CHROMIUM", CHROMIUM.toString());
    npm.environment().put("SPOTTER_SCREENSHOTS", SCREENSHOTS.toString());
    Process run = npm.start();
    // Through System.out, not inheritIO: the forked JVM's own stdout is surefire's channel.
    List<String> report = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))
        .lines().forEach(line -> {
          report.add(line);
          System.out.println(line);
        }));
    reader.start();
    if (!run.waitFor(5, TimeUnit.MINUTES)) {
      run.descendants().forEach(ProcessHandle::destroyForcibly);
      run.destroyForcibly();
      fail("the browser tests did not finish within 5 minutes");
    }
    reader.join();
    assertThat(run.exitValue()).as("npm run e2e failed:%n%s", String.join("\n", failures(report))).isZero();
    assertThat(SCREENSHOTS.resolve("wall-display.png")).exists();
  }

  /** The report's failing lines and what follows them, or its end. */
  private static List<String> failures(List<String> report) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < report.size(); i++) {
      if (report.get(i).contains("not ok") || report.get(i).contains("at failure")) {
        out.addAll(report.subList(i, Math.min(report.size(), i + 12)));
      }
    }
    return out.isEmpty() ? report.subList(Math.max(0, report.size() - 30), report.size()) : out;
  }

  private static void requireChromium() {
    if (Files.isExecutable(CHROMIUM)) {
      return;
    }
    String message = "browser tests did not run: no Chromium at " + CHROMIUM + " (install it: apt-get install chromium)";
    if ("required".equals(System.getenv("SPOTTER_E2E"))) {
      fail(message);
    }
    System.err.println("[WARNING] " + message);
    Assumptions.abort(message);
  }
}
