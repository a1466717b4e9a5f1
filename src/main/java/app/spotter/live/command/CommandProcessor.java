package app.spotter.live.command;

import app.spotter.auth.Principal;
import app.spotter.auth.Role;
import app.spotter.coaching.LiveCoaching;
import app.spotter.coaching.PersonalRecords;
import app.spotter.infra.db.KeyedRead;
import app.spotter.infra.db.PipelinedTransaction;
import app.spotter.infra.db.ReadBatches;
import app.spotter.infra.db.ReadGroup;
import app.spotter.record.ExerciseRecordRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a command the durable way: it checks the command was not seen before, applies it, and writes
 * the event with the next seq and the changed rows, atomically and only if nothing it read changed
 * meanwhile. Only after the commit does anyone hear of it (ack, Redis, subscribers).
 */
public final class CommandProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);
  /** A command that ran without the lock wrote nothing: it runs again the next way. */
  static final RuntimeException LOST_RACE = new Unapplied("the session changed meanwhile");
  /** A command that found it must write in a transaction (a replay of records): it runs again under the lock. */
  static final RuntimeException NEEDS_LOCK = new Unapplied("the command writes more than its event's statement");
  private static final LiveCommand TIMER_FINISHED = TimerCommands.finish();
  /**
   * How the server's own commands' ids begin: a timer's finish is {@code timer-finished:<timerId>}.
   * A client's command may not use it, or its event or rejection would answer the finish in advance.
   */
  public static final String SERVER_COMMAND_ID_PREFIX = "timer-finished:";
  private final Pool pool;
  private final LiveRepository live;
  private final CommandAnswers answers;
  private final ExerciseRecordRepository exercises;
  private final PersonalRecords personalRecords;
  private final LiveCommands commands;
  private final CommandPayloads payloads;
  private final EventSink publisher;
  private final LiveCoaching coaching;
  private final EventCommits commits;
  private final ReadBatches readBatches;
  private final WarmSessions warm = new WarmSessions();
  private final CommitCounts counts;

  /**
   * {@code batchPool} serves the batched reads and commits; {@code counts} hears how many commands
   * each batched commit holds, and the path each command committed on.
   */
  public CommandProcessor(Pool pool, Pool batchPool, LiveRepository live, CommandAnswers answers, ExerciseRecordRepository exercises,
      PersonalRecords personalRecords, OpenAPIContract contract, EventSink publisher,
      LiveCoaching coaching, CommitCounts counts) {
    this.pool = pool;
    this.counts = counts;
    this.commits = new EventCommits(live, batchPool, counts::batch);
    this.readBatches = new ReadBatches(batchPool);
    this.live = live;
    this.answers = answers;
    this.exercises = exercises;
    this.personalRecords = personalRecords;
    this.commands = new LiveCommands();
    this.payloads = new CommandPayloads(contract, commands.all());
    this.publisher = publisher;
    this.coaching = coaching;
  }

  /** Every command's name (for metrics, which tag only real names). */
  public Set<String> commandNames() {
    return commands.names();
  }

  /**
   * Resolves to the seq of the command's event (the original one for a repeated commandId), or fails
   * with {@link CommandRejected}. Final rejections are remembered, so a repeat gets the same answer.
   */
  public Future<Long> execute(Principal actor, UUID sessionId, String commandId, String name, Object payload) {
    LiveCommand command = commands.get(name);
    CommandRejected refusal = refusal(actor, name, command, payload);
    Future<Long> answer = refusal == null ? apply(actor, sessionId, commandId, command, (JsonObject) payload)
        : refuse(actor, sessionId, commandId, refusal);
    return answer.recover(e -> e instanceof CommandRejected rejected && rejected.isToRemember()
        ? remember(sessionId, commandId, rejected) : Future.failedFuture(e));
  }

  /** Fails with {@code rejected} once it is kept; if it cannot be kept, a repeat is evaluated afresh. */
  private Future<Long> remember(UUID sessionId, String commandId, CommandRejected rejected) {
    return answers.remember(sessionId, commandId, rejected)
        .onFailure(e -> LOG.warn("rejection of command {} of session {} not kept: {}", commandId, sessionId, e.getMessage()))
        .transform(kept -> Future.failedFuture(rejected));
  }

  /** Why the command cannot run, whatever the session's state; null when it can. */
  private CommandRejected refusal(Principal actor, String name, LiveCommand command, Object payload) {
    if (command == null) {
      return CommandRejected.invalidField("name", "unknown command '" + name + "'");
    }
    if (!command.roles().contains(actor.role())) {
      return CommandRejected.forbidden("a " + actor.role().wire() + " may not " + name);
    }
    try {
      payloads.check(command, payload);
      return null;
    } catch (CommandRejected invalid) {
      return invalid;
    }
  }

  /**
   * Answers a command refused before it runs, once the session is read: a sender who may not see the
   * session hears only that, and a repeated commandId gets its first answer.
   */
  private Future<Long> refuse(Principal actor, UUID sessionId, String commandId, CommandRejected refusal) {
    return orUnavailable(live.read(KeyedRead.Reader.of(pool), sessionId, commandId).compose(read -> {
      Future<Long> earlier = answeredBefore(actor, read);
      return earlier != null ? earlier : Future.failedFuture(refusal);
    }));
  }

  /** The server finishing a running timer (see TimerDeadlines): the commandId is the timer's. */
  public Future<Long> finishTimer(UUID sessionId, String timerId) {
    return apply(Principal.server(null), sessionId, SERVER_COMMAND_ID_PREFIX + timerId, TIMER_FINISHED,
        new JsonObject().put("timerId", timerId));
  }

  /**
   * Runs the command, unless it was answered before; also the way server-made commands (timer-finished)
   * enter, with the server as actor. Statements that do not wait for each other's answers are
   * pipelined: sent together, run in order.
   */
  Future<Long> apply(Principal actor, UUID sessionId, String commandId, LiveCommand command, JsonObject payload) {
    Run run = new Run(actor, sessionId, commandId, command, payload);
    Future<Applied> applied = command.writes() == LiveCommand.Writes.EVENT_STATEMENT
        ? kept(run).recover(e -> e == LOST_RACE ? unlocked(run) : Future.failedFuture(e))
            .recover(e -> e == LOST_RACE || e == NEEDS_LOCK ? locked(run) : Future.failedFuture(e))
        : locked(run);
    return orUnavailable(applied.map(done -> {
      if (done.event() != null) {
        // Queued behind this task, so the sender's ack (sent as this future completes) goes out first.
        Vertx.currentContext().runOnContext(v -> publisher.publish(done.event()));
      }
      return done.seq();
    }));
  }

  /** A failure that is not a rejection (Postgres trouble, a defect) is one the sender may retry. */
  private static <T> Future<T> orUnavailable(Future<T> answer) {
    return answer.recover(e -> {
      if (e instanceof CommandRejected) {
        return Future.failedFuture(e);
      }
      LOG.warn("a command could not be saved: {}", e.toString());
      return Future.failedFuture(CommandRejected.unavailable("the command could not be saved: retry"));
    });
  }

  /**
   * Two round trips and no transaction, for a command that writes only in its event's statement: the
   * session (with the command's earlier answer) and the first reads, then that statement, which writes
   * nothing if what it writes changed since. Both rounds carry other sessions' commands that arrived
   * while the previous round was in flight. A command that lost that race fails with
   * {@link #LOST_RACE}, having written nothing.
   *
   * <p>It never rejects on its own: a read it makes once its first answers are in is a statement of
   * its own, so another command may commit in between (its original, say, which the session read
   * missed and the later read sees). A rejection is judged again under the lock, where every read
   * sees the same commits.
   */
  private Future<Applied> unlocked(Run run) {
    // Its reads go out with other commands' (ReadBatches), its event's statement too (EventCommits).
    return readBatches.together(reader -> {
      // The session and the first reads in one statement (one execution, one snapshot).
      ReadGroup group = new ReadGroup(reader);
      Future<LiveRepository.SessionRead> read = live.read(group, run.sessionId(), run.commandId());
      CommandReads reads = prefetch(group, run);
      group.send();
      return read.compose(answered -> decide(run, pool, Path.UNLOCKED, reads, answered));
    })
        // The event's statement is the only write, so a rejection among its answers is its version check.
        .compose(sent -> sent.recover(e -> Future.failedFuture(lostRaceIfRejected(e))))
        .recover(e -> Future.failedFuture(lostRaceIfRejected(e)));
  }

  /**
   * One round trip, for a command whose reads are all answered by what this instance's last commit
   * of the session left ({@link WarmSessions}): its event's statement, checked like {@link #unlocked}'s
   * and also against an earlier answer and a set id logged before, which it did not read. A command
   * whose reads are not kept, or whose statement wrote nothing (another writer came between, it was
   * answered before, ...), or that would be rejected, fails with {@link #LOST_RACE} and runs the usual way.
   */
  private Future<Applied> kept(Run run) {
    WarmSessions.Session session = warm.get(run.sessionId());
    if (session == null) {
      return Future.failedFuture(LOST_RACE);
    }
    CommandReads reads = CommandReads.kept(session, run.sessionId(), run.payload());
    run.command().prefetch().accept(reads);
    if (reads.missed()) {
      return Future.failedFuture(LOST_RACE);
    }
    LiveRepository.SessionRead read = new LiveRepository.SessionRead(Optional.of(session.rowToChange()),
        new CommandAnswers.Earlier(null, null));
    // Through compose, so that a rejection thrown while it decides fails the future.
    return Future.succeededFuture(read).compose(r -> decide(run, pool, Path.KEPT, reads, r))
        // Refused or missed before its statement: it wrote nothing, and what was kept still stands (a
        // stale entry fails the next statement's version check anyway).
        .recover(e -> Future.failedFuture(e instanceof CommandRejected || e == WarmSessions.MISS ? LOST_RACE : e))
        .compose(sent -> sent.recover(e -> {
          if (e instanceof CommandRejected) {
            // Its statement wrote nothing: another writer came between (or it was a repeat, or the batch failed).
            warm.forget(run.sessionId());
            return Future.failedFuture(LOST_RACE);
          }
          return Future.failedFuture(e);
        }));
  }

  private static Throwable lostRaceIfRejected(Throwable e) {
    return e instanceof CommandRejected ? LOST_RACE : e;
  }

  /** In a transaction under the session's row lock: each command of the session after the previous one committed. */
  private Future<Applied> locked(Run run) {
    return PipelinedTransaction.run(pool, tx -> {
      Future<Optional<LiveSessionRow>> locked = live.lock(tx, run.sessionId());
      // These run once the lock is held, so they see the previous command of this session committed.
      Future<CommandAnswers.Earlier> earlier = answers.earlier(tx, run.sessionId(), run.commandId());
      CommandReads reads = prefetch(KeyedRead.Reader.of(tx), run);
      return Future.all(locked, earlier).compose(all ->
          decide(run, tx, Path.LOCKED, reads, new LiveRepository.SessionRead(locked.result(), earlier.result())));
    }).onSuccess(applied -> {
      if (applied.event() != null) {
        counts.committed(Path.LOCKED.wire); // once COMMIT is answered
      }
    });
  }

  private CommandReads prefetch(KeyedRead.Reader reader, Run run) {
    CommandReads reads = new CommandReads(reader, run.sessionId(), run.payload(), exercises, personalRecords);
    run.command().prefetch().accept(reads);
    return reads;
  }

  /**
   * The command's answer from what was read: a rejection, the seq of its earlier event, or its writes.
   * Resolves once its last statement is out, to the future of their answers.
   */
  private Future<Future<Applied>> decide(Run run, SqlClient conn, Path path, CommandReads reads,
      LiveRepository.SessionRead read) {
    Future<Long> earlier = answeredBefore(run.actor(), read);
    if (earlier != null) {
      return earlier.map(seq -> Future.succeededFuture(new Applied(seq, null)));
    }
    LiveSessionRow session = read.session().orElseThrow();
    if (!session.isLive()) {
      return Future.failedFuture(CommandRejected.sessionEnded());
    }
    // Read now, not when the command arrived: one that runs again after losing a race comes later in seq.
    long now = System.currentTimeMillis();
    boolean locked = path == Path.LOCKED;
    Function<LiveRepository.EventSave, Future<Boolean>> eventWriter = locked ? save -> live.saveLocked(conn, save)
        : commits::commit;
    CommandContext context = new CommandContext(conn, locked, eventWriter, session, reads, path == Path.KEPT,
        run.actor(), run.payload(), now, exercises, live, personalRecords, coaching);
    return run.command().apply().apply(context).map(eventPayload -> {
      if (!context.savesAnswered()) {
        // COMMIT would go out before the version check's answer: a defect of the command, rolled back.
        throw new IllegalStateException(run.command().name() + " resolved before its exercise record was saved");
      }
      LiveEvent event = new LiveEvent(run.sessionId(), session.seq + 1, run.command().event(), eventPayload,
          now, run.actor().role().wire(), run.actor().id());
      context.saveSession(event, run.commandId());
      // Every statement is out: COMMIT, if there is a transaction, follows at once, and these are their answers.
      return context.writesDone().map(v -> {
        if (locked) {
          warm.forget(run.sessionId()); // what a transaction wrote is not followed here
        } else {
          counts.committed(path.wire);
          warm.committed(context.eventSave(), reads.recordsRead("exerciseRecordId"), context.logged());
        }
        return new Applied(event.seq(), event);
      });
    });
  }

  /**
   * The answer the command got before: its event's seq, or its rejection (failed); null when it is new.
   * Throws not-found when the sender may not see the session. An event beats a rejection: a copy
   * rejected while its original was applied may have been kept.
   */
  private static Future<Long> answeredBefore(Principal actor, LiveRepository.SessionRead read) {
    read.session().filter(s -> maySee(actor, s)).orElseThrow(CommandRejected::noSuchSession);
    CommandAnswers.Earlier earlier = read.earlier();
    if (earlier.seq() != null) {
      return Future.succeededFuture(earlier.seq());
    }
    return earlier.rejection() == null ? null : Future.failedFuture(earlier.rejection());
  }

  static boolean maySee(Principal actor, LiveSessionRow session) {
    if (actor.role() == Role.SERVER) {
      return true;
    }
    boolean sameTrainer = session.trainerId.equals(actor.trainerId());
    return actor.role() == Role.TRAINEE ? sameTrainer && session.traineeId.equals(actor.id()) : sameTrainer;
  }

  /** An unlocked command found the session changed since it read it: it runs again under the lock. */
  private static final class Unapplied extends RuntimeException {
    Unapplied(String why) {
      super(why, null, false, false);
    }
  }

  /** How a command runs: on what this instance kept of its session, on what it read, or under its lock. */
  private enum Path {
    KEPT("kept"), UNLOCKED("read"), LOCKED("locked");

    final String wire;

    Path(String wire) {
      this.wire = wire;
    }
  }

  /** One command to run, as it arrived. */
  private record Run(Principal actor, UUID sessionId, String commandId, LiveCommand command, JsonObject payload) {}

  private record Applied(long seq, LiveEvent event) {}
}
