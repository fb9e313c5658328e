package io.shopsense.core.imports.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.imports.ImportContext;
import io.shopsense.core.imports.ImportJob;
import io.shopsense.core.imports.ImportPreset;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Olist marketplace tables, given as named inputs ({@code olist_orders_dataset.csv.gz} and so on; the
 * {@code .csv}/{@code .gz} endings are optional). The person is {@code customer_unique_id} ({@code customer_id} is one
 * per order). Each customers row is an {@code identify} at its order's time with traits city, state and
 * zip_code_prefix; each order, with its items and payments, one order event ({@link OlistOrder}); each review a
 * {@code Review Submitted} at its creation date, about the order's first item (the data does not say which item a
 * review is about; an order without items gives a review without product, which the ingest path rejects); each
 * products row, if that table is given, a catalog product ({@link OlistProducts}).
 *
 * <p>Every row of every file is accounted for: a row that cannot be joined (an item, payment or review whose order is
 * missing or was rejected, a customer without an order) or read (wrong field count, bad number or time, unknown
 * status, repeated order id) is rejected on its own as an unmappable row. An order whose customer row is missing is
 * kept under an anonymous id made from its customer_id. Options: {@code zone} (default America/Sao_Paulo),
 * {@code currency} (default BRL). Holds the orders in memory to join them (the full data set has 99,441).
 */
public final class OlistPreset implements ImportPreset {
  static final String PREFIX = "olist:";
  static final String ORDERS = "olist_orders_dataset";
  static final String ITEMS = "olist_order_items_dataset";
  static final String PAYMENTS = "olist_order_payments_dataset";
  static final String REVIEWS = "olist_order_reviews_dataset";
  static final String CUSTOMERS = "olist_customers_dataset";
  static final String PRODUCTS = "olist_products_dataset";
  private static final List<String> REQUIRED = List.of(ORDERS, ITEMS, PAYMENTS, REVIEWS, CUSTOMERS);

  @Override
  public String id() {
    return "olist";
  }

  @Override
  public String description() {
    return "Olist tables: customers -> identify, orders with items and payments -> orders, reviews, products";
  }

  @Override
  public void check(Set<String> inputs, Map<String, String> options) {
    Options.onlyKnown(id(), options, Set.of("zone", "currency"));
    Options.zone(options, "zone", "America/Sao_Paulo");
    Options.currency(options, "BRL");
    tables(inputs);
  }

  @Override
  public boolean reads(String input) {
    String table = table(input);
    return REQUIRED.contains(table) || table.equals(PRODUCTS);
  }

  private static String table(String input) {
    return input.replaceFirst("\\.gz$", "").replaceFirst("\\.csv$", "");
  }

  /** Table name to input name; fails unless every table is there once and nothing else is. */
  static Map<String, String> tables(Set<String> inputs) {
    Map<String, String> tables = new HashMap<>();
    for (String input : inputs) {
      String table = table(input);
      if (!REQUIRED.contains(table) && !table.equals(PRODUCTS)) {
        Set<String> known = new TreeSet<>(REQUIRED);
        known.add(PRODUCTS);
        throw new IllegalArgumentException("preset olist does not read '" + input + "'; it reads " + known
            + " (.csv or .csv.gz)");
      }
      if (tables.put(table, input) != null) {
        throw new IllegalArgumentException("preset olist got two inputs for " + table);
      }
    }
    for (String table : REQUIRED) {
      if (!tables.containsKey(table)) {
        throw new IllegalArgumentException("preset olist needs an input " + table + ".csv.gz");
      }
    }
    return tables;
  }

  @Override
  public void read(ImportJob job, ImportContext context) throws IOException {
    new Run(job, context).read();
  }

  private static final class Run {
    private final ImportContext context;
    private final Map<String, String> tables;
    private final ZoneId zone;
    private final String currency;
    private final Map<String, OlistOrder> orders = new LinkedHashMap<>();
    private final Map<String, OlistOrder> orderOfCustomer = new HashMap<>();
    private final Map<String, String> personOfCustomer = new HashMap<>();
    private final OlistProducts products;

    Run(ImportJob job, ImportContext context) {
      this.context = context;
      this.tables = tables(job.inputs().keySet());
      this.zone = Options.zone(job.options(), "zone", "America/Sao_Paulo");
      this.currency = Options.currency(job.options(), "BRL");
      this.products = new OlistProducts(currency);
    }

    void read() throws IOException {
      readOrders();
      readCustomers();
      readItems();
      readPayments();
      sendOrders();
      readReviews();
      if (tables.containsKey(PRODUCTS)) {
        readProducts();
      }
    }

