package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.OwnedResources.Request;
import app.spotter.support.OwnedResources;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A valid trainee or display token on an operation whose {@code x-roles} leaves that role out gets
 * 403, on every such operation of the contract, aimed at the trainer's real resources and with a
 * valid body, so nothing but the role can be the reason. Nothing changes.
 */
class RoleGuardTest extends ApiTest {

  @Test
  @DisplayName("trainee and display tokens get 403 problem+json on every operation their role may not call")
  void forbiddenRoles() {
    OpenAPIContract contract = ContractFile.load(stack.vertx, "docs/openapi.yaml").await();
    OwnedResources owned = OwnedResources.create(registerTrainer());
    Map<String, String> tokens = Map.of("trainee", owned.traineeToken, "display", owned.displayToken);
    String before = everythingOf(owned);
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Operation op : contract.operations()) {
      JsonArray roles = (JsonArray) op.getExtensions().get("x-roles");
      if (roles.isEmpty()) {
        continue; // public: any token, or none, is accepted
      }
      Request request = owned.requestFor(op);
      for (var token : tokens.entrySet()) {
        if (roles.contains(token.getKey())) {
          continue;
        }
        checked++;
        Reply reply = owned.owner.api().as(token.getValue()).send(request.method(), request.path(), request.body());
        if (reply.status() != 403 || !"application/problem+json".equals(reply.contentType())
            || reply.json().getInteger("status") != 403) {
          wrong.add(token.getKey() + " token on " + op.getOperationId() + " → " + reply);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).as("operations closed to a trainee or a display").isGreaterThan(40);
    assertThat(everythingOf(owned)).isEqualTo(before);
  }

  @Test
  @DisplayName("the same tokens are accepted where their role is listed, so the 403s above are about the role")
  void admittedRoles() {
    OwnedResources owned = OwnedResources.create(registerTrainer());
    Reply own = owned.owner.api().as(owned.traineeToken).get("/trainees/" + owned.trainee);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().containsKey("medicalNotes")).isFalse();
    assertThat(owned.owner.api().as(owned.traineeToken).get("/session-records").status()).isEqualTo(200);
  }

  /**
   * The owner's data, list by list. Displays are left out: a display's {@code lastSeenAt} records
   * each use of its token, the refused ones included.
   */
  private static String everythingOf(OwnedResources owned) {
    StringBuilder all = new StringBuilder();
    for (String path : List.of("/me", "/trainees", "/trainees/" + owned.trainee + "/access-links",
        "/session-templates", "/programs", "/session-records")) {
      all.append(owned.owner.api().get(path).body()).append('\n');
    }
    return all.toString();
  }
}
