package app.spotter.coaching;

import app.spotter.auth.Principal;
import app.spotter.record.SessionRecordService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** A session record's summary, for whoever may read the record (its trainer, its trainee). */
public final class SummaryService {
  private final SessionRecordService records;
  private final CoachingRepository repository;

  public SummaryService(SessionRecordService records, CoachingRepository repository) {
    this.records = records;
    this.repository = repository;
  }

  /** 404 when the caller may not read the record, as for the record itself. */
  public Future<JsonObject> summary(Principal caller, UUID recordId) {
    return records.get(caller, recordId)
        .compose(record -> repository.trainerUnit(caller.trainerId())
            .map(unit -> SessionSummary.of(record, unit, Instant.now())));
  }
}
