package app.spotter.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;

/**
 * A webhook receiver on 127.0.0.1: it keeps every request and answers with the statuses it is told,
 * in order, then with {@code 204}; a status of {@code 0} leaves that request unanswered.
 */
final class Receiver implements AutoCloseable {
  static final int HANG = 0;

  /** One request as received, and the status it was answered with ({@link #HANG} for none). */
  record Received(String id, String timestamp, String signature, String contentType, String body, int answer) {
    JsonObject json() {
      return new JsonObject(body);
    }

    String type() {
      return json().getString("type");
    }

    boolean accepted() {
      return answer / 100 == 2;
    }

    /** The receiver's check, written here from the Standard Webhooks specification rather than taken from the server. */
    String expectedSignature(String secret) throws GeneralSecurityException {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      String signed = id + "." + timestamp + "." + body;
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile int otherwise = 204;

  private Receiver(Vertx vertx) {
    server = vertx.createHttpServer()
        .connectionHandler(connection -> connections.incrementAndGet())
        .requestHandler(request -> request.body().onSuccess(body -> {
          Integer status = answers.poll();
          int answer = status == null ? otherwise : status;
          received.add(new Received(request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
              request.getHeader("webhook-signature"), request.getHeader("content-type"), body.toString(), answer));
          if (answer != HANG) {
            request.response().setStatusCode(answer).end();
          }
        }))
        .listen(0, "127.0.0.1").await();
  }

  static Receiver start(Vertx vertx) {
    return new Receiver(vertx);
  }

  int port() {
    return server.actualPort();
  }

  String url() {
    return "http://127.0.0.1:" + port() + "/hook";
  }

  /** The next requests get these statuses, in order. */
  Receiver answer(Integer... statuses) {
    answers.addAll(List.of(statuses));
    return this;
  }

  /** Requests beyond those told get this status. */
  Receiver otherwise(int status) {
    otherwise = status;
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  int connections() {
    return connections.get();
  }

  /** Waits (at most 15 s) until {@code count} requests came, and returns them all. */
  List<Received> await(int count) {
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> received.size() >= count);
    return received();
  }

  @Override
  public void close() {
    server.close().await();
  }
}
