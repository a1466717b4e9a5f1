package app.spotter.live.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.auth.PasswordVersions;
import app.spotter.auth.TrainerRepository;
import app.spotter.infra.Clients;
import app.spotter.live.command.LiveEvent;
import app.spotter.support.TcpProxy;
import app.spotter.support.TestStack;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Publishing committed events to Redis through a road that can be cut or stalled. */
class EventPublisherTest {
  private final TestStack stack = TestStack.get();
  private TcpProxy road;
  /** In a field: Vert.x closes a client that nothing references. */
  private Redis redis;
  private EventPublisher publisher;

  @BeforeEach
  void start() {
    URI url = URI.create(stack.env.get("SPOTTER_REDIS_URL"));
    road = new TcpProxy(stack.vertx, url.getHost(), url.getPort());
    redis = Clients.redis(stack.vertx, URI.create(
        "redis://" + url.getRawUserInfo() + "@" + url.getHost() + ":" + road.port()));
    LiveHub hub = new LiveHub(stack.vertx, redis, new PasswordVersions(new TrainerRepository(stack.pool())));
    publisher = new EventPublisher(stack.vertx, redis, hub);
  }

  @AfterEach
  void stop() {
    redis.close();
    road.close();
  }

  @Test
  @DisplayName("while Redis is out of reach a session keeps its newest events; once it is back they reach Redis in order")
  void heldThroughAnOutage() throws InterruptedException {
    road.cut();
    UUID busy = UUID.randomUUID();
    for (long seq = 1; seq <= 20; seq++) {
      publisher.publish(event(busy, seq));
    }
    List<UUID> others = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      others.add(UUID.randomUUID());
      publisher.publish(event(others.get(i), 1));
    }
    awaitTrue("every first attempt failed and was held",
        () -> publisher.heldEvents() == HeldEvents.PER_SESSION + 300);
    assertThat(publisher.droppedEvents()).isEqualTo(20 - HeldEvents.PER_SESSION);

    road.heal();
    awaitTrue("the newest events of the busy session published",
        () -> recentSeqs(busy).equals(List.of(13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L)));
    for (UUID other : others) {
      awaitTrue("session " + other + " published", () -> recentSeqs(other).equals(List.of(1L)));
    }
    assertThat(publisher.heldEvents()).isZero();
  }

  @Test
  @DisplayName("a Redis that never answers has at most MAX_IN_FLIGHT publishes waiting on it; the rest are held, then sent")
  void boundedWhileStalled() throws InterruptedException {
    UUID first = UUID.randomUUID();
    publisher.publish(event(first, 1));
    awaitTrue("the road is open", () -> !recentSeqs(first).isEmpty());
    road.stall();
    List<UUID> sessions = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      sessions.add(UUID.randomUUID());
      publisher.publish(event(sessions.get(i), 1));
    }
    assertThat(publisher.heldEvents()).isEqualTo(1_500 - EventPublisher.MAX_IN_FLIGHT);
    Thread.sleep(1_000);
    assertThat(publisher.heldEvents()).as("none sent while the stalled ones wait")
        .isEqualTo(1_500 - EventPublisher.MAX_IN_FLIGHT);

    // The stalled connections drop: what waited on them fails and is held too, then all go through.
    road.cut();
    road.heal();
    for (UUID session : sessions) {
      awaitTrue("session " + session + " published", () -> recentSeqs(session).equals(List.of(1L)));
    }
    assertThat(publisher.heldEvents()).isZero();
    assertThat(publisher.droppedEvents()).isZero();
  }

  private static LiveEvent event(UUID sessionId, long seq) {
    return new LiveEvent(sessionId, seq, "set-logged", new JsonObject().put("setId", "s" + seq),
        System.currentTimeMillis(), "trainer", UUID.randomUUID());
  }

  /** What the stack's Redis holds of the session's recent events, read past the road. */
  private List<Long> recentSeqs(UUID sessionId) {
    Response reply = stack.redis().send(Request.cmd(Command.ZRANGE).arg(RedisKeys.recentEvents(sessionId))
        .arg(0).arg(-1)).await();
    List<Long> seqs = new ArrayList<>();
    reply.forEach(item -> seqs.add(new JsonObject(item.toString()).getLong("seq")));
    return seqs;
  }

  private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!condition.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as(what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