    private CsvTable open(String table) throws IOException {
      return CsvTable.open(context, tables.get(table), ',');
    }

    private void readOrders() throws IOException {
      try (CsvTable t = open(ORDERS)) {
        int id = t.require("order_id");
        int customer = t.require("customer_id");
        int status = t.require("order_status");
        int purchased = t.require("order_purchase_timestamp");
        LocalTimes times = new LocalTimes(zone);
        for (CsvRecord r = t.next(); r != null; r = t.next()) {
          String problem = t.widthProblem(r);
          String orderId = problem == null ? r.getField(id).strip() : "";
          String state = problem == null ? r.getField(status).strip() : "";
          Instant at = problem == null ? times.parse(r.getField(purchased)) : null;
          if (problem != null) {
            context.event(t.unmappable(r, problem));
          } else if (orderId.isEmpty() || r.getField(customer).isBlank()) {
            context.event(t.unmappable(r, "order_id or customer_id is empty"));
          } else if (!OlistOrder.COMPLETED.contains(state) && !OlistOrder.CANCELLED.contains(state)) {
            context.event(t.unmappable(r, "order_status is not one of " + new TreeSet<>(OlistOrder.COMPLETED)
                + " or " + new TreeSet<>(OlistOrder.CANCELLED)));
          } else if (at == null) {
            context.event(t.unmappable(r, "order_purchase_timestamp is not a date-time yyyy-MM-dd HH:mm:ss"));
          } else if (orders.containsKey(orderId)) {
            context.event(t.unmappable(r, "order_id repeats an earlier row's"));
          } else {
            OlistOrder order = new OlistOrder(orderId, r.getField(customer).strip(), state, at,
                r.getStartingLineNumber());
            orders.put(orderId, order);
            orderOfCustomer.putIfAbsent(order.customerId(), order);
          }
        }
      }
    }

    private void readCustomers() throws IOException {
      try (CsvTable t = open(CUSTOMERS)) {
        int id = t.require("customer_id");
        int unique = t.require("customer_unique_id");
        int zip = t.require("customer_zip_code_prefix");
        int city = t.require("customer_city");
        int state = t.require("customer_state");
        for (CsvRecord r = t.next(); r != null; r = t.next()) {
          String problem = t.widthProblem(r);
          OlistOrder order = problem == null ? orderOfCustomer.get(r.getField(id).strip()) : null;
          if (problem == null && r.getField(unique).isBlank()) {
            problem = "customer_unique_id is empty";
          } else if (problem == null && order == null) {
            problem = "customer_id has no order in the orders file, so nothing dates the customer";
          }
          if (problem != null) {
            context.event(t.unmappable(r, problem));
            continue;
          }
          String person = r.getField(unique).strip();
          personOfCustomer.put(order.customerId(), person);
          ObjectNode e = JsonCodec.mapper().createObjectNode();
          e.put("type", "identify");
          e.put("messageId", PREFIX + "customer:" + order.customerId());
          e.put("userId", person);
          e.put("timestamp", order.purchased().toString());
          ObjectNode traits = e.putObject("traits");
          putText(traits, "city", r.getField(city));
          putText(traits, "state", r.getField(state));
          putText(traits, "zip_code_prefix", r.getField(zip));
          context.event(IncomingEvent.of(e, t.origin(r)));
        }
      }
    }

    private void readItems() throws IOException {
      try (CsvTable t = open(ITEMS)) {
        int order = t.require("order_id");
        int position = t.require("order_item_id");
        int product = t.require("product_id");
        int seller = t.require("seller_id");
        int price = t.require("price");
        int freight = t.require("freight_value");
        for (CsvRecord r = t.next(); r != null; r = t.next()) {
          String problem = t.widthProblem(r);
          OlistOrder o = problem == null ? orders.get(r.getField(order).strip()) : null;
          Integer pos = problem == null ? integer(r.getField(position)) : null;
          BigDecimal p = problem == null ? decimal(r.getField(price)) : null;
          BigDecimal f = problem == null ? decimal(r.getField(freight)) : null;
          if (problem == null && o == null) {
            problem = "order_id is not an order of the orders file (missing, or its row was rejected)";
          } else if (problem == null && r.getField(product).isBlank()) {
            problem = "product_id is empty";
          } else if (problem == null && (pos == null || p == null || f == null)) {
            problem = "order_item_id, price or freight_value is not a number";
          }
          if (problem != null) {
            context.event(t.unmappable(r, problem));
          } else {
            o.add(new OlistOrder.Item(pos, r.getField(product).strip(), r.getField(seller).strip(), p, f));
          }
        }
      }
    }

