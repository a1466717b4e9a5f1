package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.http.EdgeValues.Edge;
import app.spotter.http.EdgeValues.Expect;
import app.spotter.support.Api;
import app.spotter.support.ApiTest;
import app.spotter.support.OwnedResources.Request;
import app.spotter.support.OwnedResources;
import app.spotter.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A property-based walk of docs/openapi.yaml: every operation gets schema-derived edge values in each
 * body field (at any depth), query parameter, path id and {@code If-Match}, aimed at a trainer's real
 * resources and at random ids. Whatever it sends, the server answers no 5xx, only statuses the
 * contract lists for that operation, problem+json for errors, no database text, and a 400 caused by
 * one field names that field. Seeded: the seed is printed; {@code -Dspotter.fuzz.seed=N} replays it.
 */
class ContractFuzzTest extends ApiTest {
  private static final long DEFAULT_SEED = 20261206L;
  /** Bounds the walk (about 2,500 requests, well under a minute on 2 cores). */
  private static final int MAX_CASES_PER_OPERATION = 160;
  private static final int MAX_BODY_DEPTH = 4;
  /** Fragments of Postgres's error texts: none may reach a client. */
  private static final Pattern DATABASE_TEXT = Pattern.compile(
      "violates|for type|byte sequence|out of range for|character varying|SQLSTATE|relation \"|syntax for");
  private static final Set<String> SIGN_IN = Set.of("register", "login", "refresh", "logout", "traineeAccess",
      "changePassword");

  private record Case(String label, String field, Expect expect, String path, String ifMatch, String body) {}

