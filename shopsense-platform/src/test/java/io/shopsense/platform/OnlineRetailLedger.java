package io.shopsense.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The "spreadsheet" side of {@link OnlineRetailProfilesTest}: the raw Online Retail CSV summed per buyer with a plain
 * CSV reader and {@link BigDecimal} arithmetic, without any ShopSense class. It applies the rules the
 * {@code online_retail} import documents ({@code OnlineRetailPreset}, {@code RetailInvoice}, {@code RetailRow}), written
 * out again here:
 *
 * <ul>
 *   <li>a row is no order line (rejected) when its InvoiceNo is neither digits nor {@code C} + digits (the three
 *       {@code A…} "Adjust bad debt" rows), its StockCode is empty, its Quantity is not a whole number or is 0, a sale
 *       row has a negative Quantity (stock adjustments), a cancellation row a positive one, its UnitPrice or
 *       InvoiceDate does not parse, or its CustomerID differs from its invoice's first row. Zero prices are accepted;
 *   <li>one event per invoice with at least one accepted row: a sale ({@code 536365}) is one order, a cancellation
 *       ({@code C536379}) one refund; a row without CustomerID makes its invoice a guest's, a person of its own;
 *   <li>an order's revenue is Σ quantity × UnitPrice over its lines except postage (StockCode {@code POST}, {@code DOT},
 *       {@code C2}, which is shipping); a refund's amount is its {@code total}: Σ |quantity| × UnitPrice over all its
 *       lines, postage included;
 *   <li>an invoice's time is its earliest row's InvoiceDate read as Europe/London local time.
 * </ul>
 */
final class OnlineRetailLedger {
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Set<String> POSTAGE = Set.of("POST", "DOT", "C2");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** One person as the import makes them: a CustomerID, or a guest invoice. */
  static final class Buyer {
    final String id;
    final boolean guest;
    long orders;
    long refunds;
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal refunded = BigDecimal.ZERO;
    /** What a naive spreadsheet would call revenue: every sale line, postage included. */
    BigDecimal revenueWithPostage = BigDecimal.ZERO;
    /** The postage part of {@link #refunded}. */
    BigDecimal refundedPostage = BigDecimal.ZERO;
    Instant firstOrder;
    Instant lastOrder;
    Instant firstSeen;

    Buyer(String id, boolean guest) {
      this.id = id;
      this.guest = guest;
    }

    BigDecimal net() {
      return revenue.subtract(refunded);
    }

    /** Mean days between the first and last order per gap, as a spreadsheet would: (last − first) / (orders − 1). */
    Double daysBetweenOrders() {
      return orders < 2 ? null : (lastOrder.toEpochMilli() - firstOrder.toEpochMilli()) / 86_400_000d / (orders - 1);
    }
  }

  /** An invoice being summed. */
  private static final class Invoice {
    final String id;
    final boolean cancellation;
    final String customer;
    final String country;
    int rows;
    Instant time;
    BigDecimal lines = BigDecimal.ZERO;
    BigDecimal postage = BigDecimal.ZERO;

    Invoice(String id, boolean cancellation, String customer, String country) {
      this.id = id;
      this.cancellation = cancellation;
      this.customer = customer;
      this.country = country;
    }
  }

  long rows;
  long rowsAccepted;
  final Map<String, Long> rejected = new TreeMap<>();
  long saleInvoices;
  long cancellationInvoices;
  long identifies;
  Instant lastInvoice;
  /** Registered customers by CustomerID. */
  final Map<String, Buyer> customers = new TreeMap<>();
  /** Guests by their invoice number. */
  final Map<String, Buyer> guests = new TreeMap<>();

