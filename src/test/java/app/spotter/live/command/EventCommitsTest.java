package app.spotter.live.command;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.auth.Role;
import app.spotter.config.DatabaseUrl;
import app.spotter.infra.db.KeyedRead;
import app.spotter.live.command.LiveRepository.EventSave;
import app.spotter.support.ApiTest;
import app.spotter.support.LiveFixtures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The batching of commands' commits, against the real Postgres: three commands of three sessions
 * handed over at once go out as a lone commit (the engine was idle) and then a batch of two, sent
 * when the first commit answered, whichever event loops they came from.
 */
class EventCommitsTest extends ApiTest {
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  private LiveRepository live;
  private EventCommits commits;
  private UUID trainerId;
  private List<UUID> sessions;

  @BeforeEach
  void threeLiveSessions() {
    live = new LiveRepository(stack.pool());
    commits = new EventCommits(live, stack.pool(), batchSizes::add);
    Trainer trainer = registerTrainer();
    trainerId = UUID.fromString(trainer.id());
    String template = LiveFixtures.template(trainer, "Squat");
    sessions = List.of("Ann Lee", "Ben Ito", "Cy Park").stream()
        .map(name -> UUID.fromString(LiveFixtures.start(trainer, createTrainee(trainer.api(), name), template).getString("id")))
        .toList();
  }

  @Test
  @DisplayName("commands arriving while a commit is in flight go together in the next one, each applied")
  void batchesWhileInFlight() throws Exception {
    List<Boolean> applied = commitTogether(note(0, 0), note(1, 0), note(2, 0));

    assertThat(applied).containsExactly(true, true, true);
    assertThat(batchSizes).containsExactly(1, 2);
    for (UUID session : sessions) {
      assertThat(seqOf(session)).isEqualTo(1);
      assertThat(stack.count("SELECT count(*) FROM live_session_event WHERE session_record_id = '" + session
          + "' AND seq = 1 AND name = 'note-added'")).isOne();
    }
  }

  @Test
  @DisplayName("a command whose session changed since it read it fails alone: its batch-mate commits")
  void staleCommandAlone() throws Exception {
    List<Boolean> applied = commitTogether(note(0, 0), note(1, -1), note(2, 0));

    assertThat(applied).containsExactly(true, false, true);
    assertThat(batchSizes).containsExactly(1, 2);
    assertThat(seqOf(sessions.get(1))).as("the stale command wrote nothing").isZero();
    assertThat(seqOf(sessions.get(2))).isEqualTo(1);
  }

  @Test
  @DisplayName("a session another transaction holds leaves its command out, and the batch does not wait for it")
  void heldSessionSkipped() throws Exception {
    DatabaseUrl db = stack.servers.databaseUrl();
    try (Connection holder = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("SELECT 1 FROM training_session_record WHERE id = '" + sessions.get(1)
          + "' FOR UPDATE");

      List<Boolean> applied = commitTogether(note(0, 0), note(1, 0), note(2, 0));

      assertThat(applied).containsExactly(true, false, true);
      holder.rollback();
    }
    assertThat(seqOf(sessions.get(1))).isZero();
  }

  @Test
  @DisplayName("a batch whose statement fails leaves every command of it to run again alone, nothing written")
  void failedBatchRetriedAlone() throws Exception {
    EventSave broken = note(1, 0);
    broken.event().payload().put("note", "\u0000"); // jsonb refuses a NUL character: the whole statement fails

    List<Boolean> applied = commitTogether(note(0, 0), broken, note(2, 0));

    assertThat(applied).containsExactly(true, false, false);
    assertThat(seqOf(sessions.get(1))).isZero();
    assertThat(seqOf(sessions.get(2))).as("its batch-mate, written by nothing yet").isZero();
  }

