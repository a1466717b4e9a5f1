package app.spotter.live.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.spotter.http.ContractFile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Command payloads against their schemas in the contract: every command schema, a payload with every
 * property it allows, and thousands of broken ones made from the limits, enums and properties the
 * schema itself declares, each refused as {@code invalid} naming its fields.
 */
class CommandPayloadsTest {
  private static final String ID = "5d1c7a52-8e0b-4d6e-a7d1-2c0f6f0b7c3e";
  private static final String SCHEMAS = "#/components/schemas/";
  /** A payload of each command schema with every property it allows set. */
  private static final Map<String, String> VALID = Map.ofEntries(
      Map.entry("LiveStartExercise", "{'exerciseRecordId':'ID'}"),
      Map.entry("LiveLogSet", "{'exerciseRecordId':'ID','setId':'s1','kind':'working','reps':8,'weight':62.5,'unit':'kg',"
          + "'rpe':8.5,'rir':2,'durationSeconds':30,'distanceMeters':100.5,'notes':'ok'}"),
      Map.entry("LiveUpdateSet", "{'exerciseRecordId':'ID','setId':'s1','kind':'drop','reps':null,'weight':null,'unit':'lb',"
          + "'rpe':null,'rir':null,'durationSeconds':null,'distanceMeters':null,'notes':null}"),
      Map.entry("LiveDeleteSet", "{'exerciseRecordId':'ID','setId':'s1'}"),
      Map.entry("LiveRecordRpe", "{'exerciseRecordId':'ID','setId':'s1','rpe':8.5}"),
      Map.entry("LiveRateForm", "{'exerciseRecordId':'ID','formRating':4}"),
      Map.entry("LiveCompleteExercise", "{'exerciseRecordId':'ID','perceivedExertion':7}"),
      Map.entry("LiveSkipExercise", "{'exerciseRecordId':'ID','reason':'sore knee'}"),
      Map.entry("LiveAddExercise", "{'exerciseRecordId':'ID','exerciseName':'Squat','targetSets':3,'targetReps':5,"
          + "'targetWeight':100,'restBetweenSets':120,'afterExerciseRecordId':'ID'}"),
      Map.entry("LiveModifyExercise", "{'exerciseRecordId':'ID','modificationNotes':'lighter','exerciseName':'Squat',"
          + "'targetSets':null,'targetReps':5,'targetWeight':null,'restBetweenSets':90}"),
      Map.entry("LiveStartTimer", "{'durationSeconds':90,'label':'Rest','exerciseRecordId':'ID'}"),
      Map.entry("LiveAdjustTimer", "{'deltaSeconds':-30}"),
      Map.entry("LiveEmpty", "{}"),
      Map.entry("LiveAddNote", "{'text':'Good depth'}"),
      Map.entry("LiveSubmitFeedback", "{'mood':'great','energy':4}"),
      Map.entry("LiveEndSession", "{'status':'completed'}"));

  private static Vertx vertx;
  private static JsonObject schemas;
  private static CommandPayloads payloads;
  /** One command of each payload schema. */
  private static final Map<String, LiveCommand> BY_SCHEMA = new TreeMap<>();

