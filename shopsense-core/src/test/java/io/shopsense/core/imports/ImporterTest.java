package io.shopsense.core.imports;

import static io.shopsense.core.imports.CollectingContext.gzip;
import static io.shopsense.core.imports.CollectingContext.inputs;
import static io.shopsense.core.imports.CollectingContext.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.shopsense.api.catalog.Product;
import io.shopsense.api.collect.QuarantineEntry;
import io.shopsense.api.id.ProductId;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.EventDecoder;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImporterTest {
  final InMemoryStores stores = new InMemoryStores();

  ImportReport importSample(Importer importer) throws IOException {
    return importer.run(ImportJob.of("online_retail", inputs(Map.of(OnlineRetailSample.FILE,
        utf8(OnlineRetailSample.CSV))), Map.of()), ImportProgress.NONE);
  }

  @Test
  void reconcilesEveryRowReadWithWhatBecameOfIt() throws IOException {
    ImportReport r = importSample(stores.importer);

    assertThat(r.rowsRead()).isEqualTo(25);
    // 11 rows rejected on their own, 2 in the invoice with a negative price; 12 in the 6 stored orders
    assertThat(r.rowsAccepted()).isEqualTo(12);
    assertThat(r.rowsDuplicate()).isZero();
    assertThat(r.rowsRejected()).isEqualTo(13);
    assertThat(r.rowsRejectedByReason()).containsOnly(entry("unmappable_row", 11L), entry("invalid_value", 2L));
    assertThat(r.rowsRejectedByDetail()).containsEntry(
        "invalid_value - properties.products[].price: must be at least 0", 2L);
    assertThat(r.reconciles()).isTrue();
    // 7 orders + 5 identifies + 11 rejected rows
    assertThat(r.eventsProduced()).isEqualTo(23);
    assertThat(r.eventsAccepted()).isEqualTo(11);
    assertThat(r.eventsRejected()).isEqualTo(12);
    assertThat(r.quarantined()).isEqualTo(12);
    assertThat(r.productsUpserted()).isEqualTo(13);
    assertThat(r.source()).isEqualTo(SourceId.of("import:online_retail"));
    assertThat(stores.log.count()).isEqualTo(11);
    assertThat(stores.quarantine.all()).hasSize(12);
    assertThat(stores.catalog.count()).isEqualTo(13);
  }

  @Test
  void keepsEveryRejectedRowWholeInTheQuarantineWithItsReason() throws IOException {
    importSample(stores.importer);

    Map<String, QuarantineEntry> byOrigin = stores.quarantine.all().stream()
        .collect(Collectors.toMap(QuarantineEntry::origin, e -> e));
    QuarantineEntry badPrice = byOrigin.get("import online_retail.csv line 19");
    assertThat(badPrice.reason()).isEqualTo("unmappable_row");
    assertThat(badPrice.detail()).isEqualTo("UnitPrice is not a number");
    assertThat(badPrice.raw()).isEqualTo(
        "536384,22114,\"HOT WATER BOTTLE, RED\",3,2010-12-01 10:10:00,abc,17850,United Kingdom");
    QuarantineEntry invoice = byOrigin.get("import online_retail.csv lines 13-14");
    assertThat(invoice.reason()).isEqualTo("invalid_value");
    assertThat(JsonCodec.parse(invoice.raw()).at("/properties/products").size()).isEqualTo(2);
    assertThat(invoice.source()).isEqualTo(SourceId.of("import:online_retail"));
  }

  @Test
  void storesNothingTwiceWhenTheSameFileIsImportedAgain() throws IOException {
    ImportReport first = importSample(stores.importer);
    ImportReport second = importSample(stores.importer);

    assertThat(second.rowsAccepted()).isZero();
    assertThat(second.rowsDuplicate()).isEqualTo(first.rowsAccepted());
    assertThat(second.eventsDuplicate()).isEqualTo(first.eventsAccepted());
    assertThat(second.rowsRejected()).isEqualTo(first.rowsRejected());
    assertThat(second.reconciles()).isTrue();
    assertThat(stores.log.count()).isEqualTo(first.eventsAccepted());
  }

  @Test
  void sendsChunksOfTheGivenSizeAndReportsProgress() throws IOException {
    List<long[]> progress = new ArrayList<>();
    Importer small = new Importer(stores.ingestor, stores.catalogService, InMemoryStores.CLOCK, 3);

    ImportReport r = small.run(ImportJob.of("online_retail", inputs(Map.of(OnlineRetailSample.FILE,
        utf8(OnlineRetailSample.CSV))), Map.of()), (rows, bytes) -> progress.add(new long[] {rows, bytes}));

    assertThat(r.reconciles()).isTrue();
    assertThat(r.eventsProduced()).isEqualTo(23);
    assertThat(progress).hasSizeGreaterThanOrEqualTo(8); // one per chunk of 3 events, and the end
    long[] last = progress.get(progress.size() - 1);
    assertThat(last[0]).isEqualTo(25);
    assertThat(last[1]).isEqualTo(utf8(OnlineRetailSample.CSV).length);
  }

  @Test
  void storedOrdersDecodeIntoTheTypedEvents() throws IOException {
    importSample(stores.importer);

    var order = EventDecoder.decode(stores.log.readAfter(0, 100).stream()
        .filter(s -> s.envelope().messageId().value().equals("online_retail:536365")).findFirst().orElseThrow());
    assertThat(order).isInstanceOf(io.shopsense.api.event.OrderCompleted.class);
    var details = ((io.shopsense.api.event.OrderCompleted) order).order();
    assertThat(details.products()).hasSize(3);
    assertThat(details.shipping()).isEqualByComparingTo("36");
    Product manual = stores.catalog.find(ProductId.of("M")).orElseThrow();
    assertThat(manual.active()).isFalse();
  }

  @Test
  void detectsGzipByItsMagicBytesNotItsName() throws IOException {
    ImportReport plain = importSample(new InMemoryStores().importer);
    ImportReport zipped = new InMemoryStores().importer.run(ImportJob.of("online_retail",
        inputs(Map.of("no-extension", gzip(OnlineRetailSample.CSV))), Map.of()), ImportProgress.NONE);

    assertThat(zipped.rowsRead()).isEqualTo(plain.rowsRead());
    assertThat(zipped.rowsAccepted()).isEqualTo(plain.rowsAccepted());
    assertThat(zipped.rowsRejectedByReason()).isEqualTo(plain.rowsRejectedByReason());
    assertThat(zipped.bytesRead()).isEqualTo(gzip(OnlineRetailSample.CSV).length);
  }

  @Test
  void summarisesForAPerson() throws IOException {
    String summary = importSample(stores.importer).summary();

    assertThat(summary).contains("25 rows").contains("12 accepted, 0 duplicate, 13 rejected -> reconciles")
        .contains("invalid_value - properties.products[].price: must be at least 0");
  }

  @Test
  void namesTheKnownPresetsWhenAskedForAnUnknownOne() {
    assertThatThrownBy(() -> ImportPresets.byId("shopify"))
        .hasMessage("unknown import preset 'shopify'; known: jsonl, csv, products, customers, online_retail, olist");
  }
}
