package app.spotter.live;

import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import app.spotter.infra.db.PipelinedTransaction;
import app.spotter.record.ExerciseRecordRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command the durable way: it checks the command was not seen before, applies it, and writes
 * the event with the next seq and the changed rows, atomically and only if nothing it read changed
 * meanwhile. Only after the commit does anyone hear of it (ack, Redis, subscribers).
 */
public final class CommandProcessor {
  private static final long RECALL_TIMEOUT_MS = 300;
  private static final LostRace LOST_RACE = new LostRace();
  private final Pool pool;
  private final LiveRepository live;
  private final ExerciseRecordRepository exercises;
  private final LiveCommands commands;
  private final CommandPayloads payloads;
  private final RejectionMemory rejections;
  private final EventPublisher publisher;

  CommandProcessor(Pool pool, LiveRepository live, ExerciseRecordRepository exercises, LiveCommands commands,
      CommandPayloads payloads, RejectionMemory rejections, EventPublisher publisher) {
    this.pool = pool;
    this.live = live;
    this.exercises = exercises;
    this.commands = commands;
    this.payloads = payloads;
    this.rejections = rejections;
    this.publisher = publisher;
  }

  /**
   * Resolves to the seq of the command's event (the original one for a repeated commandId), or fails
   * with {@link CommandRejected}. Final rejections are remembered, so a repeat gets the same answer.
   */
  public Future<Long> execute(Principal actor, UUID sessionId, String commandId, String name, Object payload) {
    // Asked while the transaction starts; the answer is needed only once the session is locked. A Redis
    // that does not answer must not hold the lock and a connection: after a moment, nothing is remembered.
    Future<CommandRejected> remembered = rejections.recall(sessionId, commandId)
        .timeout(RECALL_TIMEOUT_MS, TimeUnit.MILLISECONDS).otherwise((CommandRejected) null);
    return run(actor, sessionId, commandId, name, payload, remembered)
        .recover(e -> e instanceof CommandRejected rejected && rejected.isFinal() && rejected != remembered.result()
            ? rejections.remember(sessionId, commandId, rejected).compose(v -> Future.failedFuture(rejected))
            : Future.failedFuture(e));
  }

  private Future<Long> run(Principal actor, UUID sessionId, String commandId, String name, Object payload,
      Future<CommandRejected> remembered) {
    LiveCommand command = commands.get(name);
    if (command == null) {
      return Future.failedFuture(CommandRejected.invalidField("name", "unknown command '" + name + "'"));
    }
    if (!command.roles().contains(actor.role())) {
      return Future.failedFuture(CommandRejected.forbidden("a " + actor.role().wire() + " may not " + name));
    }
    try {
      payloads.check(command, payload);
    } catch (CommandRejected invalid) {
      return Future.failedFuture(invalid);
    }
    return apply(actor, sessionId, commandId, command, (JsonObject) payload, remembered);
  }

  /** The way server-made commands (timer-finished) enter, with the server as actor. */
  Future<Long> apply(Principal actor, UUID sessionId, String commandId, LiveCommand command, JsonObject payload) {
    return apply(actor, sessionId, commandId, command, payload, Future.succeededFuture());
  }

  /**
   * Runs the command, unless it was rejected before. Statements that do not wait for each other's
   * answers are pipelined: sent together, run in order.
   */
  private Future<Long> apply(Principal actor, UUID sessionId, String commandId, LiveCommand command,
      JsonObject payload, Future<CommandRejected> remembered) {
    Run run = new Run(actor, sessionId, commandId, command, payload, remembered, System.currentTimeMillis());
    Future<Applied> applied = command.writes() == LiveCommand.Writes.EVENT_STATEMENT
        ? unlocked(run).recover(e -> e == LOST_RACE ? locked(run) : Future.failedFuture(e))
        : locked(run);
    return applied.map(done -> {
      if (done.event() != null) {
        // Queued behind this task, so the sender's ack (sent as this future completes) goes out first.
        Vertx.currentContext().runOnContext(v -> publisher.publish(done.event()));
      }
      return done.seq();
    }).recover(e -> e instanceof CommandRejected ? Future.failedFuture(e)
        : Future.failedFuture(CommandRejected.unavailable("the command could not be saved: retry")));
  }

