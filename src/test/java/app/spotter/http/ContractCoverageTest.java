package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml and the server agree: the router is built from the contract (so it serves
 * nothing undescribed), and every described operation has a real handler behind it.
 */
class ContractCoverageTest extends ApiTest {

  @Test
  @DisplayName("every operation in the contract is implemented: none answers 5xx or the router's 404")
  void everyOperationImplemented() {
    Trainer trainer = registerTrainer();
    OpenAPIContract contract = ContractFile.load(stack.vertx, "docs/openapi.yaml").await();
    List<String> missing = new ArrayList<>();
    for (Operation op : contract.operations()) {
      String path = op.getAbsoluteOpenAPIPath().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
      Reply reply = trainer.api().send(op.getHttpMethod().name(), path, op.getRequestBody() == null ? null : "{}");
      boolean routerMiss = reply.status() == 404 && reply.body().contains("\"resource not found\"");
      if (reply.status() >= 500 || routerMiss) {
        missing.add(op.getOperationId() + " " + op.getHttpMethod() + " " + op.getAbsoluteOpenAPIPath() + " → " + reply);
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  @DisplayName("every operation declares the roles it admits")
  void everyOperationDeclaresRoles() {
    OpenAPIContract contract = ContractFile.load(stack.vertx, "docs/openapi.yaml").await();
    assertThat(contract.operations()).allSatisfy(op ->
        assertThat(op.getExtensions().get("x-roles")).as(op.getOperationId()).isInstanceOf(JsonArray.class));
  }

  @Test
  @DisplayName("a path the contract does not describe gets a 404 problem, and the served contract is the file")
  void undescribedPath() {
    Reply reply = anonymous.get("/api/v1/no-such-thing");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");

    Reply yaml = anonymous.get("/api/v1/openapi.yaml");
    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.body()).contains("openapi: 3.1");
  }
}
