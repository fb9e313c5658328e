package io.shopsense.lake;

import io.shopsense.api.collect.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBWritableVector;

/**
 * A DuckDB table function, {@code lake_buffer_N(table)}, that hands the rows of the {@link WriteBuffer}'s current
 * selection (one table, one day, in file order) to the query that writes them, a vector of up to 2,048 rows at a time,
 * straight from the buffered records: texts as UTF-8 in one call per column, numbers into the vectors' memory. It
 * produces the table's columns in file order, timestamps as microseconds and amounts as unscaled longs
 * ({@link #query} turns them into {@code TIMESTAMPTZ} and {@code DECIMAL(18,4)}). One thread reads it, in order, so
 * the rows reach the file in the order given (a partitioned {@code COPY} of several days was tried: it does not keep
 * that order).
 */
final class BufferRows {
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final byte[][] TYPES = java.util.Arrays.stream(io.shopsense.api.event.EventType.values())
      .map(t -> utf8(t.wireName())).toArray(byte[][]::new);
  // the record's cells before the JSON members, by kind: T text, N nullable number
  private static final String EVENT_CELLS = "NNTTTTTTTTTTTTTTTTNNNTNTN";
  private static final int LINE_TEXT_ORDER_ID = 2 + 12 + 2;
  /**
   * Text bytes after which a vector is handed over even when not full: DuckDB allocates a vector's strings from its
   * memory limit, and an allocation that fails inside this callback cannot be turned into an error of the query.
   */
  private static final int VECTOR_TEXT_BYTES = 2 << 20;

  /** What the function serves: the rows of {@code table} of the events at {@code order}. */
  record Selection(LakeTable table, int[] order, long[] seqs, EventEnvelope[] envelopes, byte[][] records,
      byte[][] sources) {}

  private final String name;
  private volatile Selection current;

  BufferRows(DuckDbSession session) throws SQLException {
    name = "lake_buffer_" + NAMES.incrementAndGet();
    DuckDBFunctions.tableFunction().withName(name).withParameter(DuckDBColumnType.INTEGER)
        .withFunction(new Function()).register(session.connection());
  }

  /** The partition of an event: the UTC date of its corrected timestamp. */
  static LocalDate day(Instant timestamp) {
    return LocalDate.ofInstant(timestamp, ZoneOffset.UTC);
  }

  /** The order of rows in a file: by timestamp (null last), then seq. */
  static long sortKey(Instant timestamp) {
    long micros = micros(timestamp);
    return micros == Long.MIN_VALUE ? Long.MAX_VALUE : micros;
  }

