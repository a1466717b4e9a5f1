package app.spotter.load.http;

import app.spotter.load.metrics.Counters;
import app.spotter.load.metrics.Latencies;
import app.spotter.load.metrics.Timeline;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST mix, as a trainer's app uses the API: mostly reading one trainee, then listing trainees,
 * reading session records and history, editing a trainee (If-Match with the ETag of the last answer)
 * and recording a measurement. Each request goes out for a random trainer; its latency is measured
 * from its intended send time, per kind and in all.
 */
final class RestMix {
  static final String ALL = "all";
  /** The API's largest page. */
  private static final int MAX_PAGE = 200;

  /** A kind of request, its share of the mix in percent and the status it must get. */
  enum Kind {
    GET_TRAINEE("GET trainee", 60, 200),
    LIST_TRAINEES("GET trainees page", 15, 200),
    GET_RECORD("GET session record", 5, 200),
    LIST_RECORDS("GET session history", 5, 200),
    PATCH_TRAINEE("PATCH trainee", 10, 200),
    POST_MEASUREMENT("POST measurement", 5, 201);

    final String label;
    final int percent;
    final int expected;

    Kind(String label, int percent, int expected) {
      this.label = label;
      this.percent = percent;
      this.expected = expected;
    }

    static Kind pick(Random random) {
      int roll = random.nextInt(100);
      for (Kind k : values()) {
        roll -= k.percent;
        if (roll < 0) {
          return k;
        }
      }
      throw new IllegalStateException("the shares add up to less than 100");
    }
  }

  /** What one rate step records: latencies by kind and in all (also second by second), counts, requests unanswered. */
  record Step(Latencies latencies, Timeline timeline, Counters counters, AtomicInteger inFlight) {
    Step(int seconds) {
      this(new Latencies().declare(ALL), new Timeline(seconds), new Counters(), new AtomicInteger());
    }
  }

  private final WebClient client;
  private final List<TrainerRoster> rosters;

  RestMix(WebClient client, List<TrainerRoster> rosters) {
    this.client = client;
    this.rosters = rosters;
  }

  /** Sends one request of the mix now, meant for {@code intended}; warm-up requests are counted, not measured. */
  void send(Random random, long intended, boolean measured, Step step) {
    TrainerRoster trainer = rosters.get(random.nextInt(rosters.size()));
    Kind kind = Kind.pick(random);
    step.inFlight().incrementAndGet();
    step.counters().add("sent");
    int t = random.nextInt(trainer.trainees.size());
    String trainee = trainer.trainees.get(t);
    switch (kind) {
      case GET_TRAINEE -> answer(request(HttpMethod.GET, "/trainees/" + trainee, trainer).send(), kind, intended,
          measured, step);
      case LIST_TRAINEES -> answer(request(HttpMethod.GET, "/trainees", trainer)
          .addQueryParam("limit", String.valueOf(Math.min(MAX_PAGE, trainer.trainees.size()))).send(), kind, intended,
          measured, step);
      case GET_RECORD -> {
        List<String> records = trainer.records.get(t);
        answer(request(HttpMethod.GET, "/session-records/" + records.get(random.nextInt(records.size())), trainer).send(),
            kind, intended, measured, step);
      }
      case LIST_RECORDS -> answer(request(HttpMethod.GET, "/session-records", trainer).addQueryParam("traineeId", trainee)
          .addQueryParam("limit", "10").send(), kind, intended, measured, step);
      case PATCH_TRAINEE -> patch(trainer, random.nextBoolean(), intended, measured, step);
      case POST_MEASUREMENT -> answer(request(HttpMethod.POST, "/trainees/"
          + trainer.weighed.get(random.nextInt(trainer.weighed.size())) + "/measurements", trainer)
          .sendJsonObject(new JsonObject().put("weight", 60 + random.nextInt(400) / 10.0)
              .put("bodyFatPercentage", 10 + random.nextInt(200) / 10.0)), kind, intended, measured, step);
      default -> throw new IllegalStateException("unknown kind " + kind);
    }
  }

  /** One edit of a free trainee with its ETag; whatever the answer, the trainee goes back with its ETag now. */
  private void patch(TrainerRoster trainer, boolean advanced, long intended, boolean measured, Step step) {
    boolean waited = trainer.edit(e -> {
      Future<HttpResponse<Buffer>> sent = request(HttpMethod.PATCH, "/trainees/" + e.traineeId(), trainer)
          .putHeader("If-Match", e.etag())
          .sendJsonObject(new JsonObject().put("fitnessLevel", advanced ? "advanced" : "intermediate"));
      answer(sent, Kind.PATCH_TRAINEE, intended, measured, step);
      sent.compose(r -> r.statusCode() == 200 ? Future.succeededFuture(r.getHeader("ETag"))
              // An edit that failed leaves the ETag unknown: read it again so later edits do not fail too.
              : request(HttpMethod.GET, "/trainees/" + e.traineeId(), trainer).send().map(g -> g.getHeader("ETag")))
          .onComplete(etag -> trainer.done(new TrainerRoster.Editable(e.traineeId(),
              etag.succeeded() && etag.result() != null ? etag.result() : e.etag())));
    });
    if (waited) {
      step.counters().add("patch-waited-for-a-free-trainee");
    }
  }

  private HttpRequest<Buffer> request(HttpMethod method, String path, TrainerRoster trainer) {
    return client.request(method, "/api/v1" + path).bearerTokenAuthentication(trainer.token).timeout(30_000);
  }

  private static void answer(Future<HttpResponse<Buffer>> sent, Kind kind, long intended, boolean measured, Step step) {
    sent.onComplete(r -> {
      long latency = System.nanoTime() - intended;
      step.inFlight().decrementAndGet();
      if (r.failed()) {
        step.counters().add("error:" + kind.label + " " + r.cause().getClass().getSimpleName());
        return;
      }
      if (r.result().statusCode() != kind.expected) {
        step.counters().add("error:" + kind.label + " " + r.result().statusCode());
        return;
      }
      if (measured) {
        step.latencies().recordNanos(ALL, latency);
        step.timeline().record(intended, latency);
        step.latencies().recordNanos(kind.label, latency);
        step.counters().add("answered:" + kind.label);
        Buffer body = r.result().body();
        step.counters().add("bytes:" + kind.label, body == null ? 0 : body.length());
      }
    });
  }
}
