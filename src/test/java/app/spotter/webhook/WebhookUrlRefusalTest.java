package app.spotter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.ExtraSpotter;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An instance with the default rule (private addresses not allowed). Only literal addresses and
 * {@code localhost} are tried: nothing here looks a name up in public DNS.
 */
class WebhookUrlRefusalTest extends ApiTest {
  private ExtraSpotter instance;
  private Receiver receiver;

  @BeforeEach
  void start() {
    instance = ExtraSpotter.start(Map.of("SPOTTER_WEBHOOKS_ALLOW_PRIVATE", "false"));
    receiver = Receiver.start(stack.vertx);
  }

  @AfterEach
  void stop() {
    instance.close();
    receiver.close();
  }

  @Test
  @DisplayName("URLs on loopback, private, link-local (cloud metadata), CGNAT or unspecified hosts get 400 naming url, and no connection is made")
  void privateHostsRefused() {
    Trainer trainer = registerTrainer();
    Api api = new Api(instance.baseUrl(), trainer.api().token());
    int port = receiver.port();
    String[] urls = {
        "http://127.0.0.1:" + port + "/hook", "http://localhost:" + port + "/hook", "http://[::1]:" + port + "/hook",
        "https://10.1.2.3/hook", "http://192.168.1.10/hook", "http://172.16.5.4/hook",
        "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/hook", "http://0.0.0.0:" + port + "/hook",
        "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://[::ffff:127.0.0.1]:" + port + "/hook"};

    for (String url : urls) {
      Reply reply = api.post("/webhooks", new JsonObject().put("url", url).put("events", new JsonArray().add("trainee.created")));
      assertThat(reply.status()).as(url).isEqualTo(400);
      assertThat(reply.errorFields()).as(url).containsExactly("url");
    }

    assertThat(receiver.connections()).isZero();
    assertThat(stack.count("SELECT count(*) FROM webhook_endpoint")).isZero();
  }
}
