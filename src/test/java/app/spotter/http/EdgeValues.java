package app.spotter.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The values a property-based fuzzer tries on one field, derived from the field's schema: empty and
 * over-long strings, NUL and lone surrogates, wrong types, boundary numbers, and the edges of each
 * format. Each says what the server must make of it.
 */
final class EdgeValues {
  /** Stands for a lone surrogate in a value; the request's JSON text carries it as {@code \ud800}. */
  static final String LONE_SURROGATE = "~lone-surrogate~";
  static final String LONE_SURROGATE_JSON = "\\ud800";

  enum Expect {
    /** 400 naming the field. */
    REFUSED,
    /** The field is fine: no 400 may name it. */
    ACCEPTED,
    /** Only the general rules: no 5xx, a listed status, problem+json. */
    ANY
  }

  record Edge(String label, Object value, Expect expect) {}

  private EdgeValues() {}

  /** Edges of a body property. */
  static List<Edge> forBody(JsonObject schema, Random random) {
    List<Edge> edges = new ArrayList<>();
    switch (ContractSchemas.type(schema)) {
      case "string" -> strings(schema, random, edges);
      case "integer", "number" -> numbers(schema, edges);
      case "boolean" -> {
        edges.add(new Edge("boolean as text", "true", Expect.REFUSED));
        edges.add(new Edge("boolean as number", 1, Expect.REFUSED));
      }
      case "object" -> {
        edges.add(new Edge("object as text", "x", Expect.REFUSED));
        edges.add(new Edge("object as array", new JsonArray(), Expect.REFUSED));
      }
      case "array" -> {
        edges.add(new Edge("array as text", "x", Expect.REFUSED));
        edges.add(new Edge("array as object", new JsonObject(), Expect.REFUSED));
        edges.add(new Edge("empty array", new JsonArray(), Expect.ANY));
      }
      default -> { }
    }
    edges.add(new Edge("null", null, Expect.ANY));
    return edges;
  }

  /** Edges of a query parameter: the text after decoding, which the request percent-encodes once. */
  static List<Edge> forQuery(JsonObject schema) {
    List<Edge> edges = new ArrayList<>();
    String type = ContractSchemas.type(schema);
    boolean plain = type.equals("string") && !schema.containsKey("enum") && !schema.containsKey("format")
        && !schema.containsKey("pattern");
    // Query strings are strings: nothing JSON-looking or percent-laden is parsed or decoded again.
    JsonArray members = schema.getJsonArray("enum", new JsonArray());
    for (String text : List.of("[1]", "{\"a\":1}", "x%", "x%25", "%", "\"abc", "null", "true", "1e999")) {
      // An enum may well have "true" as a member (?archived=true): then it is accepted, as any member.
      if (!members.contains(text)) {
        edges.add(new Edge(text, text, plain ? Expect.ACCEPTED : Expect.REFUSED));
      }
    }
    edges.add(new Edge("NUL", "a\u0000b", Expect.REFUSED));
    edges.add(new Edge("empty", "", Expect.ANY));
    members.forEach(member ->
        edges.add(new Edge("enum member " + member, String.valueOf(member), Expect.ACCEPTED)));
    Integer maxLength = schema.getInteger("maxLength");
    if (maxLength != null) {
      edges.add(new Edge("at maxLength", "x".repeat(maxLength), plain ? Expect.ACCEPTED : Expect.ANY));
      edges.add(new Edge("one over maxLength", "x".repeat(maxLength + 1), Expect.REFUSED));
    }
    if (type.equals("integer")) {
      Number minimum = schema.getNumber("minimum");
      Number maximum = schema.getNumber("maximum");
      if (minimum != null) {
        edges.add(new Edge("minimum", minimum.toString(), Expect.ACCEPTED));
        edges.add(new Edge("below minimum", String.valueOf(minimum.longValue() - 1), Expect.REFUSED));
      }
      if (maximum != null) {
        edges.add(new Edge("maximum", maximum.toString(), Expect.ACCEPTED));
        edges.add(new Edge("above maximum", String.valueOf(maximum.longValue() + 1), Expect.REFUSED));
      }
      edges.add(new Edge("2^63", "9223372036854775808", Expect.REFUSED));
      edges.add(new Edge("fraction", "1.5", Expect.REFUSED));
    }
    if ("date-time".equals(schema.getString("format"))) {
      edges.add(new Edge("offset +23:59", "2026-11-20T23:30:00+23:59", Expect.ACCEPTED));
      edges.add(new Edge("offset -23:59", "2026-11-20T00:30:00-23:59", Expect.ACCEPTED));
      edges.add(new Edge("no offset", "2026-11-20T08:00:00", Expect.REFUSED));
    }
    if ("uuid".equals(schema.getString("format"))) {
      edges.add(new Edge("urn:uuid", "urn:uuid:" + UUID.randomUUID(), Expect.REFUSED));
      edges.add(new Edge("random uuid", UUID.randomUUID().toString(), Expect.ANY));
    }
    return edges;
  }