  @Test
  @DisplayName("commands of two event loops share a batch, and each hears its answer on its own event loop")
  void oneBatchAcrossEventLoops() throws Exception {
    Context first = newEventLoopContext();
    Thread firstThread = threadOf(first);
    Context second = newEventLoopContext();
    for (int i = 0; i < 8 && threadOf(second) == firstThread; i++) {
      second = newEventLoopContext(); // verticles take the event loops in turn
    }
    Thread secondThread = threadOf(second);
    assertThat(secondThread).isNotSameAs(firstThread);
    DatabaseUrl db = stack.servers.databaseUrl();
    EventSave held = note(0, 0);
    List<Future<Boolean>> answers;
    List<Thread> heardOn = new CopyOnWriteArrayList<>(List.of(firstThread, firstThread, firstThread));
    try (Connection holder = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      holder.setAutoCommit(false);
      // The first commit waits on this uncommitted event of the same seq until it is rolled back.
      holder.createStatement().execute("INSERT INTO live_session_event (session_record_id, seq, actor_role, name)"
          + " VALUES ('" + sessions.get(0) + "', 1, 'server', 'holding')");
      Future<Boolean> lone = commitOn(first, held, heardOn, 0);
      Future<Boolean> fromSecond = commitOn(second, note(1, 0), heardOn, 1);
      Future<Boolean> fromFirst = commitOn(first, note(2, 0), heardOn, 2);
      answers = List.of(lone, fromSecond, fromFirst);
      holder.rollback();
    }

    Future.all(answers).await(10, TimeUnit.SECONDS);
    assertThat(answers.stream().map(Future::result)).containsExactly(true, true, true);
    assertThat(batchSizes).containsExactly(1, 2);
    assertThat(heardOn).containsExactly(firstThread, secondThread, firstThread);
  }

  /** Hands {@code save} over on {@code context}, noting the thread its answer is heard on at {@code slot}. */
  private Future<Boolean> commitOn(Context context, EventSave save, List<Thread> heardOn, int slot) throws Exception {
    Promise<Future<Boolean>> handedOver = Promise.promise();
    context.runOnContext(v -> handedOver.complete(commits.commit(save).onComplete(done ->
        heardOn.set(slot, Thread.currentThread()))));
    return handedOver.future().await(10, TimeUnit.SECONDS);
  }

  /** The context of a new verticle, on the next event loop. */
  private Context newEventLoopContext() throws Exception {
    Promise<Context> captured = Promise.promise();
    stack.vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        captured.complete(context);
        return Future.succeededFuture();
      }
    }).await(10, TimeUnit.SECONDS);
    return captured.future().await(10, TimeUnit.SECONDS);
  }

  private static Thread threadOf(Context context) throws Exception {
    Promise<Thread> thread = Promise.promise();
    context.runOnContext(v -> thread.complete(Thread.currentThread()));
    return thread.future().await(10, TimeUnit.SECONDS);
  }

  /** Hands the saves over one after another on one event loop, as sockets' commands arrive there. */
  private List<Boolean> commitTogether(EventSave... saves) throws Exception {
    Context context = stack.vertx.getOrCreateContext();
    Promise<List<Boolean>> all = Promise.promise();
    context.runOnContext(v -> {
      List<Future<Boolean>> answers = Arrays.stream(saves).map(commits::commit).toList();
      Future.all(answers).onComplete(done -> all.complete(answers.stream().map(Future::result).toList()));
    });
    return all.future().await(10, TimeUnit.SECONDS);
  }

  /** An add-note of session {@code index}, as a command that read its version (plus {@code versionOffset}) makes it. */
  private EventSave note(int index, int versionOffset) {
    UUID session = sessions.get(index);
    LiveSessionRow read = live.read(KeyedRead.Reader.of(stack.pool()), session, "none").await().session().orElseThrow();
    LiveSessionRow row = new LiveSessionRow(read.id, read.trainerId, read.traineeId, read.seq, read.version + versionOffset,
        read.status, read.currentExerciseRecordId, read.timer, "note " + index, read.traineeFeedback, read.endTime);
    LiveEvent event = new LiveEvent(session, read.seq + 1, "note-added", new JsonObject().put("note", "note " + index),
        System.currentTimeMillis(), Role.TRAINER.wire(), trainerId);
    return new EventSave(row, event, UUID.randomUUID().toString(), null, null, null, false);
  }

  private long seqOf(UUID session) {
    return stack.count("SELECT live_seq FROM training_session_record WHERE id = '" + session + "'");
  }
}