  /** Microseconds since the epoch, or {@link Long#MIN_VALUE} for a time outside what readers handle. */
  static long micros(Instant t) {
    if (t == null || t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      return Long.MIN_VALUE;
    }
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  /** The number of product lines in a record. */
  static int lineCount(byte[] record, byte[] source) {
    EventRecord.Reader r = new EventRecord.Reader();
    r.reset(record, source);
    skipEventCells(r);
    return r.count();
  }

  private static void skipEventCells(EventRecord.Reader r) {
    skipCells(r, 0, EVENT_CELLS.length());
    skipJsonColumns(r);
  }

  /** Skips the event cells {@code [from, to)} of {@link #EVENT_CELLS}. */
  private static void skipCells(EventRecord.Reader r, int from, int to) {
    for (int i = from; i < to; i++) {
      if (EVENT_CELLS.charAt(i) == 'T') {
        r.skipText();
      } else {
        r.number();
      }
    }
  }

  /** Skips the JSON texts of properties, traits and context that follow the event cells. */
  private static void skipJsonColumns(EventRecord.Reader r) {
    r.skipText();
    r.skipText();
    r.skipText();
  }

  void publish(Selection selection) {
    current = selection;
  }

  /** The query that reads the current selection with the table's column names and types, in file order. */
  String query(LakeTable table) {
    StringBuilder cols = new StringBuilder();
    for (LakeTable.Column c : table.columns()) {
      String q = LakeTable.quote(c.name());
      cols.append(cols.length() == 0 ? "" : ", ");
      switch (c.type()) {
        case "TIMESTAMPTZ" -> cols.append("CAST(make_timestamp(").append(q).append(") AS TIMESTAMPTZ) AS ").append(q);
        // exact: the product of DECIMAL(18,0) and 0.0001 is the DECIMAL(18,4) whose unscaled value it was
        case "DECIMAL(18,4)" -> cols.append("CAST(CAST(").append(q).append(" AS DECIMAL(18,0)) * 0.0001 AS ")
            .append(c.type()).append(") AS ").append(q);
        default -> cols.append(q);
      }
    }
    return "SELECT " + cols + " FROM " + name + "(" + table.ordinal() + ")";
  }

  /** Where a scan of the selection is: the event in {@code order}, and the line of it for {@code lines}. */
  private static final class Cursor {
    final EventRecord.Reader record = new EventRecord.Reader();
    final Names names = new Names();
    int event;
    int line;
    int lines;
    // the current event's cells a line repeats
    byte[] messageId;
    byte[] name;
    long timestamp;
    byte[] anonymousId;
    byte[] userId;
    byte[] orderId;
    byte[] cartId;
  }

  private final class Function implements DuckDBTableFunction<Selection, Cursor, Object> {
    @Override
    public Selection bind(DuckDBTableFunctionBindInfo info) throws Exception {
      LakeTable table = LakeTable.values()[info.getParameter(0).getInt()];
      for (LakeTable.Column c : table.columns()) {
        switch (c.type()) {
          case "VARCHAR" -> info.addResultColumn(c.name(), DuckDBColumnType.VARCHAR);
          case "BIGINT", "TIMESTAMPTZ", "DECIMAL(18,4)" -> info.addResultColumn(c.name(), DuckDBColumnType.BIGINT);
          case "INTEGER" -> info.addResultColumn(c.name(), DuckDBColumnType.INTEGER);
          default -> throw new IllegalStateException("no buffer type for " + c.type());
        }
      }
      Selection s = current;
      if (s == null || s.table() != table) {
        throw new IllegalStateException("the lake buffer has no rows of " + table + " to hand out");
      }
      return s;
    }

    @Override
    public Cursor init(DuckDBTableFunctionInitInfo info) {
      info.setMaxThreads(1);
      return new Cursor();
    }

    @Override
    public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
      Selection s = info.getBindData();
      Cursor c = info.getInitData();
      int capacity = (int) out.capacity();
      return s.table() == LakeTable.EVENTS ? events(s, c, out, capacity) : lines(s, c, out, capacity);
    }
  }

  /** Fills {@code v} with the chunk's vectors; returns a column of {@code rows} texts for each VARCHAR column. */
  private static byte[][][] vectors(LakeTable table, DuckDBDataChunkWriter out, DuckDBWritableVector[] v, int rows) {
    byte[][][] texts = new byte[v.length][][];
    for (int i = 0; i < v.length; i++) {
      v[i] = out.vector(i);
      if (table.columns().get(i).type().equals("VARCHAR")) {
        texts[i] = new byte[rows][];
      }
    }
    return texts;
  }

  private static int events(Selection s, Cursor c, DuckDBDataChunkWriter out, int capacity) {
    int n = Math.min(capacity, s.order().length - c.event);
    if (n <= 0) {
      return 0;
    }
    int columns = LakeTable.EVENTS.columns().size();
    DuckDBWritableVector[] v = new DuckDBWritableVector[columns];
    byte[][][] texts = vectors(LakeTable.EVENTS, out, v, n);
    EventRecord.Reader r = c.record;
    long textBytes = 0;
    for (int row = 0; row < n; row++) {
      if (textBytes > VECTOR_TEXT_BYTES) {
        n = row;
        break;
      }
      int at = s.order()[c.event++];
      EventEnvelope env = s.envelopes()[at];
      r.reset(s.records()[at], s.sources()[at]);
      v[0].setLong(row, s.seqs()[at]);
      texts[1][row] = utf8(env.messageId().value());
      texts[2][row] = TYPES[env.type().ordinal()];
      texts[3][row] = c.names.bytes(env.name());
      texts[4][row] = env.anonymousId() == null ? null : utf8(env.anonymousId().value());
      texts[5][row] = env.userId() == null ? null : utf8(env.userId().value());
      texts[6][row] = utf8(env.previousId());
      time(v[7], row, micros(env.timestamp()));
      number(v[8], row, r);
      number(v[9], row, r);
      time(v[10], row, micros(env.receivedAt()));
      texts[11][row] = c.names.bytes(env.source().value());
      for (int col = 12; col <= 27; col++) {
        texts[col][row] = r.text();
      }
      amount(v[28], row, r);
      amount(v[29], row, r);
      amount(v[30], row, r);
      texts[31][row] = r.text();
      number(v[32], row, r);
      texts[33][row] = r.text();
      r.number();
      if (r.isNull) {
        v[34].setNull(row);
      } else {
        v[34].setInt(row, (int) r.number);
      }
      texts[35][row] = r.text();
      texts[36][row] = r.text();
      texts[37][row] = r.text();
      textBytes += r.textBytes();
    }
    for (int i = 0; i < columns; i++) {
      if (texts[i] != null) {
        v[i].setStringUtf8Batch(0, texts[i].length == n ? texts[i] : java.util.Arrays.copyOf(texts[i], n));
      }
    }
    return n;
  }

