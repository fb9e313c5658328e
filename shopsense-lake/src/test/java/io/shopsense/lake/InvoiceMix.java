package io.shopsense.lake;

import io.shopsense.api.collect.StoredEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic stream of import-style events shaped like the UCI Online Retail file as the import preset turns it
 * into events: orders of about 20 lines (1 to 39) from a catalog of 4,000 stock codes with their upper-case
 * descriptions and prices (two decimals; popular products more often), one refund in twelve, one invoice in seven
 * without a customer (anonymous), a country in the context, and an {@code identify} with the country trait the first
 * time a customer appears; spread over {@code days} days in time order.
 */
final class InvoiceMix {
  private static final String[] WORDS = {"WHITE", "HANGING", "HEART", "T-LIGHT", "HOLDER", "METAL", "LANTERN",
      "CREAM", "CUPID", "HEARTS", "COAT", "HANGER", "KNITTED", "UNION", "FLAG", "HOT", "WATER", "BOTTLE", "RED",
      "WOOLLY", "HOTTIE", "SET", "BABUSHKA", "NESTING", "BOXES", "GLASS", "STAR", "FROSTED", "HAND", "WARMER",
      "JACK", "POLKADOT", "ASSORTED", "COLOUR", "BIRD", "ORNAMENT", "PAPER", "CHAIN", "KIT", "50'S", "CHRISTMAS"};
  private static final String[] COUNTRIES = {"United Kingdom", "United Kingdom", "United Kingdom", "United Kingdom",
      "United Kingdom", "United Kingdom", "Germany", "France", "EIRE", "Spain", "Netherlands", "Belgium"};

  private static final int CATALOG = 4_000;

  private final TestEvents events = new TestEvents();
  private final Random random = new Random(7);
  private final String[] codes = new String[CATALOG];
  private final String[] descriptions = new String[CATALOG];
  private final BigDecimal[] prices = new BigDecimal[CATALOG];
  private final Set<String> identified = new HashSet<>();
  private final Instant start;
  private final Duration step;
  private int invoice = 536_365;
  private long index;
  private int lines;

  InvoiceMix(Instant start, int days, int total) {
    this.start = start;
    this.step = Duration.ofDays(days).dividedBy(total);
    for (int i = 0; i < CATALOG; i++) {
      codes[i] = (20_000 + random.nextInt(70_000)) + (random.nextInt(4) == 0 ? "A" : "");
      descriptions[i] = description();
      prices[i] = BigDecimal.valueOf(random.nextInt(1_500) + 10, 2);
    }
  }

  List<StoredEvent> next(int n) {
    List<StoredEvent> batch = new ArrayList<>(n);
    while (batch.size() < n) {
      Instant at = start.plus(step.multipliedBy(index++));
      boolean anonymous = random.nextInt(7) == 0;
      String customer = anonymous ? "" : Integer.toString(12_346 + random.nextInt(4_300));
      String country = COUNTRIES[anonymous ? 0 : Integer.parseInt(customer) % COUNTRIES.length];
      if (!anonymous && identified.add(customer)) {
        batch.add(events.event("{'type':'identify','messageId':'online_retail:customer:" + customer + ":" + country
            + "','userId':'" + customer + "','traits':{'country':'" + country + "'}}", at));
        if (batch.size() == n) {
          break;
        }
      }
      batch.add(invoice(++invoice, customer, country, random.nextInt(12) == 0, at));
    }
    return batch;
  }

  private StoredEvent invoice(int number, String customer, String country, boolean refund, Instant at) {
    String id = (refund ? "C" : "") + number;
    int count = refund ? 1 + random.nextInt(3) : 1 + random.nextInt(20) + random.nextInt(20);
    StringBuilder products = new StringBuilder();
    BigDecimal revenue = BigDecimal.ZERO;
    for (int i = 0; i < count; i++) {
      int product = random.nextInt(1 + random.nextInt(CATALOG)); // the first codes sell most
      BigDecimal price = prices[product];
      int quantity = 1 + random.nextInt(random.nextInt(6) == 0 ? 48 : 12);
      products.append(i == 0 ? "" : ",").append("{'product_id':'").append(codes[product]).append("','name':'")
          .append(descriptions[product]).append("','price':").append(price.toPlainString()).append(",'quantity':")
          .append(quantity).append('}');
      revenue = revenue.add(price.multiply(BigDecimal.valueOf(quantity)));
      lines++;
    }
    BigDecimal shipping = random.nextInt(10) == 0 ? new BigDecimal("18.00") : null;
    BigDecimal total = shipping == null ? revenue : revenue.add(shipping);
    String who = customer.isEmpty() ? "'anonymousId':'online_retail:guest:" + id + "'" : "'userId':'" + customer
        + "'";
    return events.event("{'type':'track','event':'" + (refund ? "Order Refunded" : "Order Completed")
        + "','messageId':'online_retail:" + id + "'," + who + ",'context':{'location':{'country':'" + country
        + "'}},'properties':{'order_id':'" + id + "','products':[" + products + "]"
        + (refund ? "" : ",'revenue':" + revenue.toPlainString())
        + (shipping == null ? "" : ",'shipping':" + shipping.toPlainString()) + ",'total':" + total.toPlainString()
        + ",'currency':'GBP'}}", at);
  }

  private String description() {
    int words = 2 + random.nextInt(4);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)].replace("'", ""));
    }
    return b.toString();
  }

  /** The lines the events so far have. */
  int lines() {
    return lines;
  }
}