  static OnlineRetailLedger read(Path gz) throws IOException {
    OnlineRetailLedger l = new OnlineRetailLedger();
    Map<String, Invoice> invoices = new LinkedHashMap<>();
    try (Reader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz), 1 << 16),
        StandardCharsets.UTF_8), 1 << 16)) {
      List<String> header = record(in);
      int cInvoice = header.indexOf("InvoiceNo");
      int cCode = header.indexOf("StockCode");
      int cQuantity = header.indexOf("Quantity");
      int cDate = header.indexOf("InvoiceDate");
      int cPrice = header.indexOf("UnitPrice");
      int cCustomer = header.indexOf("CustomerID");
      int cCountry = header.indexOf("Country");
      for (List<String> r = record(in); r != null; r = record(in)) {
        l.rows++;
        String problem = r.size() != header.size() ? "row width" : l.add(r, invoices, cInvoice, cCode, cQuantity,
            cDate, cPrice, cCustomer, cCountry);
        if (problem != null) {
          l.rejected.merge(problem, 1L, Long::sum);
        } else {
          l.rowsAccepted++;
        }
      }
    }
    Set<String> identified = new HashSet<>();
    for (Invoice i : invoices.values()) {
      Buyer b;
      if (i.customer.isEmpty()) {
        b = l.guests.computeIfAbsent(i.id, id -> new Buyer(id, true));
      } else {
        b = l.customers.computeIfAbsent(i.customer, id -> new Buyer(id, false));
        if (identified.add(i.customer + "\u0000" + i.country)) {
          l.identifies++;
        }
      }
      b.firstSeen = b.firstSeen == null || i.time.isBefore(b.firstSeen) ? i.time : b.firstSeen;
      if (i.cancellation) {
        l.cancellationInvoices++;
        b.refunds++;
        b.refunded = b.refunded.add(i.lines).add(i.postage);
        b.refundedPostage = b.refundedPostage.add(i.postage);
      } else {
        l.saleInvoices++;
        b.orders++;
        b.revenue = b.revenue.add(i.lines);
        b.revenueWithPostage = b.revenueWithPostage.add(i.lines).add(i.postage);
        b.firstOrder = b.firstOrder == null || i.time.isBefore(b.firstOrder) ? i.time : b.firstOrder;
        b.lastOrder = b.lastOrder == null || i.time.isAfter(b.lastOrder) ? i.time : b.lastOrder;
      }
      l.lastInvoice = l.lastInvoice == null || i.time.isAfter(l.lastInvoice) ? i.time : l.lastInvoice;
    }
    return l;
  }

  /** Adds an accepted row to its invoice; returns why the row is rejected, or null. */
  private String add(List<String> r, Map<String, Invoice> invoices, int cInvoice, int cCode, int cQuantity, int cDate,
      int cPrice, int cCustomer, int cCountry) {
    String invoice = r.get(cInvoice).strip();
    boolean cancellation = invoice.startsWith("C");
    String number = cancellation ? invoice.substring(1) : invoice;
    if (number.isEmpty() || !number.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      return "InvoiceNo neither digits nor C + digits";
    }
    String code = r.get(cCode).strip();
    if (code.isEmpty()) {
      return "StockCode empty";
    }
    long quantity;
    try {
      quantity = Long.parseLong(r.get(cQuantity).strip());
    } catch (NumberFormatException e) {
      return "Quantity not a whole number";
    }
    if (quantity == 0) {
      return "Quantity 0";
    }
    if (!cancellation && quantity < 0) {
      return "negative Quantity on a sale invoice";
    }
    if (cancellation && quantity > 0) {
      return "positive Quantity on a cancellation";
    }
    BigDecimal price;
    try {
      price = new BigDecimal(r.get(cPrice).strip());
    } catch (NumberFormatException e) {
      return "UnitPrice not a number";
    }
    Instant time;
    try {
      time = LocalDateTime.parse(r.get(cDate).strip(), DATE).atZone(LONDON).toInstant();
    } catch (DateTimeParseException e) {
      return "InvoiceDate not a date-time";
    }
    String customer = r.get(cCustomer).strip();
    Invoice i = invoices.computeIfAbsent(invoice,
        id -> new Invoice(id, cancellation, customer, r.get(cCountry).strip()));
    if (!i.customer.equals(customer)) {
      return "CustomerID differs within the invoice";
    }
    BigDecimal amount = price.multiply(BigDecimal.valueOf(Math.abs(quantity)));
    if (POSTAGE.contains(code)) {
      i.postage = i.postage.add(amount);
    } else {
      i.lines = i.lines.add(amount);
    }
    i.time = i.time == null || time.isBefore(i.time) ? time : i.time;
    i.rows++;
    return null;
  }

  /** Every person the import makes: customers, then guests. */
  List<Buyer> buyers() {
    List<Buyer> all = new ArrayList<>(customers.values());
    all.addAll(guests.values());
    return all;
  }

  /** The persons with at least one order: the RFM base. */
  List<Buyer> withOrders() {
    return buyers().stream().filter(b -> b.orders > 0).toList();
  }

  // --- RFM and lifecycle, computed from the documented rules ---

  /** Quintile cut points, nearest rank: cut k = sorted[ceil(k·n/5) − 1], k = 1..4. */
  static double[] cuts(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] cuts = new double[4];
    int n = sorted.length;
    for (int k = 1; k <= 4 && n > 0; k++) {
      cuts[k - 1] = sorted[(int) Math.ceil(k * n / 5.0) - 1];
    }
    return cuts;
  }

  /** 1 + the number of cut points strictly below the value. */
  static int score(double[] cuts, double value) {
    int s = 1;
    for (double c : cuts) {
      if (c < value) {
        s++;
      }
    }
    return s;
  }

  static double recencyValue(Buyer b) {
    return b.lastOrder.getEpochSecond();
  }

  static double frequencyValue(Buyer b) {
    return b.orders;
  }

  static double monetaryValue(Buyer b) {
    return b.net().doubleValue();
  }

  /**
   * The segment table of the RFM documentation (rows R = 1..5, columns FM = round-half-up mean of F and M), as labels,
   * typed in again from the table rather than taken from the code.
   */
  static final String[][] SEGMENTS = {
      {"Lost", "Hibernating", "At Risk", "At Risk", "Cannot Lose Them"},
      {"Hibernating", "Hibernating", "At Risk", "At Risk", "Cannot Lose Them"},
      {"About to Sleep", "About to Sleep", "Need Attention", "Loyal", "Loyal"},
      {"Promising", "Potential Loyalist", "Potential Loyalist", "Loyal", "Loyal"},
      {"New", "Potential Loyalist", "Potential Loyalist", "Champions", "Champions"},
  };

  static int fm(int f, int m) {
    return (f + m + 1) / 2;
  }

  static String segment(int r, int f, int m) {
    return SEGMENTS[r - 1][fm(f, m) - 1];
  }

  /** The documented window fit: active = p75 of the repeat customers' mean gaps in [7 d, 180 d], churn = 3× ≤ 730 d. */
  static Duration[] windows(List<Buyer> base) {
    double[] gaps = base.stream().map(Buyer::daysBetweenOrders).filter(g -> g != null).mapToDouble(g -> g).sorted()
        .toArray();
    if (gaps.length < 20) {
      return new Duration[] {Duration.ofDays(90), Duration.ofDays(365)};
    }
    double p75 = gaps[(int) Math.min(gaps.length - 1, Math.ceil(0.75 * gaps.length) - 1)];
    Duration active = clamp(Duration.ofSeconds(Math.round(p75 * 86_400)), Duration.ofDays(7), Duration.ofDays(180));
    Duration churn = clamp(active.multipliedBy(3), active.plusDays(1), Duration.ofDays(730));
    return new Duration[] {active, churn};
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }

  /** potential / new / active / silent / churned at {@code now}, measured from the last order. */
  static String stage(Buyer b, Duration active, Duration churn, Instant now) {
    if (b.orders == 0) {
      return "potential";
    }
    Duration since = Duration.between(b.lastOrder, now);
    if (since.compareTo(churn) > 0) {
      return "churned";
    }
    if (since.compareTo(active) > 0) {
      return "silent";
    }
    return b.orders == 1 ? "new" : "active";
  }

  // --- a plain RFC 4180 reader: quoted fields, doubled quotes, quoted newlines ---

  /** The next record's fields, or null at the end. */
  static List<String> record(Reader in) throws IOException {
    List<String> fields = new ArrayList<>(8);
    StringBuilder f = new StringBuilder(32);
    boolean quoted = false;
    boolean any = false;
    int c;
    while ((c = in.read()) != -1) {
      any = true;
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int d = in.read();
          if (d == '"') {
            f.append('"');
          } else {
            quoted = false;
            if (d != -1) {
              in.reset();
            }
          }
        } else {
          f.append((char) c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
      } else if (c == '\n') {
        fields.add(f.toString());
        return fields;
      } else if (c != '\r') {
        f.append((char) c);
      }
    }
    if (!any) {
      return null;
    }
    fields.add(f.toString());
    return fields;
  }
}
