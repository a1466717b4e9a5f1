package app.spotter.live;

import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import app.spotter.infra.db.PipelinedTransaction;
import app.spotter.record.ExerciseRecordRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command the durable way: in one transaction under the session's row lock it checks the
 * command was not seen before, applies it, writes the event with the next seq and the changed rows.
 * Only after the commit does anyone hear of it (ack, Redis, subscribers).
 */
public final class CommandProcessor {
  private static final long RECALL_TIMEOUT_MS = 300;
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
   * Runs the command in its session's transaction, unless it was rejected before. Statements
   * that do not wait for each other's answers are pipelined: sent together, run in order.
   */
  private Future<Long> apply(Principal actor, UUID sessionId, String commandId, LiveCommand command,
      JsonObject payload, Future<CommandRejected> remembered) {
    long now = System.currentTimeMillis();
    return PipelinedTransaction.run(pool, tx -> {
      Future<Optional<LiveSessionRow>> locked = live.lock(tx, sessionId);
      // These run once the lock is held, so they see the previous command of this session committed.
      Future<Optional<Long>> seen = live.seqOfCommand(tx, sessionId, commandId);
      CommandReads reads = new CommandReads(tx, sessionId, payload, exercises);
      command.prefetch().accept(reads);
      return Future.all(locked, seen, remembered).compose(all -> {
        LiveSessionRow session = locked.result().filter(s -> maySee(actor, s))
            .orElseThrow(() -> CommandRejected.notFound("no such session"));
        if (remembered.result() != null) {
          return Future.failedFuture(remembered.result());
        }
        if (seen.result().isPresent()) {
          return Future.succeededFuture(Future.succeededFuture(new Applied(seen.result().get(), null)));
        }
        if (!session.isLive()) {
          return Future.failedFuture(CommandRejected.sessionEnded());
        }
        CommandContext context = new CommandContext(tx, session, reads, actor, payload, now, exercises, live);
        return command.apply().apply(context).map(eventPayload -> {
          if (!context.savesAnswered()) {
            // COMMIT would go out before the version check's answer: a defect of the command, rolled back.
            throw new IllegalStateException(command.name() + " resolved before its exercise record was saved");
          }
          LiveEvent event = new LiveEvent(sessionId, session.seq + 1, command.event(), eventPayload, now,
              actor.role().wire(), actor.id());
          context.saveSession(event, commandId);
          // Every statement is out: COMMIT follows at once, and these are their answers.
          return context.writesDone().map(v -> new Applied(event.seq(), event));
        });
      });
    }).map(applied -> {
      if (applied.event() != null) {
        // Queued behind this task, so the sender's ack (sent as this future completes) goes out first.
        Vertx.currentContext().runOnContext(v -> publisher.publish(applied.event()));
      }
      return applied.seq();
    }).recover(e -> e instanceof CommandRejected ? Future.failedFuture(e)
        : Future.failedFuture(CommandRejected.unavailable("the command could not be saved: retry")));
  }

  static boolean maySee(Principal actor, LiveSessionRow session) {
    if (actor.role() == Role.SERVER) {
      return true;
    }
    boolean sameTrainer = session.trainerId.equals(actor.trainerId());
    return actor.role() == Role.TRAINEE ? sameTrainer && session.traineeId.equals(actor.id()) : sameTrainer;
  }

  private record Applied(long seq, LiveEvent event) {}
}
