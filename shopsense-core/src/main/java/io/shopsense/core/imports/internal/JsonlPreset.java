package io.shopsense.core.imports.internal;

import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.imports.ImportContext;
import io.shopsense.core.imports.ImportJob;
import io.shopsense.core.imports.ImportPreset;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
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
      RecordFiles.lines(context, input, (line, origin) -> {
        IncomingEvent event;
        try {
          event = IncomingEvent.of(JsonCodec.parse(line), origin);
        } catch (UncheckedIOException e) {
          event = IncomingEvent.unparseable(line, "the line is not valid JSON", origin);
        }
        context.event(event);
      });
    }
  }
}