  @Test
  @DisplayName("fuzzing every operation of the contract with edge values gets only listed statuses, never 5xx")
  void everyOperationAnswersAsTheContractSays() {
    long seed = Long.getLong("spotter.fuzz.seed", DEFAULT_SEED);
    System.out.println("ContractFuzzTest seed " + seed + " (replay with -Dspotter.fuzz.seed=" + seed + ")");
    Random random = new Random(seed);
    OpenAPIContract contract = ContractFile.load(stack.vertx, "docs/openapi.yaml").await();
    // The file itself, with every response media type (the contract Vert.x gets leaves some out).
    JsonObject file = ContractFile.read(stack.vertx, "docs/openapi.yaml").await();
    ContractSchemas schemas = new ContractSchemas(file);
    OwnedResources owned = OwnedResources.create(registerTrainer());
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Operation op : inWalkOrder(contract.operations())) {
      Api caller = callerFor(op, owned);
      JsonObject listed = file.getJsonObject("paths").getJsonObject(op.getOpenAPIPath())
          .getJsonObject(op.getHttpMethod().name().toLowerCase(Locale.ROOT)).getJsonObject("responses");
      for (Case c : cases(op, owned.requestFor(op), schemas, random)) {
        Api api = c.ifMatch() == null ? caller : caller.header("If-Match", c.ifMatch());
        Reply reply = api.send(op.getHttpMethod().name(), c.path(), c.body());
        sent++;
        String problem = verdict(reply, c, listed, schemas);
        if (problem != null) {
          failures.add(op.getOperationId() + " [" + c.label() + "] " + op.getHttpMethod() + " " + abbreviate(c.path())
              + (c.ifMatch() == null ? "" : " If-Match: " + abbreviate(c.ifMatch()))
              + (c.body() == null ? "" : " " + abbreviate(c.body())) + " → " + problem + ": " + abbreviate(reply.toString()));
        }
      }
    }
    System.out.println("ContractFuzzTest sent " + sent + " requests, " + failures.size() + " failed (seed " + seed + ")");
    assertThat(failures).as("seed " + seed).isEmpty();
  }

  /** What is wrong with the reply, or null. */
  private static String verdict(Reply reply, Case c, JsonObject listed, ContractSchemas schemas) {
    int status = reply.status();
    if (status >= 500) {
      return "server error";
    }
    if (!listed.containsKey(String.valueOf(status))) {
      return "status not listed for the operation";
    }
    if (status >= 400 && !"application/problem+json".equals(reply.contentType())) {
      return "error without problem+json";
    }
    JsonObject content = schemas.resolve(listed.getJsonObject(String.valueOf(status))).getJsonObject("content");
    String mediaType = reply.contentType() == null ? null : reply.contentType().split(";")[0].trim();
    if (!reply.body().isEmpty() && (content == null || !content.containsKey(mediaType))) {
      return "media type " + mediaType + " not listed for the status";
    }
    if (status >= 400 && DATABASE_TEXT.matcher(reply.body()).find()) {
      return "database text in the answer";
    }
    // Only a value that is wrong in itself must be named: a valid one may still break a rule of the resource.
    boolean names = status == 400 && names(reply, c.field());
    return switch (c.expect()) {
      case REFUSED -> names ? null : "expected 400 naming " + c.field();
      case ACCEPTED -> c.field().startsWith("?") ? (status == 400 ? "a valid query value refused" : null)
          : names ? "a valid value refused" : null;
      case ANY -> null;
    };
  }

  /** Whether the problem's errors name the field or a field inside it; query fields are written {@code ?name}. */
  private static boolean names(Reply reply, String field) {
    if (field == null) {
      return true;
    }
    String name = field.startsWith("?") ? field.substring(1) : field;
    return reply.body().startsWith("{") && reply.errorFields().stream().anyMatch(f ->
        f.equals(name) || f.startsWith(name + ".") || f.startsWith(name + "["));
  }

  private List<Case> cases(Operation op, Request valid, ContractSchemas schemas, Random random) {
    List<Case> cases = new ArrayList<>();
    String path = valid.path();
    String body = valid.body() == null ? null : valid.body().encode();
    for (Parameter parameter : op.getParameters()) {
      JsonObject schema = schemas.resolve(parameter.getOpenAPIModel().getJsonObject("schema"));
      if (parameter.getIn() == Location.HEADER && parameter.getName().equalsIgnoreCase("If-Match")) {
        for (String tag : List.of("W/\"1\"", "\"abc", "abc", "\"\"", "\"-1\"", "\"99999999999\"", "\"2147483648\"",
            "\"999998\", \"999999\"", "\"" + "7".repeat(300) + "\"")) {
          cases.add(new Case("If-Match " + abbreviate(tag), null, Expect.ANY, path, tag, body));
        }
      } else if (parameter.getIn() == Location.QUERY) {
        for (Edge edge : EdgeValues.forQuery(schema)) {
          // A cursor is an opaque token: text the server never issued is refused (400 naming it) or ignored.
          Expect expect = parameter.getName().equals("cursor") && edge.expect() == Expect.ACCEPTED ? Expect.ANY
              : edge.expect();
          cases.add(new Case("query " + parameter.getName() + " " + edge.label(), "?" + parameter.getName(), expect,
              withQuery(path, parameter.getName(), (String) edge.value()), null, body));
        }
      } else if (parameter.getIn() == Location.PATH) {
        String real = op.getOpenAPIPath();
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "%5B1%5D", "x%25", "%ED%A0%80")) {
          cases.add(new Case("path " + parameter.getName() + " " + id, null, Expect.ANY,
              withPathParameter(real, path, parameter.getName(), id), null, body));
        }
        cases.add(new Case("path " + parameter.getName() + " NUL", "?" + parameter.getName(), Expect.REFUSED,
            withPathParameter(real, path, parameter.getName(), "a%00b"), null, body));
      }
    }
    if (valid.body() != null) {
      JsonObject bodySchema = schemas.resolve(op.getRequestBody().getContent().get("application/json")
          .getOpenAPIModel().getJsonObject("schema"));
      for (String text : List.of("", "{", "[]", "null", "\"x\"", "{\"a\":")) {
        cases.add(new Case("body " + text, null, Expect.ANY, path, null, text));
      }
      bodyCases(schemas, bodySchema, bodySchema, valid.body(), new ArrayList<>(), random, path, cases);
    }
    if (cases.size() > MAX_CASES_PER_OPERATION) {
      Collections.shuffle(cases, random);
      cases = new ArrayList<>(cases.subList(0, MAX_CASES_PER_OPERATION));
    }
    // The unchanged request last: a DELETE that succeeds leaves nothing for the cases after it.
    cases.add(new Case("as documented", null, Expect.ANY, path, null, body));
    return cases;
  }

  /** One case per edge value of each property at {@code at}, the rest of the valid body unchanged. */
  private void bodyCases(ContractSchemas schemas, JsonObject rootSchema, JsonObject schema, JsonObject valid,
      List<Object> at, Random random, String path, List<Case> cases) {
    if (at.size() > MAX_BODY_DEPTH) {
      return;
    }
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    for (String name : properties.fieldNames()) {
      JsonObject property = schemas.resolve(properties.getJsonObject(name));
      List<Object> field = new ArrayList<>(at);
      field.add(name);
      for (Edge edge : EdgeValues.forBody(property, random)) {
        JsonObject body = BodyPaths.with(schemas, rootSchema, valid, field, edge.value());
        String text = body.encode().replace(EdgeValues.LONE_SURROGATE, EdgeValues.LONE_SURROGATE_JSON);
        cases.add(new Case("body " + BodyPaths.name(field) + " " + edge.label(), BodyPaths.name(field), edge.expect(),
            path, null, text));
      }
      switch (ContractSchemas.type(property)) {
        case "object" -> bodyCases(schemas, rootSchema, property, valid, field, random, path, cases);
        case "array" -> {
          JsonObject items = schemas.resolve(property.getJsonObject("items", new JsonObject()));
          List<Object> first = new ArrayList<>(field);
          first.add(0);
          if ("object".equals(ContractSchemas.type(items))) {
            bodyCases(schemas, rootSchema, items, valid, first, random, path, cases);
          }
        }
        default -> { }
      }
    }
  }

  /** Everything that changes nothing for the others first, then deletes (deepest first), then sign-in. */
  private static List<Operation> inWalkOrder(List<Operation> operations) {
    return operations.stream().sorted(Comparator
            .comparing((Operation op) -> SIGN_IN.contains(op.getOperationId()) ? 2
                : op.getHttpMethod().name().equals("DELETE") ? 1 : 0)
            .thenComparing(op -> -op.getOpenAPIPath().length()))
        .toList();
  }

  private Api callerFor(Operation op, OwnedResources owned) {
    JsonArray roles = (JsonArray) op.getExtensions().get("x-roles");
    if (roles.contains("trainer")) {
      return owned.owner.api();
    }
    if (roles.contains("trainee")) {
      return anonymous.as(owned.traineeToken);
    }
    return roles.contains("display") ? anonymous.as(owned.displayToken) : anonymous;
  }

  private static String withQuery(String path, String name, String value) {
    String encoded = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    String kept = path.contains("?") ? "&" + path.substring(path.indexOf('?') + 1)
        .replaceAll("(^|&)" + Pattern.quote(name) + "=[^&]*", "") : "";
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return bare + "?" + encoded + (kept.equals("&") ? "" : kept.replace("&&", "&"));
  }

  /** The real path with the segment that holds {@code name} in the template replaced. */
  private static String withPathParameter(String template, String path, String name, String value) {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    String query = path.contains("?") ? path.substring(path.indexOf('?')) : "";
    String[] templateSegments = template.split("/");
    String[] segments = bare.split("/");
    for (int i = 0; i < templateSegments.length; i++) {
      if (templateSegments[i].equals("{" + name + "}")) {
        segments[i] = value;
      }
    }
    return String.join("/", segments) + query;
  }

  private static String abbreviate(String text) {
    return text.length() <= 160 ? text : text.substring(0, 150) + "…(" + text.length() + " chars)";
  }
}
