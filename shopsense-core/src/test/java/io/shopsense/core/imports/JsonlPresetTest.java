package io.shopsense.core.imports;

import static io.shopsense.core.imports.CollectingContext.inputs;
import static io.shopsense.core.imports.CollectingContext.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.shopsense.api.collect.QuarantineEntry;
import io.shopsense.core.collect.IncomingEvent;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonlPresetTest {
  static final String JSONL = """
      {"type":"track","event":"Product Viewed","userId":"u1","timestamp":"2024-03-01T10:00:00Z","properties":{"product_id":"p1"}}
      {"type":"track","event":"Product Viewed","userId":"u1",
      
      {"type":"identify","userId":"u2","timestamp":"2024-03-01T10:01:00Z","traits":{"email":"not-an-email"}}
      [1,2]
      {"type":"page","anonymousId":"a1","messageId":"m-4","timestamp":"2024-03-01T10:02:00+01:00","name":"Home"}
      """;

  @Test
  void turnsEachLineIntoAnEventAndABadLineIntoAnUnparseableRecordWithItsLineNumber() {
    CollectingContext c = CollectingContext.run("jsonl", Map.of(), Map.of("events.jsonl", utf8(JSONL)));

    assertThat(c.rows).isEqualTo(5); // the blank line 3 is no row
    assertThat(c.events).hasSize(5);
    IncomingEvent bad = c.events.get(1);
    assertThat(bad.node()).isNull();
    assertThat(bad.rawText()).isEqualTo("{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"u1\",");
    assertThat(bad.parseProblem()).isEqualTo("the line is not valid JSON");
    assertThat(bad.origin()).isEqualTo("import events.jsonl line 2");
    assertThat(c.events.get(4).origin()).isEqualTo("import events.jsonl line 6");
  }

  @Test
  void sendsEveryLineThroughTheValidationAndReconciles() throws IOException {
    InMemoryStores stores = new InMemoryStores();

    ImportReport r = stores.importer.run(ImportJob.of("jsonl", inputs(Map.of("events.jsonl", utf8(JSONL))),
        Map.of()), ImportProgress.NONE);

    assertThat(r.rowsRead()).isEqualTo(5);
    assertThat(r.rowsAccepted()).isEqualTo(2);
    assertThat(r.rowsRejectedByReason()).containsOnly(entry("malformed_json", 1L), entry("invalid_value", 1L),
        entry("not_an_object", 1L));
    assertThat(r.reconciles()).isTrue();
    QuarantineEntry malformed = stores.quarantine.all().stream().filter(e -> e.reason().equals("malformed_json"))
        .findFirst().orElseThrow();
    assertThat(malformed.origin()).isEqualTo("import events.jsonl line 2");
    assertThat(malformed.raw()).startsWith("{\"type\":\"track\"");

    ImportReport again = stores.importer.run(ImportJob.of("jsonl", inputs(Map.of("events.jsonl", utf8(JSONL))),
        Map.of()), ImportProgress.NONE);
    assertThat(again.rowsDuplicate()).isEqualTo(2); // message ids derived from the content
  }
}