  private static void strings(JsonObject schema, Random random, List<Edge> edges) {
    String format = schema.getString("format", "");
    boolean constrained = schema.containsKey("enum") || schema.containsKey("pattern") || !format.isEmpty();
    int minLength = schema.getInteger("minLength", 0);
    Integer maxLength = schema.getInteger("maxLength");
    edges.add(new Edge("empty string", "", minLength > 0 || constrained ? Expect.REFUSED : Expect.ANY));
    if (maxLength != null) {
      edges.add(new Edge("one over maxLength", "x".repeat(maxLength + 1), Expect.REFUSED));
    } else {
      edges.add(new Edge("long string", "x".repeat(5_000 + random.nextInt(5_000)), Expect.ANY));
    }
    edges.add(new Edge("NUL", "a\u0000b", Expect.REFUSED));
    edges.add(new Edge("lone surrogate", "a" + LONE_SURROGATE + "b", Expect.REFUSED));
    edges.add(new Edge("string as number", 42, Expect.REFUSED));
    edges.add(new Edge("string as array", new JsonArray().add("x"), Expect.REFUSED));
    edges.add(new Edge("string as object", new JsonObject().put("x", "y"), Expect.REFUSED));
    if (schema.containsKey("enum")) {
      edges.add(new Edge("not in enum", "not-a-member", Expect.REFUSED));
    }
    switch (format) {
      case "email" -> {
        edges.add(new Edge("email without @", "no-at-sign", Expect.REFUSED));
        edges.add(new Edge("email of a single @", "@", Expect.REFUSED));
      }
      case "uuid" -> {
        edges.add(new Edge("urn:uuid", "urn:uuid:" + UUID.randomUUID(), Expect.REFUSED));
        edges.add(new Edge("random uuid", UUID.randomUUID().toString(), Expect.ANY));
      }
      case "date-time" -> {
        edges.add(new Edge("offset +23:59", "2026-11-20T23:30:00+23:59", Expect.ACCEPTED));
        edges.add(new Edge("offset -23:59", "2026-11-20T00:30:00-23:59", Expect.ACCEPTED));
        edges.add(new Edge("offset -18:30", "2026-11-20T06:00:00-18:30", Expect.ACCEPTED));
        edges.add(new Edge("offset +24:00", "2026-11-20T08:00:00+24:00", Expect.REFUSED));
        edges.add(new Edge("no offset", "2026-11-20T08:00:00", Expect.REFUSED));
        edges.add(new Edge("year 1", "0001-01-01T00:00:00Z", Expect.ANY));
        edges.add(new Edge("year 9999", "9999-12-31T23:59:59.999999999Z", Expect.ANY));
      }
      case "date" -> {
        edges.add(new Edge("30 February", "2026-02-30", Expect.REFUSED));
        edges.add(new Edge("year 1", "0001-01-01", Expect.ANY));
        edges.add(new Edge("year 9999", "9999-12-31", Expect.ANY));
      }
      default -> {
        if (!constrained) {
          edges.add(new Edge("JSON-looking text", "[1]", Expect.ANY));
          edges.add(new Edge("percent sign", "100%25", Expect.ANY));
        }
      }
    }
  }

  private static void numbers(JsonObject schema, List<Edge> edges) {
    boolean integer = "integer".equals(ContractSchemas.type(schema));
    Number minimum = schema.getNumber("minimum");
    Number maximum = schema.getNumber("maximum");
    if (minimum != null) {
      edges.add(new Edge("minimum", minimum, Expect.ANY));
      edges.add(new Edge("below minimum", minimum.doubleValue() - 1, Expect.REFUSED));
    }
    if (maximum != null) {
      edges.add(new Edge("maximum", maximum, Expect.ANY));
      edges.add(new Edge("above maximum", maximum.doubleValue() + 1, Expect.REFUSED));
    } else {
      edges.add(new Edge("2^31", 2_147_483_648L, Expect.ANY));
      edges.add(new Edge("2^63 - 1", Long.MAX_VALUE, Expect.ANY));
      edges.add(new Edge("1e308", 1e308, Expect.ANY));
    }
    if (minimum == null) {
      edges.add(new Edge("-2^63", Long.MIN_VALUE, Expect.ANY));
    }
    if (integer) {
      edges.add(new Edge("fraction for an integer", 1.5, Expect.REFUSED));
    }
    edges.add(new Edge("number as text", "1", Expect.REFUSED));
  }
}
