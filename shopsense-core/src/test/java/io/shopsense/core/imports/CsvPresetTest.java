package io.shopsense.core.imports;

import static io.shopsense.core.imports.CollectingContext.json;
import static io.shopsense.core.imports.CollectingContext.text;
import static io.shopsense.core.imports.CollectingContext.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvPresetTest {
  static final String CSV = """
      when;customer;sku;price;qty;country
      01/03/2024 10:00;c-1;SKU-1;19,90;2;DE
      01/03/2024 10:05;c-2;SKU-2;5;1;
      01/03/2024 10:10;c-3;SKU-3;cheap;1;FR
      2024-03-01;c-4;SKU-4;5;1;FR
      01/03/2024 10:20;c-5;SKU-5;5
      """;

  static final Map<String, String> OPTIONS = Map.of(
      "event", "Product Added",
      "separator", ";",
      "timestamp-format", "dd/MM/yyyy HH:mm",
      "zone", "Europe/Berlin",
      "map.when", "timestamp",
      "map.customer", "userId",
      "map.sku", "properties.product_id",
      "map.qty", "properties.quantity:integer",
      "map.country", "context.location.country",
      "set.properties.currency", "EUR");

  @Test
  void mapsColumnsToFieldPathsWithKindsConstantsAndTheTimeZone() {
    CollectingContext c = CollectingContext.run("csv", OPTIONS, Map.of("cart.csv", utf8(CSV)));

    assertThat(text(c.events.get(0))).isEqualTo(json("{'type':'track','event':'Product Added',"
        + "'properties':{'currency':'EUR','product_id':'SKU-1','quantity':2},'timestamp':'2024-03-01T09:00:00Z',"
        + "'userId':'c-1','context':{'location':{'country':'DE'}}}"));
    // an empty cell is left out
    assertThat(c.events.get(1).node().has("context")).isFalse();
    assertThat(c.events.get(0).origin()).isEqualTo("import cart.csv line 2");
  }

  @Test
  void rejectsARowWhoseCellDoesNotConvertOrWhoseWidthIsWrong() {
    Map<String, String> options = new java.util.HashMap<>(OPTIONS);
    options.put("map.price", "properties.price:number");

    CollectingContext c = CollectingContext.run("csv", options, Map.of("cart.csv", utf8(CSV)));

    assertThat(c.unmappable()).containsExactly(
        entry("import cart.csv line 2", "column price: not a number"),
        entry("import cart.csv line 4", "column price: not a number"),
        entry("import cart.csv line 5", "column when: not a date-time in the format of option timestamp-format"),
        entry("import cart.csv line 6", "the row has 4 fields; the header has 6"));
    assertThat(c.rows).isEqualTo(5);
    assertThat(c.rowsInEvents()).isEqualTo(5);
    assertThat(c.events.get(4).rawText()).isEqualTo("01/03/2024 10:20;c-5;SKU-5;5");
  }

  @Test
  void readsIsoTimesWithoutAFormat() {
    String csv = "t,u\n2024-03-01T10:00:00+02:00,a\n2024-03-01 10:00:00,b\n2024-03-01,c\n";

    CollectingContext c = CollectingContext.run("csv", Map.of("event", "Signed Up", "map.t", "timestamp",
        "map.u", "anonymousId", "zone", "Asia/Shanghai"), Map.of("x.csv", utf8(csv)));

    assertThat(c.events).extracting(e -> e.node().get("timestamp").asText())
        .containsExactly("2024-03-01T08:00:00Z", "2024-03-01T02:00:00Z", "2024-02-29T16:00:00Z");
  }

  @Test
  void failsFastOnAMappingThatCannotWork() {
    assertThatThrownBy(() -> ImportJob.of("csv", CollectingContext.inputs(Map.of("x.csv", utf8("a\n1\n"))),
        Map.of("map.a", "userId"))).hasMessageContaining("option event");
    assertThatThrownBy(() -> ImportJob.of("csv", CollectingContext.inputs(Map.of("x.csv", utf8("a\n1\n"))),
        Map.of("event", "X", "map.a", "properties.price:money"))).hasMessageContaining("unknown kind 'money'");
    assertThatThrownBy(() -> ImportJob.of("csv", CollectingContext.inputs(Map.of("x.csv", utf8("a\n1\n"))),
        Map.of("event", "X", "map.a", "properties", "map.b", "properties.x"))).hasMessageContaining("mapped twice");
    assertThatThrownBy(() -> CollectingContext.run("csv", Map.of("event", "X", "map.b", "userId"),
        Map.of("x.csv", utf8("a\n1\n")))).hasMessageContaining("x.csv: no column 'b'");
  }
}
