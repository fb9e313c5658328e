package io.shopsense.core.imports.internal;

import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.imports.ImportContext;
import io.shopsense.core.imports.ImportJob;
import io.shopsense.core.imports.ImportPreset;
import io.shopsense.core.json.JsonCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * JSON Lines: one tracking-spec event per line, exactly as the batch API takes it. A line that is not JSON is
 * rejected whole as {@code malformed_json} with its line number; everything else is judged by the ingest path.
 * Lines holding only whitespace are not rows. Events without a {@code messageId} get one derived from their content,
 * so that importing the same file again stores nothing twice.
 */
public final class JsonlPreset implements ImportPreset {

  @Override
  public String id() {
    return "jsonl";
  }

  @Override
  public String description() {
    return "JSON Lines: one tracking-spec event (identify/track/page/alias) per line";
  }

  @Override
  public void check(Set<String> inputs, Map<String, String> options) {
    Options.onlyKnown(id(), options, Set.of());
  }

  @Override
  public void read(ImportJob job, ImportContext context) throws IOException {
    for (String input : job.inputs().keySet()) {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(context.open(input),
          StandardCharsets.UTF_8), 1 << 16)) {
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          number++;
          if (number == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1); // a byte-order mark is not part of the first event
          }
          if (line.isBlank()) {
            continue;
          }
          context.rowRead();
          String origin = "import " + input + " line " + number;
          IncomingEvent event;
          try {
            event = IncomingEvent.of(JsonCodec.parse(line), origin);
          } catch (UncheckedIOException e) {
            event = IncomingEvent.unparseable(line, "the line is not valid JSON", origin);
          }
          context.event(event);
        }
      }
    }
  }
}
