package io.shopsense.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Imports the real public data sets into in-memory stores and checks that every row is accounted for. */
class RealDataImportTest {

  @Test
  void importsTheWholeOnlineRetailFileAndReconcilesEveryRow() throws IOException {
    Path file = RealData.require("online_retail/online_retail.csv.gz");
    InMemoryStores stores = new InMemoryStores();

    ImportReport r = stores.importer.run(ImportJob.of("online_retail", ImportJob.files(file), Map.of()),
        ImportProgress.NONE);

    System.out.print(r.summary());
    assertThat(r.rowsRead()).isEqualTo(541_909);
    assertThat(r.reconciles()).isTrue();
    assertThat(r.rowsRejectedByDetail()).containsOnly(
        entry("unmappable_row - Quantity is negative on a sale invoice: a stock adjustment (damaged, lost, found), "
            + "not a sale", 1_336L),
        entry("unmappable_row - InvoiceNo is neither a sale (digits) nor a cancellation (C and digits): "
            + "an adjustment such as 'Adjust bad debt' is bookkeeping, not an order", 3L));
    assertThat(r.rowsAccepted()).isEqualTo(541_909 - 1_339);
    assertThat(r.quarantined()).isEqualTo(1_339);
    assertThat(stores.quarantine.all()).hasSize(1_339);
    assertThat(r.productsRejected()).isZero();
  }

  @Test
  void importsTheOlistSampleAndReconcilesEveryRowOfEveryFile() throws IOException {
    Path folder = RealData.require("olist");
    InMemoryStores stores = new InMemoryStores();
    Map<String, java.util.function.Supplier<java.io.InputStream>> inputs = ImportJob.files(
        folder.resolve("olist_orders_dataset.csv.gz"), folder.resolve("olist_order_items_dataset.csv.gz"),
        folder.resolve("olist_order_payments_dataset.csv.gz"), folder.resolve("olist_order_reviews_dataset.csv.gz"),
        folder.resolve("olist_customers_dataset.csv.gz"), folder.resolve("olist_products_dataset.csv.gz"));

    ImportReport r = stores.importer.run(ImportJob.of("olist", inputs, Map.of()), ImportProgress.NONE);

    System.out.print(r.summary());
    assertThat(r.rowsRead()).isEqualTo(8_135 + 8_365 + 8_924 + 8_225 + 8_135 + 5_460);
    assertThat(r.reconciles()).isTrue();
    assertThat(r.productsUpserted()).isEqualTo(5_460);
  }
}
