package app.spotter.record;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * {@code {trainee, records: [{...record, exercises: [...]}]}}, written one record at a time: rows
 * arrive as record × exercise, so only the record being read is held until the next one starts.
 */
final class JsonExport implements ExportFormat {
  private final boolean forTrainee;
  private JsonObject current;
  private boolean firstRecord = true;

  JsonExport(boolean forTrainee) {
    this.forTrainee = forTrainee;
  }

  @Override
  public ExportRepository.Query query() {
    return ExportRepository.Query.RECORDS_WITH_EXERCISES;
  }

  @Override
  public String contentType() {
    return "application/json; charset=utf-8";
  }

  @Override
  public String extension() {
    return "json";
  }

  @Override
  public Buffer start(JsonObject trainee) {
    return Buffer.buffer("{\"trainee\":").appendString(trainee.encode()).appendString(",\"records\":[");
  }

  @Override
  public Buffer row(Row row) {
    Buffer out = Buffer.buffer();
    if (current == null || !current.getString("id").equals(row.getUUID("id").toString())) {
      out = finishRecord();
      current = RecordRepository.TABLE.toJson(row).put("exercises", new JsonArray());
      if (forTrainee) {
        current.remove("trainerNotes");
      }
    }
    JsonObject exercise = ExerciseRecordRepository.TABLE.toJson(row, "e_");
    if (exercise != null) {
      current.getJsonArray("exercises").add(exercise);
    }
    return out;
  }

  @Override
  public Buffer end() {
    return finishRecord().appendString("]}");
  }

  private Buffer finishRecord() {
    if (current == null) {
      return Buffer.buffer();
    }
    Buffer out = Buffer.buffer(firstRecord ? "" : ",").appendString(current.encode());
    firstRecord = false;
    current = null;
    return out;
  }
}
