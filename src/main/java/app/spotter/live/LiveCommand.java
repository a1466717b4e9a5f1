package app.spotter.live;

import app.spotter.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.function.Function;

/**
 * One command of the live protocol: who may send it, the event it becomes, the schema of its
 * payload (components/schemas/{@code schema} in docs/openapi.yaml) and what it does.
 */
record LiveCommand(String name, String event, String schema, Set<Role> roles,
    Function<CommandContext, Future<JsonObject>> apply) {

  static final Set<Role> TRAINER = Set.of(Role.TRAINER);
  static final Set<Role> TRAINER_OR_TRAINEE = Set.of(Role.TRAINER, Role.TRAINEE);
}
