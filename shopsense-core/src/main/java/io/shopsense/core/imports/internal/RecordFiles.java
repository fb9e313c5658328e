package io.shopsense.core.imports.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.imports.ImportContext;
import io.shopsense.core.imports.ImportJob;
import io.shopsense.core.json.JsonCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Files of records — one object per CSV row (the header names its fields) or per JSON line — for the presets that
 * load things other than events (products, customers). A file is JSON Lines when its name ends in {@code .jsonl},
 * {@code .ndjson} or {@code .json} (before any {@code .gz}), CSV otherwise. CSV values are text; an empty one is absent.
 */
final class RecordFiles {
  private RecordFiles() {}

  /** What becomes of one record read: its fields, the source row as text, where it came from, whether CSV. */
  interface Sink {
    void record(ObjectNode fields, String raw, String origin, boolean csv);
  }

  /** A line of a JSON Lines file that is not blank, counted as a row read: its text and where it came from. */
  interface LineSink {
    void line(String line, String origin);
  }

  /** The options of a record preset: only {@code separator}. */
  static void checkOptions(String preset, Map<String, String> options) {
    Options.onlyKnown(preset, options, Set.of("separator"));
    Options.separator(options);
  }

  /**
   * Reads every record of the job's inputs into the sink; a row that is no record at all (not JSON, not an object,
   * another number of fields than the header) is rejected on its own as unmappable, whole.
   */
  static void readAll(ImportJob job, ImportContext context, Sink sink) throws IOException {
    char separator = Options.separator(job.options());
    for (String input : job.inputs().keySet()) {
      if (jsonLines(input)) {
        lines(context, input, (line, origin) -> {
          JsonNode node;
          try {
            node = JsonCodec.parse(line);
          } catch (UncheckedIOException e) {
            context.event(IncomingEvent.unmappable(line, "the line is not valid JSON", origin));
            return;
          }
          if (node.isObject()) {
            sink.record((ObjectNode) node, line, origin, false);
          } else {
            context.event(IncomingEvent.unmappable(line, "the line is not a JSON object", origin));
          }
        });
      } else {
        readCsv(context, input, separator, sink);
      }
    }
  }

  /** Hands over every line of a JSON Lines input that is not blank (a byte-order mark dropped), each a row read. */
  static void lines(ImportContext context, String input, LineSink sink) throws IOException {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(context.open(input),
        StandardCharsets.UTF_8), 1 << 16)) {
      long number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // a byte-order mark is not part of the first line
        }
        if (line.isBlank()) {
          continue;
        }
        context.rowRead();
        sink.line(line, "import " + input + " line " + number);
      }
    }
  }

  static boolean jsonLines(String input) {
    String name = input.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json");
  }

  private static void readCsv(ImportContext context, String input, char separator, Sink sink) throws IOException {
    try (CsvTable table = CsvTable.open(context, input, separator)) {
      List<String> header = table.header();
      for (CsvRecord r = table.next(); r != null; r = table.next()) {
        String problem = table.widthProblem(r);
        if (problem != null) {
          context.event(table.unmappable(r, problem));
          continue;
        }
        ObjectNode fields = JsonCodec.mapper().createObjectNode();
        for (int i = 0; i < header.size(); i++) {
          String v = r.getField(i).strip();
          if (!v.isEmpty() && !header.get(i).isEmpty()) {
            fields.put(header.get(i), v);
          }
        }
        sink.record(fields, table.raw(r), table.origin(r), true);
      }
    }
  }

  /** A CSV text as the JSON value it spells: a whole number, a decimal, true/false, else the text itself. */
  static JsonNode typed(JsonNode value) {
    if (!value.isTextual()) {
      return value;
    }
    String s = value.textValue();
    if (s.matches("-?\\d{1,18}")) {
      return JsonCodec.mapper().getNodeFactory().numberNode(Long.parseLong(s));
    }
    if (s.matches("-?\\d+\\.\\d+")) {
      return JsonCodec.mapper().getNodeFactory().numberNode(new java.math.BigDecimal(s));
    }
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return JsonCodec.mapper().getNodeFactory().booleanNode(Boolean.parseBoolean(s));
    }
    return value;
  }
}