    private void readPayments() throws IOException {
      try (CsvTable t = open(PAYMENTS)) {
        int order = t.require("order_id");
        int sequential = t.require("payment_sequential");
        int type = t.require("payment_type");
        int installments = t.require("payment_installments");
        int value = t.require("payment_value");
        for (CsvRecord r = t.next(); r != null; r = t.next()) {
          String problem = t.widthProblem(r);
          OlistOrder o = problem == null ? orders.get(r.getField(order).strip()) : null;
          Integer seq = problem == null ? integer(r.getField(sequential)) : null;
          Integer parts = problem == null ? integer(r.getField(installments)) : null;
          BigDecimal v = problem == null ? decimal(r.getField(value)) : null;
          if (problem == null && o == null) {
            problem = "order_id is not an order of the orders file (missing, or its row was rejected)";
          } else if (problem == null && (seq == null || parts == null || v == null)) {
            problem = "payment_sequential, payment_installments or payment_value is not a number";
          }
          if (problem != null) {
            context.event(t.unmappable(r, problem));
          } else {
            o.add(new OlistOrder.Payment(seq, r.getField(type).strip(), parts, v));
          }
        }
      }
    }

    private void sendOrders() {
      for (OlistOrder o : orders.values()) {
        context.event(IncomingEvent.of(o.event(personOfCustomer.get(o.customerId()), currency),
            o.origin(tables.get(ORDERS)), o.rows()));
        products.sold(o);
      }
    }

    private void readReviews() throws IOException {
      try (CsvTable t = open(REVIEWS)) {
        int id = t.require("review_id");
        int order = t.require("order_id");
        int score = t.require("review_score");
        int title = t.require("review_comment_title");
        int message = t.require("review_comment_message");
        int created = t.require("review_creation_date");
        LocalTimes times = new LocalTimes(zone);
        for (CsvRecord r = t.next(); r != null; r = t.next()) {
          String problem = t.widthProblem(r);
          OlistOrder o = problem == null ? orders.get(r.getField(order).strip()) : null;
          Integer rating = problem == null ? integer(r.getField(score)) : null;
          Instant at = problem == null ? times.parse(r.getField(created)) : null;
          if (problem == null && o == null) {
            problem = "order_id is not an order of the orders file (missing, or its row was rejected)";
          } else if (problem == null && (r.getField(id).isBlank() || rating == null)) {
            problem = "review_id is empty or review_score is not a whole number";
          } else if (problem == null && at == null) {
            problem = "review_creation_date is not a date-time yyyy-MM-dd HH:mm:ss";
          }
          if (problem != null) {
            context.event(t.unmappable(r, problem));
            continue;
          }
          String reviewId = r.getField(id).strip();
          ObjectNode e = JsonCodec.mapper().createObjectNode();
          e.put("type", "track");
          e.put("event", "Review Submitted");
          e.put("messageId", PREFIX + "review:" + reviewId + ":" + o.id());
          OlistOrder.identity(e, personOfCustomer.get(o.customerId()), o.customerId());
          e.put("timestamp", at.toString());
          ObjectNode p = e.putObject("properties");
          p.put("review_id", reviewId);
          p.put("order_id", o.id());
          OlistOrder.Item first = o.firstItem();
          if (first != null) {
            p.put("product_id", first.productId());
          }
          p.put("rating", rating);
          putText(p, "review_title", r.getField(title));
          putText(p, "review_body", r.getField(message));
          context.event(IncomingEvent.of(e, t.origin(r)));
        }
      }
    }

    private void readProducts() throws IOException {
      try (CsvTable t = open(PRODUCTS)) {
        int id = t.require("product_id");
        int category = t.require("product_category_name");
        for (CsvRecord r = t.next(); r != null; r = t.next()) {
          String problem = t.widthProblem(r);
          if (problem != null) {
            context.event(t.unmappable(r, problem));
            continue;
          }
          ObjectNode p = products.product(t, r, id, category);
          context.product(p, t.raw(r), t.origin(r));
        }
      }
    }

    private static void putText(ObjectNode node, String field, String value) {
      String v = value.strip();
      if (!v.isEmpty()) {
        node.put(field, v);
      }
    }

    private static BigDecimal decimal(String s) {
      try {
        return new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private static Integer integer(String s) {
      try {
        return Integer.valueOf(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