  /**
   * Two statements and no transaction, for a command that writes only in its event's statement: the
   * session (with the command's event, if it was applied) and the first reads, then that statement,
   * which fails if the session changed since. A command that lost that race to another fails with
   * {@link #LOST_RACE}, having written nothing.
   */
  private Future<Applied> unlocked(Run run) {
    return pool.withConnection(conn -> {
      Future<LiveRepository.SessionRead> read = live.read(conn, run.sessionId(), run.commandId());
      CommandReads reads = prefetch(conn, run);
      return Future.all(read, run.remembered()).compose(all -> decide(run, conn, false, reads, read.result()))
          // The event's statement is the only write, so a rejection among its answers is its version check.
          .compose(sent -> sent.recover(e -> e instanceof CommandRejected ? Future.failedFuture(LOST_RACE)
              : Future.failedFuture(e)));
    });
  }

  /** In a transaction under the session's row lock: each command of the session after the previous one committed. */
  private Future<Applied> locked(Run run) {
    return PipelinedTransaction.run(pool, tx -> {
      Future<Optional<LiveSessionRow>> locked = live.lock(tx, run.sessionId());
      // These run once the lock is held, so they see the previous command of this session committed.
      Future<Optional<Long>> seen = live.seqOfCommand(tx, run.sessionId(), run.commandId());
      CommandReads reads = prefetch(tx, run);
      return Future.all(locked, seen, run.remembered()).compose(all ->
          decide(run, tx, true, reads, new LiveRepository.SessionRead(locked.result(), seen.result())));
    });
  }

  private CommandReads prefetch(SqlClient conn, Run run) {
    CommandReads reads = new CommandReads(conn, run.sessionId(), run.payload(), exercises);
    run.command().prefetch().accept(reads);
    return reads;
  }

  /**
   * The command's answer from what was read: a rejection, the seq of its earlier event, or its writes.
   * Resolves once its last statement is out, to the future of their answers.
   */
  private Future<Future<Applied>> decide(Run run, SqlClient conn, boolean locked, CommandReads reads,
      LiveRepository.SessionRead read) {
    LiveSessionRow session = read.session().filter(s -> maySee(run.actor(), s))
        .orElseThrow(() -> CommandRejected.notFound("no such session"));
    if (run.remembered().result() != null) {
      return Future.failedFuture(run.remembered().result());
    }
    if (read.commandSeq().isPresent()) {
      return Future.succeededFuture(Future.succeededFuture(new Applied(read.commandSeq().get(), null)));
    }
    if (!session.isLive()) {
      return Future.failedFuture(CommandRejected.sessionEnded());
    }
    CommandContext context = new CommandContext(conn, locked, session, reads, run.actor(), run.payload(), run.now(),
        exercises, live);
    return run.command().apply().apply(context).map(eventPayload -> {
      if (!context.savesAnswered()) {
        // COMMIT would go out before the version check's answer: a defect of the command, rolled back.
        throw new IllegalStateException(run.command().name() + " resolved before its exercise record was saved");
      }
      LiveEvent event = new LiveEvent(run.sessionId(), session.seq + 1, run.command().event(), eventPayload,
          run.now(), run.actor().role().wire(), run.actor().id());
      context.saveSession(event, run.commandId());
      // Every statement is out: COMMIT, if there is a transaction, follows at once, and these are their answers.
      return context.writesDone().map(v -> new Applied(event.seq(), event));
    });
  }

  static boolean maySee(Principal actor, LiveSessionRow session) {
    if (actor.role() == Role.SERVER) {
      return true;
    }
    boolean sameTrainer = session.trainerId.equals(actor.trainerId());
    return actor.role() == Role.TRAINEE ? sameTrainer && session.traineeId.equals(actor.id()) : sameTrainer;
  }

  /** An unlocked command found the session changed since it read it: it runs again under the lock. */
  private static final class LostRace extends RuntimeException {
    LostRace() {
      super("the session changed meanwhile", null, false, false);
    }
  }

  /** One command to run, as it arrived. */
  private record Run(Principal actor, UUID sessionId, String commandId, LiveCommand command, JsonObject payload,
      Future<CommandRejected> remembered, long now) {}

  private record Applied(long seq, LiveEvent event) {}
}
