package io.shopsense.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.catalog.Product;
import io.shopsense.api.collect.QuarantineEntry;
import io.shopsense.api.event.Identify;
import io.shopsense.api.id.ProductId;
import io.shopsense.core.collect.EventDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The catalog and customer traits loaded in bulk, from CSV and JSON Lines, every row accounted for. */
class CatalogAndCustomerImportTest {
  final InMemoryStores stores = new InMemoryStores();

  ImportReport run(String preset, String name, String content, Map<String, String> options) throws IOException {
    Map<String, Supplier<InputStream>> inputs = new LinkedHashMap<>();
    inputs.put(name, () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    return stores.importer.run(ImportJob.of(preset, inputs, options), ImportProgress.NONE);
  }

  @Test
  void loadsProductsFromACsvWithTypedFieldsAndTheOtherColumnsAsAttributes() throws IOException {
    ImportReport r = run("products", "products.csv", """
        id;name;category;brand;price;cost;stock;colour;created_at
        t-1;Tent 2p;Outdoor/Tents;Alpine;199.90;120;4;green;2026-01-02T00:00:00Z
        t-2;Stove;Outdoor/Cooking;Alpine;-5;;;;
        t-3;Mat;Outdoor/Sleeping;;12;;lots;;
        """, Map.of("separator", ";"));

    assertThat(r.rowsRead()).isEqualTo(3);
    assertThat(r.rowsAccepted()).isEqualTo(1);
    assertThat(r.rowsRejected()).isEqualTo(2);
    assertThat(r.reconciles()).isTrue();
    Product tent = stores.catalog.find(ProductId.of("t-1")).orElseThrow();
    assertThat(tent.categoryPath()).containsExactly("Outdoor", "Tents");
    assertThat(tent.price()).isEqualByComparingTo(new BigDecimal("199.90"));
    assertThat(tent.stock()).isEqualTo(4);
    assertThat(tent.attributes().text("colour")).contains("green");
    List<QuarantineEntry> kept = stores.quarantine.all();
    assertThat(kept).hasSize(2);
    assertThat(kept).allSatisfy(e -> assertThat(e.reason()).isEqualTo("unmappable_row"));
    assertThat(kept.get(0).raw()).isEqualTo("t-2;Stove;Outdoor/Cooking;Alpine;-5;;;;");
    assertThat(kept.get(0).detail()).contains("price");
    assertThat(kept.get(1).detail()).contains("stock");
  }

  @Test
  void loadsProductsFromJsonLines() throws IOException {
    ImportReport r = run("products", "products.jsonl", """
        {"id":"j-1","name":"Kettle","category":["Kitchen","Kettles"],"price":29.5,"attributes":{"volume_l":1.7}}
        [1,2]
        """, Map.of());

    assertThat(r.rowsAccepted()).isEqualTo(1);
    assertThat(r.rowsRejected()).isEqualTo(1);
    assertThat(stores.catalog.find(ProductId.of("j-1")).orElseThrow().attributes().decimal("volume_l"))
        .contains(new BigDecimal("1.7"));
  }

  @Test
  void turnsCustomersIntoIdentifyCallsThroughTheIngestPath() throws IOException {
    ImportReport r = run("customers", "customers.csv", """
        user_id,email,first_name,birth_year,phone,member_level,updated_at
        c-1,ann@example.com,Ann,1990,13800000000,gold,2025-06-01T00:00:00Z
        ,bob@example.com,Bob,,,,
        c-3,not-an-email,Cy,,,,
        """, Map.of());

    assertThat(r.rowsRead()).isEqualTo(3);
    assertThat(r.rowsAccepted()).isEqualTo(1);
    assertThat(r.rowsRejectedByReason()).containsOnly(Map.entry("unmappable_row", 1L),
        Map.entry("invalid_value", 1L));
    assertThat(r.reconciles()).isTrue();
    Identify ann = (Identify) EventDecoder.decode(stores.log.readAfter(0, 10).get(0));
    assertThat(ann.meta().userId().value()).isEqualTo("c-1");
    assertThat(ann.traits().get("birth_year")).isEqualTo(1990L);
    assertThat(ann.traits().get("phone")).isEqualTo("13800000000");
    assertThat(ann.traits().text("member_level")).contains("gold");
    assertThat(ann.meta().timestamp()).hasToString("2025-06-01T00:00:00Z");

    ImportReport again = run("customers", "customers.csv", """
        user_id,email,first_name,birth_year,phone,member_level,updated_at
        c-1,ann@example.com,Ann,1990,13800000000,gold,2025-06-01T00:00:00Z
        """, Map.of());
    assertThat(again.rowsDuplicate()).isEqualTo(1);
  }
}
