package io.shopsense.core.imports;

import static io.shopsense.core.imports.CollectingContext.json;
import static io.shopsense.core.imports.CollectingContext.text;
import static io.shopsense.core.imports.CollectingContext.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.collect.IncomingEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OnlineRetailPresetTest {
  static final String F = OnlineRetailSample.FILE;

  static CollectingContext sample() {
    return CollectingContext.run("online_retail", Map.of(), Map.of(F, utf8(OnlineRetailSample.CSV)));
  }

  @Test
  void gathersTheRowsOfAnInvoiceIntoOneOrderWithPostageAsShipping() {
    IncomingEvent order = sample().event("online_retail:536365");

    assertThat(text(order)).isEqualTo(json("{'type':'track','event':'Order Completed',"
        + "'messageId':'online_retail:536365','userId':'17850','timestamp':'2010-12-01T08:26:00Z',"
        + "'context':{'location':{'country':'United Kingdom'}},'properties':{'order_id':'536365','products':["
        + "{'product_id':'85123A','name':'WHITE HANGING HEART T-LIGHT HOLDER','price':2.55,'quantity':6},"
        + "{'product_id':'71053','name':'WHITE METAL LANTERN','price':3.39,'quantity':6},"
        + "{'product_id':'22752','name':'SET 7 BABUSHKA NESTING BOXES','price':7.65,'quantity':2}],"
        + "'revenue':50.94,'shipping':36,'total':86.94,'currency':'GBP'}}"));
    // the invoice's last row came after other invoices' rows: merged, not a second order
    assertThat(order.rows()).isEqualTo(4);
    assertThat(order.origin()).isEqualTo("import online_retail.csv lines 2-16 (4 rows)");
  }

  @Test
  void mapsACancellationToARefundInPositiveUnitsUnderItsOwnNumber() {
    IncomingEvent refund = sample().event("online_retail:C536379");

    assertThat(text(refund)).isEqualTo(json("{'type':'track','event':'Order Refunded',"
        + "'messageId':'online_retail:C536379','userId':'14527','timestamp':'2010-12-01T09:41:00Z',"
        + "'context':{'location':{'country':'United Kingdom'}},'properties':{'order_id':'C536379','products':["
        + "{'product_id':'D','name':'Discount','price':27.5,'quantity':1,'category':'Non-merchandise'},"
        + "{'product_id':'22556','name':'PLASTERS IN TIN CIRCUS PARADE','price':1.65,'quantity':12}],"
        + "'total':47.30,'currency':'GBP'}}"));
    assertThat(refund.rows()).isEqualTo(2);
  }

  @Test
  void keepsRowsWithoutCustomerAsAnAnonymousOrderWithFreeLinesAndLinesWithoutName() {
    IncomingEvent order = sample().event("online_retail:536366");

    JsonNode e = order.node();
    assertThat(e.has("userId")).isFalse();
    assertThat(e.get("anonymousId").asText()).isEqualTo("online_retail:guest:536366");
    assertThat(e.at("/properties/products/1").toString()).isEqualTo(json("{'product_id':'22632','price':0,"
        + "'quantity':3}"));
    assertThat(e.at("/properties/revenue").decimalValue()).isEqualByComparingTo("11.10");
  }

  @Test
  void datesAnInvoiceByItsEarliestRowInLondonTime() {
    CollectingContext c = sample();

    assertThat(c.event("online_retail:536381").node().get("timestamp").asText()).isEqualTo("2010-12-01T09:52:00Z");
    // British summer time: 10:05 in London is 09:05 UTC
    assertThat(c.event("online_retail:536383").node().get("timestamp").asText()).isEqualTo("2011-06-01T09:05:00Z");
  }

  @Test
  void leavesValueErrorsInsideAnOrderToTheValidator() {
    IncomingEvent order = sample().event("online_retail:536382");

    // a negative unit price makes the whole invoice's money wrong: it goes as one event for the validator to reject
    assertThat(order.rows()).isEqualTo(2);
    assertThat(order.node().at("/properties/products/0/price").decimalValue()).isEqualByComparingTo("-2.55");
  }

  @Test
  void rejectsEveryRowThatIsNoOrderLineOnItsOwnWithoutPoisoningItsInvoice() {
    CollectingContext c = sample();

    assertThat(c.unmappable()).containsExactly(
        entry("import " + F + " line 9", "Quantity is negative on a sale invoice: a stock adjustment "
            + "(damaged, lost, found), not a sale"),
        entry("import " + F + " line 10", "InvoiceNo is neither a sale (digits) nor a cancellation (C and digits): "
            + "an adjustment such as 'Adjust bad debt' is bookkeeping, not an order"),
        entry("import " + F + " line 17", "Quantity is not a whole number"),
        entry("import " + F + " line 18", "InvoiceDate is not a date-time yyyy-MM-dd HH:mm:ss"),
        entry("import " + F + " line 19", "UnitPrice is not a number"),
        entry("import " + F + " line 20", "the row has 7 fields; the header has 8"),
        entry("import " + F + " line 22", "CustomerID differs from the one on the invoice's earlier rows"),
        entry("import " + F + " line 23", "Quantity is 0"),
        entry("import " + F + " line 24", "Quantity is positive on a cancellation invoice"),
        entry("import " + F + " line 25", "InvoiceNo is empty"),
        entry("import " + F + " line 26", "StockCode is empty"));
    IncomingEvent rest = c.event("online_retail:536384");
    assertThat(rest.rows()).isEqualTo(1);
    assertThat(rest.node().at("/properties/products/0/product_id").asText()).isEqualTo("22116");
    IncomingEvent row19 = c.events.stream().filter(e -> e.origin().endsWith("line 19")).findFirst().orElseThrow();
    assertThat(row19.rawText()).isEqualTo(
        "536384,22114,\"HOT WATER BOTTLE, RED\",3,2010-12-01 10:10:00,abc,17850,United Kingdom");
  }

  @Test
  void accountsForEveryRowExactlyOnce() {
    CollectingContext c = sample();

    assertThat(c.rows).isEqualTo(OnlineRetailSample.ROWS);
    assertThat(c.rowsInEvents()).isEqualTo(OnlineRetailSample.ROWS);
    assertThat(c.ofType("track", "Order Completed")).hasSize(6);
    assertThat(c.ofType("track", "Order Refunded")).hasSize(1);
  }

  @Test
  void identifiesEachCustomerWithTheirCountryAgainWhenItChanges() {
    List<String> identifies = sample().ofType("identify", null).stream()
        .map(e -> e.node().get("userId").asText() + " " + e.node().at("/traits/country").asText() + " " + e.rows())
        .collect(Collectors.toList());

    assertThat(identifies).containsExactly("17850 United Kingdom 0", "14527 United Kingdom 0",
        "15311 United Kingdom 0", "13047 United Kingdom 0", "17850 France 0");
    assertThat(sample().event("online_retail:customer:17850:France").node().get("timestamp").asText())
        .isEqualTo("2011-06-01T09:05:00Z");
  }

  @Test
  void derivesProductsFromOrderLinesOnly() {
    Map<String, JsonNode> products = sample().products.stream()
        .collect(Collectors.toMap(p -> p.json().get("id").asText(), CollectingContext.ProductRecord::json));

    assertThat(products.keySet()).containsExactlyInAnyOrder("85123A", "71053", "22752", "22633", "22632", "D",
        "22556", "M", "84029E", "22086", "22087", "22111", "22116");
    assertThat(products.get("85123A").toString()).isEqualTo(json("{'id':'85123A','name':"
        + "'WHITE HANGING HEART T-LIGHT HOLDER','price':2.55,'currency':'GBP','created_at':'2010-12-01T08:26:00Z'}"));
    assertThat(products.get("M").toString()).isEqualTo(json("{'id':'M','name':'Manual','price':5.00,"
        + "'currency':'GBP','category':'Non-merchandise','active':false,'created_at':'2010-12-01T09:53:00Z'}"));
    // no price from a free or negative-priced line; no name from an empty description
    assertThat(products.get("22632").toString()).isEqualTo(json("{'id':'22632',"
        + "'created_at':'2010-12-01T08:28:00Z'}"));
    assertThat(products.get("22086").has("price")).isFalse();
  }

  @Test
  void rejectsRowsOfAnInvoiceThatReappearsAfterItsEventWasSent() {
    String csv = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        1,A,a,1,2010-12-01 08:00:00,1,,UK
        2,B,b,1,2010-12-01 08:00:00,1,,UK
        1,C,c,1,2010-12-01 08:00:00,1,,UK
        """;
    CollectingContext c = CollectingContext.run("online_retail", Map.of("window", "1"), Map.of(F, utf8(csv)));

    assertThat(c.unmappable()).containsOnlyKeys("import " + F + " line 4");
    assertThat(c.unmappable().get("import " + F + " line 4")).startsWith("the invoice reappears after its event");
    assertThat(c.event("online_retail:1").rows()).isEqualTo(1);
    assertThat(c.rowsInEvents()).isEqualTo(3);
  }

  @Test
  void failsFastOnUnknownOptionsAndMissingColumns() {
    assertThatThrownBy(() -> CollectingContext.run("online_retail", Map.of("zone", "Mars/Base"),
        Map.of(F, utf8(OnlineRetailSample.CSV)))).hasMessageContaining("zone");
    assertThatThrownBy(() -> CollectingContext.run("online_retail", Map.of("windw", "3"),
        Map.of(F, utf8(OnlineRetailSample.CSV)))).hasMessageContaining("currency, window, zone");
    assertThatThrownBy(() -> CollectingContext.run("online_retail", Map.of(),
        Map.of(F, utf8("InvoiceNo,StockCode\n1,A\n")))).hasMessageContaining("no column 'Description'");
  }
}