  private static int lines(Selection s, Cursor c, DuckDBDataChunkWriter out, int capacity) {
    int columns = LakeTable.LINES.columns().size();
    DuckDBWritableVector[] v = new DuckDBWritableVector[columns];
    byte[][][] texts = vectors(LakeTable.LINES, out, v, capacity);
    EventRecord.Reader r = c.record;
    int row = 0;
    long textBytes = 0;
    while (row < capacity && textBytes <= VECTOR_TEXT_BYTES) {
      if (c.line == c.lines) {
        if (c.event == s.order().length) {
          break;
        }
        int at = s.order()[c.event++];
        EventEnvelope env = s.envelopes()[at];
        r.reset(s.records()[at], s.sources()[at]);
        skipCells(r, 0, LINE_TEXT_ORDER_ID);
        c.orderId = r.text();
        c.cartId = r.text();
        skipCells(r, LINE_TEXT_ORDER_ID + 2, EVENT_CELLS.length());
        skipJsonColumns(r);
        c.lines = r.count();
        c.line = 0;
        c.messageId = utf8(env.messageId().value());
        c.name = c.names.bytes(env.name());
        c.timestamp = micros(env.timestamp());
        c.anonymousId = env.anonymousId() == null ? null : utf8(env.anonymousId().value());
        c.userId = env.userId() == null ? null : utf8(env.userId().value());
        continue;
      }
      int at = s.order()[c.event - 1];
      v[0].setLong(row, s.seqs()[at]);
      texts[1][row] = c.messageId;
      texts[2][row] = c.name;
      time(v[3], row, c.timestamp);
      texts[4][row] = c.anonymousId;
      texts[5][row] = c.userId;
      texts[6][row] = c.orderId;
      texts[7][row] = c.cartId;
      v[8].setInt(row, c.line);
      for (int col = 9; col <= 14; col++) {
        texts[col][row] = r.text();
      }
      amount(v[15], row, r);
      r.number();
      v[16].setLong(row, r.number);
      texts[17][row] = r.text();
      textBytes += r.textBytes() + 64;
      c.line++;
      row++;
    }
    if (row == 0) {
      return 0;
    }
    for (int i = 0; i < columns; i++) {
      if (texts[i] != null) {
        v[i].setStringUtf8Batch(0, row == capacity ? texts[i] : java.util.Arrays.copyOf(texts[i], row));
      }
    }
    return row;
  }

  /** The UTF-8 of the few texts many rows share (event names, sources), each made once per scan. */
  private static final class Names {
    private final java.util.Map<String, byte[]> bytes = new java.util.HashMap<>();

    byte[] bytes(String name) {
      byte[] b = bytes.get(name);
      if (b == null) {
        b = utf8(name);
        if (bytes.size() < 4_096) {
          bytes.put(name, b);
        }
      }
      return b;
    }
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static void time(DuckDBWritableVector v, int row, long micros) {
    if (micros == Long.MIN_VALUE) {
      v.setNull(row);
    } else {
      v.setLong(row, micros);
    }
  }

  private static void number(DuckDBWritableVector v, int row, EventRecord.Reader r) {
    r.number();
    if (r.isNull) {
      v.setNull(row);
    } else {
      v.setLong(row, r.number);
    }
  }

  private static void amount(DuckDBWritableVector v, int row, EventRecord.Reader r) {
    r.number();
    if (r.isNull) {
      v.setNull(row);
    } else {
      v.setLong(row, r.number); // unscaled: the query makes it a DECIMAL(18,4)
    }
  }
}
