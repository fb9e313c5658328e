package io.shopsense.core.imports.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.imports.ImportContext;
import io.shopsense.core.imports.ImportJob;
import io.shopsense.core.imports.ImportPreset;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file with a header, one event per row, mapped by options (see {@link CsvMapping}): {@code type} (default
 * {@code track}) and {@code event} give every row's call type and event name; {@code map.<column>} and
 * {@code set.<path>} fill fields; {@code timestamp-format} (a {@link java.time.format.DateTimeFormatter} pattern) and
 * {@code zone} (default UTC, for times without an offset) read times; {@code separator} is the field separator.
 *
 * <p>A row with the wrong number of fields or a cell that does not convert to its kind is rejected on its own as an
 * unmappable row; the rest is judged by the ingest path. Without a mapped {@code messageId}, the ingest path derives
 * one from the event's content: importing the file again stores nothing twice, and so do two identical rows.
 */
public final class CsvPreset implements ImportPreset {
  private static final Set<String> OPTIONS = Set.of("type", "event", "timestamp-format", "zone", "separator");

  @Override
  public String id() {
    return "csv";
  }

  @Override
  public String description() {
    return "CSV with a header, one event per row, columns mapped by options map.<column>=<field path>[:<kind>]";
  }

  @Override
  public void check(Set<String> inputs, Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!OPTIONS.contains(key) && !key.startsWith(CsvMapping.MAP) && !key.startsWith(CsvMapping.SET)) {
        throw new IllegalArgumentException("preset csv has no option '" + key + "'; it knows map.<column>, "
            + "set.<path>, " + String.join(", ", OPTIONS.stream().sorted().toList()));
      }
    }
    CsvMapping mapping = new CsvMapping(options);
    if (mapping.columns().isEmpty()) {
      throw new IllegalArgumentException("preset csv needs at least one option map.<column>=<field path>");
    }
    String type = options.getOrDefault("type", "track");
    if (type.equals("track") && !options.containsKey("event") && !mapping.maps("event")) {
      throw new IllegalArgumentException("a track import needs option event=<name> or a column mapped to event");
    }
    Options.separator(options);
  }

  @Override
  public void read(ImportJob job, ImportContext context) throws IOException {
    Map<String, String> options = job.options();
    CsvMapping mapping = new CsvMapping(options);
    String type = options.getOrDefault("type", "track");
    String event = options.get("event");
    for (String input : job.inputs().keySet()) {
      try (CsvTable table = CsvTable.open(context, input, Options.separator(options))) {
        // fields are filled in the order of the file's columns, so that events come out the same every time
        List<CsvMapping.Column> columns = mapping.columns().stream()
            .sorted(Comparator.comparingInt(c -> table.require(c.column()))).toList();
        int[] at = columns.stream().mapToInt(c -> table.require(c.column())).toArray();
        for (CsvRecord r = table.next(); r != null; r = table.next()) {
          String problem = table.widthProblem(r);
          ObjectNode e = JsonCodec.mapper().createObjectNode();
          e.put("type", type);
          if (event != null) {
            e.put("event", event);
          }
          mapping.constants(e);
          for (int i = 0; i < at.length && problem == null; i++) {
            problem = mapping.put(e, columns.get(i), r.getField(at[i]));
          }
          context.event(problem == null ? IncomingEvent.of(e, table.origin(r)) : table.unmappable(r, problem));
        }
      }
    }
  }
}
