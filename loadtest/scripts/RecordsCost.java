// The command path cost of personal records (docs/coaching.md, "What a record costs"): log-set
// command -> ack on one socket, for a trainee with 2,000 past sessions, alternating a set that sets
// no record with one that sets two (e1rm and weight, so it runs under the session lock and writes
// the records, their log and the webhook outbox), then EXPLAIN ANALYZE of the records statements.
// A single-file program on the JDK alone; psql must be on the PATH. Against a running Spotter
// (SPOTTER_REGISTRATIONS_PER_IP=0 not needed: one registration) and its Postgres:
//   java loadtest/scripts/RecordsCost.java http://localhost:8080 'host=localhost port=5432 dbname=spotter user=spotter password=…' [sets]
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RecordsCost {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String url;
  static String token;

  public static void main(String[] args) throws Exception {
    url = args[0];
    String db = args[1];
    int sets = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    String email = "cost-" + System.nanoTime() + "@spotter.test";
    token = field(post("/auth/register", "{\"email\":\"" + email + "\",\"password\":\"a long password\",\"name\":\"Cost\"}"), "accessToken");
    String trainee = field(post("/trainees", "{\"name\":\"Maria Lopez\"}"), "id");
    String template = field(post("/session-templates", "{\"name\":\"Squat day\",\"exercises\":[{\"exerciseName\":\"Back squat\"}]}"), "id");

    // 2,000 past sessions of five exercises, five sets each, up to 100 kg; then one edit through the
    // API, which replays the trainee's records from that history (as the migration fills them).
    psql(db, """
        INSERT INTO training_session_record (id, trainee_id, trainer_id, session_date, status, completed, start_time)
        SELECT gen_random_uuid(), t.id, t.trainer_id, current_date - n, 'completed', true, now() - n * interval '1 day'
        FROM trainee t, generate_series(1, 2000) n WHERE t.id = '%1$s';
        INSERT INTO exercise_record (id, session_record_id, exercise_name, order_index)
        SELECT gen_random_uuid(), r.id, e.name, e.i FROM training_session_record r,
          unnest(ARRAY['Back squat', 'Bench press', 'Deadlift', 'Row', 'Press']) WITH ORDINALITY e(name, i)
        WHERE r.trainee_id = '%1$s';
        INSERT INTO exercise_set (exercise_record_id, id, position, body)
        SELECT e.id, 's' || k, k, jsonb_build_object('id', 's' || k, 'number', k, 'kind', 'working', 'reps', 5,
          'weight', 40 + (abs(hashtext(e.id::text || k)) %% 60), 'unit', 'kg', 'rpe', 8)
        FROM exercise_record e JOIN training_session_record r ON r.id = e.session_record_id,
          generate_series(1, 5) k WHERE r.trainee_id = '%1$s';
        ANALYZE;""".formatted(trainee));
    String past = psql(db, "SELECT id FROM training_session_record WHERE trainee_id = '" + trainee + "' LIMIT 1").trim();
    long replay = System.nanoTime();
    send("PATCH", "/session-records/" + past, "{\"location\":\"Gym\"}");
    System.out.printf("replaying 5 exercises of 2,000 sessions (REST edit): %d ms%n", (System.nanoTime() - replay) / 1_000_000);

    String session = post("/live-sessions", "{\"traineeId\":\"" + trainee + "\",\"sessionTemplateId\":\"" + template + "\"}");
    String sessionId = field(session, "id");
    String exercise = field(session.substring(session.indexOf("\"exercises\"")), "id");
    Socket socket = new Socket();
    List<Long> plain = new ArrayList<>();
    List<Long> record = new ArrayList<>();
    for (int i = 0; i < sets + 20; i++) {
      boolean heavy = i % 2 == 1;
      double weight = heavy ? 200 + i : 20;
      Thread.sleep(100); // under the 20 commands a second a socket may send
      long nanos = socket.logSet(sessionId, exercise, weight);
      if (i >= 20) {
        (heavy ? record : plain).add(nanos); // the first 20 warm the JIT and the pool
      }
    }
    socket.close();
    System.out.println("log-set command -> ack, " + plain.size() + " of each, alternating:");
    System.out.println("  no record:  " + summary(plain));
    System.out.println("  a record:   " + summary(record));

    String identity = "name:back squat";
    for (String[] statement : List.of(
        new String[] {"the records of the set's exercise (log-set's prefetch)", """
            SELECT r.trainee_id, x.identity, p.e1rm_kg, p.rep_maxes,
              EXISTS (SELECT 1 FROM personal_record_log l WHERE l.exercise_record_id = '%2$s' AND l.set_id = 'x') AS in_log
            FROM exercise_record e JOIN training_session_record r ON r.id = e.session_record_id JOIN trainer t ON t.id = r.trainer_id
            CROSS JOIN LATERAL (SELECT exercise_identity(e.exercise_id, e.exercise_name) AS identity) x
            LEFT JOIN personal_record p ON p.trainee_id = r.trainee_id AND p.identity = x.identity
            WHERE e.id = '%2$s' AND e.session_record_id = '%3$s'"""},
        new String[] {"best before this session (snapshot)", """
            SELECT * FROM personal_record_log l WHERE l.trainee_id = '%1$s' AND l.identity = '%4$s'
              AND l.kind IN ('e1rm', 'weight') AND l.session_record_id <> '%3$s'
            ORDER BY l.kind = 'e1rm' DESC, l.value DESC, l.id LIMIT 1"""},
        new String[] {"one exercise's history (the replay after changing a record's set)", """
            SELECT s.body FROM training_session_record r JOIN exercise_record e ON e.session_record_id = r.id
            JOIN exercise_set s ON s.exercise_record_id = e.id
            WHERE r.status <> 'scheduled' AND r.trainee_id = '%1$s' AND exercise_identity(e.exercise_id, e.exercise_name) = '%4$s'
            ORDER BY r.session_date, r.start_time NULLS LAST, r.id, e.order_index, e.id, s.position"""})) {
      System.out.println("EXPLAIN ANALYZE: " + statement[0]);
      String plan = psql(db, "EXPLAIN (ANALYZE, COSTS OFF) " + statement[1].formatted(trainee, exercise, sessionId, identity));
      plan.lines().filter(l -> l.contains("Execution Time") || l.contains("Planning Time") || l.contains("Index") || l.contains("Scan"))
          .limit(8).forEach(l -> System.out.println("  " + l.strip()));
    }
  }

  static String summary(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms", ms(sorted, 0.50), ms(sorted, 0.99),
        sorted.get(sorted.size() - 1) / 1e6);
  }

  static double ms(List<Long> sorted, double q) {
    return sorted.get((int) Math.ceil(q * sorted.size()) - 1) / 1e6;
  }

  static String post(String path, String body) throws Exception {
    return send("POST", path, body);
  }

  static String send(String method, String path, String body) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1" + path))
        .header("content-type", "application/json").header("authorization", "Bearer " + (token == null ? "" : token))
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  static String psql(String db, String sql) throws Exception {
    Process p = new ProcessBuilder("psql", db, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("psql: " + out);
    }
    return out;
  }

  /** One trainer socket; a command's time runs from sending it to its ack. */
  static final class Socket implements WebSocket.Listener {
    private final WebSocket ws;
    private final StringBuilder partial = new StringBuilder();
    private final ConcurrentHashMap<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> welcome = new CompletableFuture<>();

    Socket() throws Exception {
      ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(url.replaceFirst("^http", "ws") + "/api/v1/live"), this).get();
      ws.sendText("{\"type\":\"hello\",\"token\":\"" + token + "\",\"device\":\"other\"}", true);
      welcome.get(5, TimeUnit.SECONDS);
    }

    long logSet(String sessionId, String exercise, double weight) throws Exception {
      String commandId = UUID.randomUUID().toString();
      CompletableFuture<Long> acked = new CompletableFuture<>();
      waiting.put(commandId, acked);
      long started = System.nanoTime();
      ws.sendText("{\"type\":\"command\",\"sessionId\":\"" + sessionId + "\",\"commandId\":\"" + commandId
          + "\",\"name\":\"log-set\",\"payload\":{\"exerciseRecordId\":\"" + exercise + "\",\"setId\":\"" + commandId
          + "\",\"kind\":\"working\",\"reps\":1,\"weight\":" + weight + ",\"unit\":\"kg\"}}", true);
      return acked.get(10, TimeUnit.SECONDS) - started;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      long now = System.nanoTime();
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        if (message.contains("\"type\":\"welcome\"")) {
          welcome.complete(null);
        } else if (message.contains("\"type\":\"ack\"") || message.contains("\"type\":\"rejected\"")) {
          CompletableFuture<Long> f = waiting.remove(field(message, "commandId"));
          if (f != null) {
            if (message.contains("\"type\":\"ack\"")) {
              f.complete(now);
            } else {
              f.completeExceptionally(new IllegalStateException(message));
            }
          }
        }
      }
      webSocket.request(1);
      return null;
    }

    void close() {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }
}
