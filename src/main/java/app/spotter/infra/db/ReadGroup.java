package app.spotter.infra.db;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The reads one caller makes before it needs any answer, made as one statement ({@link #send}):
 * one execution, one snapshot and one answer for all of them. Each read hears its own row, sliced
 * from the statement's, or nothing when it found none. A read made after {@link #send} runs alone.
 */
public final class ReadGroup implements KeyedRead.Reader {
  /** Each group of reads as one, made once: its statement is prepared and batched like any other. */
  private static final Map<List<KeyedRead>, KeyedRead> FUSED = new ConcurrentHashMap<>();
  private static final List<String> FOUND = IntStream.rangeClosed(1, 16).mapToObj(i -> "keyed_found_" + i).toList();
  private final KeyedRead.Reader reader;
  private final List<Member> members = new ArrayList<>();
  private boolean sent;

  /** Its statement goes to {@code reader}. */
  public ReadGroup(KeyedRead.Reader reader) {
    this.reader = reader;
  }

  @Override
  public Future<Optional<Row>> read(KeyedRead read, Tuple parameters) {
    if (sent || members.size() == FOUND.size()) {
      return reader.read(read, parameters);
    }
    Member member = new Member(read, parameters, Promise.promise());
    members.add(member);
    return member.answer().future();
  }

  /** Sends the reads made so far: a lone read as itself, more as one statement. */
  public void send() {
    sent = true;
    if (members.size() == 1) {
      Member only = members.get(0);
      reader.read(only.read(), only.parameters()).onComplete(only.answer());
    } else if (members.size() > 1) {
      List<KeyedRead> reads = members.stream().map(Member::read).toList();
      KeyedRead fused = FUSED.computeIfAbsent(reads, k -> KeyedRead.fused(k, FOUND.subList(0, k.size())));
      Tuple parameters = Tuple.tuple();
      members.forEach(m -> {
        for (int i = 0; i < m.parameters().size(); i++) {
          parameters.addValue(m.parameters().getValue(i));
        }
      });
      reader.read(fused, parameters).onComplete(answer -> {
        for (int m = 0; m < members.size(); m++) {
          int index = m;
          members.get(m).answer().handle(answer.map(row -> row.flatMap(r -> slice(r, index))));
        }
      });
    }
  }

  /** Member {@code m}'s columns of the statement's row: from its found column to the next. */
  private Optional<Row> slice(Row row, int m) {
    int found = row.getColumnIndex(FOUND.get(m));
    if (row.getValue(found) == null) {
      return Optional.empty();
    }
    int end = m + 1 < members.size() ? row.getColumnIndex(FOUND.get(m + 1)) : row.size();
    return Optional.of(new RowSlice(row, found + 1, end));
  }

  private record Member(KeyedRead read, Tuple parameters, Promise<Optional<Row>> answer) {}
}
