package io.shopsense.lake;

import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBStruct;

/**
 * Reads a DuckDB result value as a plain JDK value, so that callers of {@link LakeQuery} never see driver types:
 * integers as {@code Long} (wider ones as {@code BigInteger}), decimals as {@code BigDecimal}, {@code TIMESTAMPTZ} as
 * {@code Instant}, {@code TIMESTAMP} as {@code LocalDateTime}, {@code DATE} as {@code LocalDate}, lists as
 * {@code List}, structs and maps as {@code Map}, blobs as {@code byte[]}; everything else as the driver gives it
 * (String, Boolean, Double, UUID, ...).
 */
final class QueryValues {
  private QueryValues() {}

  static Object read(ResultSet rs, int column, String type) throws SQLException {
    if (type.equals("TIMESTAMP WITH TIME ZONE")) {
      OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
      return t == null ? null : t.toInstant();
    }
    if (type.equals("TIMESTAMP")) {
      return rs.getObject(column, LocalDateTime.class);
    }
    if (type.equals("DATE")) {
      return rs.getObject(column, LocalDate.class);
    }
    return plain(rs.getObject(column));
  }

  private static Object plain(Object value) throws SQLException {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof Array a) {
      return plain(a.getArray());
    }
    if (value instanceof DuckDBStruct s) {
      return s.getMap();
    }
    if (value instanceof Blob b) {
      return b.getBytes(1, (int) Math.min(Integer.MAX_VALUE, b.length()));
    }
    if (value instanceof Object[] items) {
      List<Object> list = new ArrayList<>(items.length);
      for (Object item : items) {
        list.add(plain(item));
      }
      return list;
    }
    return value;
  }
}
