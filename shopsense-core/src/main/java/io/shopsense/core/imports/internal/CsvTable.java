package io.shopsense.core.imports.internal;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.imports.ImportContext;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV input with a header row, read record by record with FastCSV. Each data record is counted as a row read.
 * Records with another number of fields than the header are still handed out ({@link #widthProblem} says so), so that
 * the preset can reject them as unmappable rather than stop. Empty lines are not records (FastCSV skips them).
 */
public final class CsvTable implements Closeable {
  private final String input;
  private final char separator;
  private final ImportContext context;
  private final CsvReader<CsvRecord> reader;
  private final CloseableIterator<CsvRecord> records;
  private final List<String> header = new ArrayList<>();
  private final Map<String, Integer> columns = new HashMap<>();

  private CsvTable(String input, char separator, ImportContext context, CsvReader<CsvRecord> reader)
      throws IOException {
    this.input = input;
    this.separator = separator;
    this.context = context;
    this.reader = reader;
    this.records = reader.iterator();
    CsvRecord first = nextRecord();
    if (first != null) {
      for (int i = 0; i < first.getFieldCount(); i++) {
        String name = first.getField(i).strip();
        header.add(name);
        columns.putIfAbsent(name, i);
      }
    }
  }

  public static CsvTable open(ImportContext context, String input, char separator) throws IOException {
    CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).allowExtraFields(true)
        .allowMissingFields(true).detectBomHeader(true).ofCsvRecord(context.open(input), StandardCharsets.UTF_8);
    return new CsvTable(input, separator, context, reader);
  }

  public String input() {
    return input;
  }

  public List<String> header() {
    return List.copyOf(header);
  }

  /** The index of the column, or -1. */
  public int column(String name) {
    return columns.getOrDefault(name, -1);
  }

  /**
   * The index of a column the preset needs.
   *
   * @throws IllegalArgumentException naming the input, the column and the header found
   */
  public int require(String name) {
    int i = column(name);
    if (i < 0) {
      throw new IllegalArgumentException(input + ": no column '" + name + "'; the header is " + header);
    }
    return i;
  }

  /** The next data record, counted as a row read; null at the end. */
  public CsvRecord next() throws IOException {
    CsvRecord r = nextRecord();
    if (r != null) {
      context.rowRead();
    }
    return r;
  }

  private CsvRecord nextRecord() throws IOException {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (CsvParseException e) {
      throw new IOException(input + ": not readable as CSV: " + e.getMessage(), e);
    }
  }

  /** Why the record cannot be mapped by its columns (another number of fields than the header), or null. */
  public String widthProblem(CsvRecord r) {
    return r.getFieldCount() == header.size() ? null
        : "the row has " + r.getFieldCount() + " fields; the header has " + header.size();
  }

  /** {@code import <input> line <n>}: the origin of a record, for the quarantine. */
  public String origin(CsvRecord r) {
    return "import " + input + " line " + r.getStartingLineNumber();
  }

  /** The record rejected on its own: its text, the problem, its origin. */
  public IncomingEvent unmappable(CsvRecord r, String problem) {
    return IncomingEvent.unmappable(raw(r), problem, origin(r));
  }

  /** The record as CSV text again (quoted where needed), to keep a rejected row whole. */
  public String raw(CsvRecord r) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < r.getFieldCount(); i++) {
      if (i > 0) {
        s.append(separator);
      }
      String f = r.getField(i);
      if (f.indexOf(separator) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        s.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        s.append(f);
      }
    }
    return s.toString();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
