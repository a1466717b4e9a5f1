package app.spotter.live.command;

import app.spotter.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One command of the live protocol: who may send it, the event it becomes, the schema of its
 * payload (components/schemas/{@code schema} in docs/openapi.yaml), how it writes, the reads it
 * starts with (sent with the session's row, see {@link CommandReads}) and what it does.
 */
public record LiveCommand(String name, String event, String schema, Set<Role> roles, Writes writes,
    Function<CommandContext, Future<JsonObject>> apply, Consumer<CommandReads> prefetch) {

  static final Set<Role> TRAINER = Set.of(Role.TRAINER);
  static final Set<Role> TRAINER_OR_TRAINEE = Set.of(Role.TRAINER, Role.TRAINEE);
  /** For a command that starts by reading the exercise record its payload names. */
  static final Consumer<CommandReads> NAMED_EXERCISE = reads -> reads.exerciseIfNamed("exerciseRecordId");

  /** How a command's writes reach Postgres, which decides whether it needs the session's row lock. */
  enum Writes {
    /**
     * Everything it writes goes out in its event's statement: the session's live columns and at most
     * one new or changed set. It runs first without the lock; that statement fails when the session (or the
     * set's exercise) changed since it was read, and the command then runs again under the lock.
     */
    EVENT_STATEMENT,
    /** It writes exercise records before its event, so it runs in a transaction under the lock. */
    TRANSACTION
  }

  /** A command with nothing to read before it runs. */
  LiveCommand(String name, String event, String schema, Set<Role> roles, Writes writes,
      Function<CommandContext, Future<JsonObject>> apply) {
    this(name, event, schema, roles, writes, apply, reads -> { });
  }
}
