package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.Reply;
import app.spotter.support.TestStack;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The input rules stop what Postgres would refuse before it gets there, so no request of the contract
 * reaches these answers today; this checks the failure handler's last line on its own, with the
 * database failures a request could cause.
 */
class DatabaseErrorAnswerTest {
  private Vertx vertx;
  private HttpServer server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.get("/invalid-text").handler(ctx -> ctx.fail(
        new PgException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "22021", null)));
    router.get("/too-long").handler(ctx -> ctx.fail(
        new PgException("value too long for type character varying(200)", "ERROR", "22001", null)));
    // A real refusal by a domain's check (V19): Postgres names the domain, not a table or column.
    Pool database = TestStack.get().pool();
    router.get("/out-of-domain").handler(ctx -> database.query("SELECT 10001::order_position")
        .execute().onComplete(done -> ctx.fail(done.failed() ? done.cause() : new AssertionError("accepted"))));
    router.route().failureHandler(new FailureHandler());
    server = vertx.createHttpServer().requestHandler(router).listen(0).await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  @DisplayName("a value the database refuses gets 400 problem+json in Spotter's words, never the database's text")
  void noDatabaseText() {
    String base = "http://localhost:" + server.actualPort();
    Api api = new Api(base, null);
    for (String path : new String[] {"/invalid-text", "/too-long"}) {
      Reply reply = api.get(base + path);
      assertThat(reply.status()).as(path).isEqualTo(400);
      assertThat(reply.contentType()).as(path).isEqualTo("application/problem+json");
      assertThat(reply.body()).as(path).contains("a value cannot be stored")
          .doesNotContain("byte sequence", "UTF8", "character varying", "too long for type");
    }
  }

  @Test
  @DisplayName("a value a column's domain refuses gets 400 problem+json naming the domain")
  void domainCheck() {
    String base = "http://localhost:" + server.actualPort();
    Reply reply = new Api(base, null).get(base + "/out-of-domain");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");
    assertThat(reply.body()).contains("outside the range of order_position").doesNotContain("violates");
  }
}
