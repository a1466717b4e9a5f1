package app.spotter.infra.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** How a column's value crosses between Postgres and JSON (camelCase, ISO-8601 UTC times). */
public enum Kind {
  UUID_ID("uuid") {
    @Override Object read(Row row, String column) {
      UUID v = row.getUUID(column);
      return v == null ? null : v.toString();
    }
    @Override Object write(Object json) {
      return UUID.fromString((String) json);
    }
  },
  TEXT("text") {
    @Override Object read(Row row, String column) {
      return row.getString(column);
    }
    @Override Object write(Object json) {
      return json;
    }
  },
  INT("int") {
    @Override Object read(Row row, String column) {
      return row.getInteger(column);
    }
    @Override Object write(Object json) {
      return ((Number) json).intValue();
    }
  },
  BIGINT("bigint") {
    @Override Object read(Row row, String column) {
      return row.getLong(column);
    }
    @Override Object write(Object json) {
      return ((Number) json).longValue();
    }
  },
  DECIMAL("numeric") {
    @Override Object read(Row row, String column) {
      BigDecimal v = row.getBigDecimal(column);
      return v == null ? null : v.stripTrailingZeros().doubleValue();
    }
    @Override Object write(Object json) {
      return Numeric.create((Number) json);
    }
  },
  BOOL("boolean") {
    @Override Object read(Row row, String column) {
      return row.getBoolean(column);
    }
    @Override Object write(Object json) {
      return json;
    }
  },
  DATE("date") {
    @Override Object read(Row row, String column) {
      LocalDate v = row.getLocalDate(column);
      return v == null ? null : v.toString();
    }
    @Override Object write(Object json) {
      return LocalDate.parse((String) json);
    }
  },
  TIMESTAMP("timestamptz") {
    @Override Object read(Row row, String column) {
      OffsetDateTime v = row.getOffsetDateTime(column);
      return v == null ? null : ISO_UTC.format(v.withOffsetSameInstant(ZoneOffset.UTC));
    }
    @Override Object write(Object json) {
      return OffsetDateTime.parse((String) json);
    }
  },
  /** jsonb holding an array or object; SQL NULL never reaches the client as null for arrays (default '[]'). */
  JSON("jsonb") {
    @Override Object read(Row row, String column) {
      Object v = row.getJson(column);
      return v instanceof JsonObject || v instanceof JsonArray ? v : null;
    }
    @Override Object write(Object json) {
      return json;
    }
  };

  private final String sqlType;

  Kind(String sqlType) {
    this.sqlType = sqlType;
  }

  /**
   * The Postgres type a bound value is cast to: a parameter assigned to a column of a domain type
   * (V19) would otherwise be typed as the domain, which the client does not know how to send.
   */
  String sqlType() {
    return sqlType;
  }

  private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

  abstract Object read(Row row, String column);

  /** Converts a validated JSON value to the value bound to a statement; null stays null. */
  abstract Object write(Object json);

  public Object toSql(Object json) {
    return json == null ? null : write(json);
  }

  public Object fromRow(Row row, String column) {
    return read(row, column);
  }
}
