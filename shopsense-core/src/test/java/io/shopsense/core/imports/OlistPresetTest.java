package io.shopsense.core.imports;

import static io.shopsense.core.imports.CollectingContext.gzip;
import static io.shopsense.core.imports.CollectingContext.json;
import static io.shopsense.core.imports.CollectingContext.text;
import static io.shopsense.core.imports.CollectingContext.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.shopsense.api.id.ProductId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OlistPresetTest {
  static final String ORDERS = """
      order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_carrier_date,\
      order_delivered_customer_date,order_estimated_delivery_date
      o1,c1,delivered,2017-10-02 10:56:33,,,,
      o2,c2,canceled,2018-01-15 08:00:00,,,,
      o3,c3,shipped,2018-02-01 12:00:00,,,,
      o4,c4,lost,2018-02-02 12:00:00,,,,
      o1,c9,delivered,2018-03-01 00:00:00,,,,
      o5,c6,unavailable,2018-03-02 00:00:00,,,,
      """;
  static final String CUSTOMERS = """
      customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state
      c1,p1,01310,sao paulo,SP
      c2,p1,01310,sao paulo,SP
      c5,p5,20000,rio de janeiro,RJ
      c6,p6,30000,belo horizonte,MG
      """;
  static final String ITEMS = """
      order_id,order_item_id,product_id,seller_id,shipping_limit_date,price,freight_value
      o1,2,pB,s1,2017-10-06 11:07:15,10.00,2.00
      o1,1,pA,s1,2017-10-06 11:07:15,29.99,8.72
      o2,1,pA,s2,2018-01-20 00:00:00,35.00,5.00
      o3,1,pB,s1,2018-02-05 00:00:00,12.00,1.00
      oX,1,pA,s1,2018-02-05 00:00:00,1.00,1.00
      o4,1,pA,s1,2018-02-05 00:00:00,1.00,1.00
      """;
  static final String PAYMENTS = """
      order_id,payment_sequential,payment_type,payment_installments,payment_value
      o1,1,credit_card,2,40.71
      o1,2,voucher,1,10.00
      o2,1,boleto,1,40.00
      o3,1,credit_card,1,13.00
      oX,1,boleto,1,2.00
      """;
  static final String REVIEWS = """
      review_id,order_id,review_score,review_comment_title,review_comment_message,review_creation_date,\
      review_answer_timestamp
      r1,o1,5,Ótimo,"Chegou antes do prazo,
      recomendo",2017-10-10 00:00:00,2017-10-11 10:00:00
      r2,o2,1,,,2018-01-20 00:00:00,2018-01-21 00:00:00
      r3,oX,3,,,2018-01-20 00:00:00,2018-01-21 00:00:00
      r4,o5,2,,,2018-03-10 00:00:00,2018-03-11 00:00:00
      """;
  static final String PRODUCTS = """
      product_id,product_category_name,product_name_lenght,product_description_lenght,product_photos_qty,\
      product_weight_g,product_length_cm,product_height_cm,product_width_cm
      pA,bebes,49,728,4,7150,50,19,45
      pB,,,,,,,,
      pC,moveis_decoracao,1,2,3,4,5,6,7
      """;
  static final int ROWS = 6 + 4 + 6 + 5 + 4 + 3;

  static Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("olist_orders_dataset.csv.gz", gzip(ORDERS));
    files.put("olist_customers_dataset.csv", utf8(CUSTOMERS));
    files.put("olist_order_items_dataset.csv.gz", gzip(ITEMS));
    files.put("olist_order_payments_dataset.csv.gz", gzip(PAYMENTS));
    files.put("olist_order_reviews_dataset.csv.gz", gzip(REVIEWS));
    files.put("olist_products_dataset.csv.gz", gzip(PRODUCTS));
    return files;
  }

  @Test
  void joinsAnOrderWithItsItemsAndPaymentsForItsPerson() {
    CollectingContext c = CollectingContext.run("olist", Map.of(), files());

    var o1 = c.event("olist:order:o1");
    assertThat(text(o1)).isEqualTo(json("{'type':'track','event':'Order Completed','messageId':'olist:order:o1',"
        + "'userId':'p1','timestamp':'2017-10-02T13:56:33Z','properties':{'order_id':'o1','status':'delivered',"
        + "'customer_id':'c1','products':["
        + "{'product_id':'pA','price':29.99,'quantity':1,'position':1,'seller_id':'s1'},"
        + "{'product_id':'pB','price':10.00,'quantity':1,'position':2,'seller_id':'s1'}],"
        + "'revenue':39.99,'shipping':10.72,'payments':[{'type':'credit_card','installments':2,'value':40.71},"
        + "{'type':'voucher','installments':1,'value':10.00}],'total':50.71,'currency':'BRL'}}"));
    assertThat(o1.rows()).isEqualTo(5);
    var o2 = c.event("olist:order:o2");
    assertThat(o2.node().get("event").asText()).isEqualTo("Order Cancelled");
    assertThat(o2.node().get("userId").asText()).isEqualTo("p1"); // the same person, another customer_id
    assertThat(o2.node().get("timestamp").asText()).isEqualTo("2018-01-15T10:00:00Z"); // Brazilian summer time
    assertThat(o2.node().at("/properties/revenue").isMissingNode()).isTrue();
    assertThat(c.event("olist:order:o3").node().get("anonymousId").asText()).isEqualTo("olist:customer:c3");
  }

  @Test
  void identifiesEachCustomerRowAtItsOrdersTime() {
    CollectingContext c = CollectingContext.run("olist", Map.of(), files());

    assertThat(text(c.event("olist:customer:c1"))).isEqualTo(json("{'type':'identify',"
        + "'messageId':'olist:customer:c1','userId':'p1','timestamp':'2017-10-02T13:56:33Z',"
        + "'traits':{'city':'sao paulo','state':'SP','zip_code_prefix':'01310'}}"));
    assertThat(c.ofType("identify", null)).hasSize(3);
  }

  @Test
  void takesAReviewToBeAboutTheOrdersFirstItem() {
    CollectingContext c = CollectingContext.run("olist", Map.of(), files());

    var r1 = c.event("olist:review:r1:o1");
    assertThat(r1.node().at("/properties/product_id").asText()).isEqualTo("pA");
    assertThat(r1.node().at("/properties/rating").asInt()).isEqualTo(5);
    assertThat(r1.node().at("/properties/review_body").asText()).isEqualTo("Chegou antes do prazo,\nrecomendo");
    assertThat(r1.node().get("timestamp").asText()).isEqualTo("2017-10-10T03:00:00Z");
    assertThat(c.event("olist:review:r4:o5").node().at("/properties/product_id").isMissingNode()).isTrue();
  }

  @Test
  void rejectsRowsThatCannotBeJoinedOrReadOnTheirOwn() {
    CollectingContext c = CollectingContext.run("olist", Map.of(), files());

    String noOrder = "order_id is not an order of the orders file (missing, or its row was rejected)";
    assertThat(c.unmappable()).containsOnly(
        entry("import olist_orders_dataset.csv.gz line 5", "order_status is not one of [approved, created, "
            + "delivered, invoiced, processing, shipped] or [canceled, unavailable]"),
        entry("import olist_orders_dataset.csv.gz line 6", "order_id repeats an earlier row's"),
        entry("import olist_customers_dataset.csv line 4",
            "customer_id has no order in the orders file, so nothing dates the customer"),
        entry("import olist_order_items_dataset.csv.gz line 6", noOrder),
        entry("import olist_order_items_dataset.csv.gz line 7", noOrder),
        entry("import olist_order_payments_dataset.csv.gz line 6", noOrder),
        entry("import olist_order_reviews_dataset.csv.gz line 5", noOrder));
    assertThat(c.rows).isEqualTo(ROWS);
    // product rows stand for themselves; everything else is in the events
    assertThat(c.rowsInEvents() + c.products.size()).isEqualTo(ROWS);
  }

  @Test
  void makesProductsWithCategorySizesAndTheirLatestPrice() {
    CollectingContext c = CollectingContext.run("olist", Map.of(), files());

    assertThat(c.products).extracting(p -> p.json().toString()).containsExactly(
        json("{'id':'pA','category':'bebes','price':35.00,'currency':'BRL','created_at':'2017-10-02T13:56:33Z',"
            + "'attributes':{'name_length':49,'description_length':728,'photos_qty':4,'weight_g':7150,"
            + "'length_cm':50,'height_cm':19,'width_cm':45}}"),
        json("{'id':'pB','price':12.00,'currency':'BRL','created_at':'2017-10-02T13:56:33Z','attributes':{}}"),
        json("{'id':'pC','category':'moveis_decoracao','attributes':{'name_length':1,'description_length':2,"
            + "'photos_qty':3,'weight_g':4,'length_cm':5,'height_cm':6,'width_cm':7}}"));
    assertThat(c.products.get(0).raw()).isEqualTo("pA,bebes,49,728,4,7150,50,19,45");
  }

  @Test
  void reconcilesEveryRowOfEveryFileThroughTheIngestPathAndTheCatalog() throws IOException {
    InMemoryStores stores = new InMemoryStores();

    ImportReport r = stores.importer.run(ImportJob.of("olist", CollectingContext.inputs(files()), Map.of()),
        ImportProgress.NONE);

    assertThat(r.rowsRead()).isEqualTo(ROWS);
    assertThat(r.rowsRejectedByReason()).containsOnly(entry("unmappable_row", 7L), entry("missing_field", 1L));
    assertThat(r.rowsAccepted()).isEqualTo(ROWS - 8);
    assertThat(r.reconciles()).isTrue();
    assertThat(r.productsUpserted()).isEqualTo(3);
    assertThat(stores.catalog.find(ProductId.of("pA")).orElseThrow().categoryPath()).containsExactly("bebes");

    ImportReport again = stores.importer.run(ImportJob.of("olist", CollectingContext.inputs(files()), Map.of()),
        ImportProgress.NONE);
    assertThat(again.rowsDuplicate()).isEqualTo(r.rowsAccepted() - 3); // product rows are upserted again
    assertThat(again.reconciles()).isTrue();
  }

  @Test
  void picksTheTablesItReadsFromAFolder(@TempDir Path dir) throws IOException {
    for (Map.Entry<String, byte[]> f : files().entrySet()) {
      Files.write(dir.resolve(f.getKey()), f.getValue());
    }
    Files.write(dir.resolve("olist_sellers_dataset.csv.gz"), gzip("seller_id\n"));
    Files.write(dir.resolve("olist_products_dataset_full.csv.gz"), gzip(PRODUCTS));

    var inputs = ImportJob.folder(dir, ImportPresets.byId("olist"));

    assertThat(inputs.keySet()).containsExactlyInAnyOrderElementsOf(files().keySet());
    assertThat(new InMemoryStores().importer.run(ImportJob.of("olist", inputs, Map.of()), ImportProgress.NONE)
        .reconciles()).isTrue();
  }

  @Test
  void failsFastWithoutATableItNeedsOrWithOneItDoesNotRead() {
    Map<String, byte[]> missing = files();
    missing.remove("olist_order_reviews_dataset.csv.gz");
    assertThatThrownBy(() -> ImportJob.of("olist", CollectingContext.inputs(missing), Map.of()))
        .hasMessage("preset olist needs an input olist_order_reviews_dataset.csv.gz");
    Map<String, byte[]> extra = files();
    extra.put("olist_sellers_dataset.csv.gz", gzip("seller_id\n"));
    assertThatThrownBy(() -> ImportJob.of("olist", CollectingContext.inputs(extra), Map.of()))
        .hasMessageContaining("does not read 'olist_sellers_dataset.csv.gz'");
  }
}