  @BeforeAll
  static void loadContract() {
    vertx = Vertx.vertx();
    OpenAPIContract contract = ContractFile.load(vertx, "docs/openapi.yaml").await();
    schemas = contract.getRawContract().getJsonObject("components").getJsonObject("schemas");
    List<LiveCommand> commands = new ArrayList<>();
    new LiveCommands().all().forEach(commands::add);
    commands.add(TimerCommands.finish());
    commands.forEach(command -> BY_SCHEMA.putIfAbsent(command.schema(), command));
    payloads = new CommandPayloads(contract, commands);
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  static Stream<String> commandSchemas() {
    return BY_SCHEMA.keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("commandSchemas")
  @DisplayName("a payload with every property passes; broken ones are invalid, naming only their own or required fields")
  void brokenPayloadsNameTheirFields(String name) {
    assertThat(VALID).as("a valid payload of " + name + " in this test").containsKey(name);
    LiveCommand command = BY_SCHEMA.get(name);
    JsonObject valid = new JsonObject(VALID.get(name).replace('\'', '"').replace("ID", ID));
    payloads.check(command, valid);

    Probes probes = new Probes(name);
    List<String> misnamed = new ArrayList<>();
    int rejected = 0;
    List<JsonObject> broken = probes.payloadsAround(valid);
    for (JsonObject payload : broken) {
      CommandRejected rejection = catchThrowableOfType(CommandRejected.class, () -> payloads.check(command, payload));
      if (rejection == null) {
        continue;
      }
      rejected++;
      JsonObject answer = rejection.answer();
      assertThat(answer.getString("code")).as(payload.encode()).isEqualTo("invalid");
      Set<String> allowed = new HashSet<>(payload.fieldNames());
      allowed.addAll(probes.properties);
      allowed.add("payload");
      if (payload.fieldNames().stream().anyMatch(CommandPayloadsTest::lostInLocation)) {
        continue;
      }
      for (Object error : answer.getJsonArray("errors")) {
        String field = ((JsonObject) error).getString("field");
        if (!allowed.contains(field.split("[.\\[]")[0])) {
          misnamed.add(payload.encode() + " names " + field);
        }
      }
    }

    assertThat(misnamed).as(name).isEmpty();
    assertThat(rejected).as("invalid payloads of " + name).isGreaterThan(0);
    assertThat(broken.size() - rejected).as("valid payloads of " + name).isGreaterThan(0);
  }

  /**
   * A key the validator cannot write into an error's location: a lone surrogate becomes '?', and a
   * byte below 0x10 loses its leading zero ({@code %A} for a line feed).
   */
  private static boolean lostInLocation(String key) {
    return key.chars().anyMatch(c -> c < 0x10)
        || !key.equals(new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a payload that is not an object is invalid, naming payload")
  void notAnObject() {
    LiveCommand addNote = BY_SCHEMA.get("LiveAddNote");

    for (Object payload : new Object[] {"remember the knee", new JsonArray(), 7, null}) {
      CommandRejected rejection = catchThrowableOfType(CommandRejected.class, () -> payloads.check(addNote, payload));
      assertThat(rejection).as(String.valueOf(payload)).isNotNull();
      assertThat(rejection.answer().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("payload");
    }
  }

  @Test
  @DisplayName("a valid payload with a NUL in its text is invalid, naming the field")
  void unstorableText() {
    JsonObject payload = new JsonObject().put("text", "knee\u0000pain");

    CommandRejected rejection = catchThrowableOfType(CommandRejected.class,
        () -> payloads.check(BY_SCHEMA.get("LiveAddNote"), payload));

    assertThat(rejection).isNotNull();
    assertThat(rejection.answer().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("text");
  }

  @Test
  @DisplayName("a command whose schema the contract lacks stops the start, naming both")
  void missingSchema() {
    LiveCommand unknown = new LiveCommand("do-nothing", "nothing-done", "LiveNothing", LiveCommand.TRAINER,
        LiveCommand.Writes.TRANSACTION, context -> Future.succeededFuture(new JsonObject()));
    OpenAPIContract contract = ContractFile.load(vertx, "docs/openapi.yaml").await();

    assertThatThrownBy(() -> new CommandPayloads(contract, List.of(unknown)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LiveNothing").hasMessageContaining("do-nothing");
  }

  /** Values and payloads made from what one schema (and what it refers to) declares. */
  private static final class Probes {
    private final Set<String> properties = new LinkedHashSet<>();
    private final Set<Double> limits = new TreeSet<>();
    private final Set<Integer> lengths = new TreeSet<>();
    private final Set<Integer> counts = new TreeSet<>();
    private final Set<String> words = new LinkedHashSet<>();

    Probes(String name) {
      collect(schemas.getValue(name), new HashSet<>());
    }

    private void collect(Object node, Set<String> visited) {
      if (node instanceof JsonArray array) {
        array.forEach(item -> collect(item, visited));
      } else if (node instanceof JsonObject object) {
        object.forEach(entry -> {
          Object value = entry.getValue();
          switch (entry.getKey()) {
            case "properties" -> properties.addAll(((JsonObject) value).fieldNames());
            case "minimum", "maximum", "multipleOf" -> limits.add(((Number) value).doubleValue());
            case "minLength", "maxLength" -> lengths.add((Integer) value);
            case "minProperties", "maxProperties" -> counts.add((Integer) value);
            case "enum" -> ((JsonArray) value).forEach(word -> words.add((String) word));
            case "$ref" -> {
              String ref = (String) value;
              String target = ref.substring(ref.indexOf(SCHEMAS) + SCHEMAS.length());
              if (visited.add(target)) {
                collect(schemas.getValue(target), visited);
              }
            }
            default -> { }
          }
          collect(value, visited);
        });
      }
    }

    List<JsonObject> payloadsAround(JsonObject valid) {
      List<JsonObject> payloads = new ArrayList<>();
      payloads.add(valid);
      payloads.add(new JsonObject());
      for (String field : valid.fieldNames()) {
        JsonObject without = valid.copy();
        without.remove(field);
        payloads.add(without);
      }
      Set<String> fields = new LinkedHashSet<>(properties);
      fields.add("unexpected");
      List<Object> values = values();
      for (String field : fields) {
        for (Object value : values) {
          payloads.add(valid.copy().put(field, value));
        }
      }
      for (Object value : values) {
        if (value instanceof String key) {
          payloads.add(valid.copy().put(key, 1));
        }
      }
      for (int count : counts) {
        for (int n = Math.max(0, count - 1); n <= count + 1; n++) {
          JsonObject many = new JsonObject();
          IntStream.range(0, n).forEach(i -> many.put("k" + i, i));
          payloads.add(many);
        }
      }
      return payloads;
    }

    /** Every JSON type, each limit and its neighbours in the number forms the wire decodes to, and such strings. */
    private List<Object> values() {
      List<Object> values = new ArrayList<>(List.of(true, false, new JsonObject(), new JsonArray(),
          new JsonObject().put("a", 1), new JsonArray().add(1), "", "x", ID));
      values.add(null);
      for (double limit : limits) {
        for (double near : new double[] {-1, -0.5, -0.25, -1e-9, 0, 1e-9, 0.25, 0.5, 1, 2}) {
          values.add(wire(String.valueOf(limit + near)));
          values.add(wire(String.valueOf(-(limit + near))));
          if ((limit + near) % 1 == 0) {
            values.add(wire(String.valueOf((long) (limit + near))));
          }
        }
      }
      for (String number : new String[] {"8", "8.0", "8.5", "8.25", "7.0000001", "8.50", "1e1", "1E400", "-1E400",
          "1E-400", "-0", "-0.0", "3000000000", "-3000000000", "100000000000000000000", "0.1", "9.95"}) {
        values.add(wire(number));
      }
      for (int length : lengths) {
        for (int n = Math.max(0, length - 1); n <= length + 1; n++) {
          values.add("a".repeat(n));
          values.add("\uD83D\uDE00".repeat(n)); // two chars, one code point
        }
      }
      values.addAll(List.of("\uD83D", "\uDE00x", ID.toUpperCase(), "urn:uuid:" + ID, "URN:UUID:" + ID, ID + "\n",
          ID + "\n\n", " " + ID, ID + " ", ID.substring(1), ID + "0", ID.replace('d', 'g'), ID.replace("-", ""),
          "{" + ID + "}", ID.replace('-', '_')));
      for (String word : words) {
        values.addAll(List.of(word, word.toUpperCase(), word + " ", word.substring(1)));
      }
      return values;
    }

    /** What the live socket's frame decoding makes of a JSON number. */
    private static Object wire(String number) {
      return new JsonObject("{\"n\":" + number + "}").getValue("n");
    }
  }
}
