package io.shopsense.core.imports.internal;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the Online Retail file, read and checked on its own: either a line of a sale or cancellation invoice, or
 * the problem that makes it no line at all (then it is rejected on its own, never dropped). Problems name columns,
 * never values.
 *
 * @param quantity units, positive for both sales and cancellations (a cancellation's sign is its invoice's kind)
 * @param customer the CustomerID, or empty for an anonymous buyer
 */
record RetailRow(String invoice, boolean cancellation, String stockCode, String description, long quantity,
    BigDecimal price, Instant time, String customer, String country, long line) {

  /** The columns of the file, found by the original names or those of "Online Retail II". */
  record Columns(int invoice, int stockCode, int description, int quantity, int date, int price, int customer,
      int country) {
    static Columns of(CsvTable t) {
      return new Columns(find(t, "InvoiceNo", "Invoice"), find(t, "StockCode"), find(t, "Description"),
          find(t, "Quantity"), find(t, "InvoiceDate"), find(t, "UnitPrice", "Price"), find(t, "CustomerID",
              "Customer ID"), find(t, "Country"));
    }

    private static int find(CsvTable t, String name, String... aliases) {
      for (String alias : aliases) {
        if (t.column(alias) >= 0) {
          return t.column(alias);
        }
      }
      return t.require(name);
    }
  }

  /** A row, or why it is none. */
  record Parsed(RetailRow row, String problem) {}

  static Parsed parse(CsvRecord r, Columns c, LocalTimes times) {
    String invoice = r.getField(c.invoice()).strip();
    if (invoice.isEmpty()) {
      return problem("InvoiceNo is empty");
    }
    boolean cancellation = invoice.charAt(0) == 'C';
    if (!digits(invoice, cancellation ? 1 : 0)) {
      return problem("InvoiceNo is neither a sale (digits) nor a cancellation (C and digits): "
          + "an adjustment such as 'Adjust bad debt' is bookkeeping, not an order");
    }
    String code = r.getField(c.stockCode()).strip();
    if (code.isEmpty()) {
      return problem("StockCode is empty");
    }
    long quantity;
    try {
      quantity = Long.parseLong(r.getField(c.quantity()).strip());
    } catch (NumberFormatException e) {
      return problem("Quantity is not a whole number");
    }
    if (quantity == 0) {
      return problem("Quantity is 0");
    }
    if (!cancellation && quantity < 0) {
      return problem("Quantity is negative on a sale invoice: a stock adjustment (damaged, lost, found), not a sale");
    }
    if (cancellation && quantity > 0) {
      return problem("Quantity is positive on a cancellation invoice");
    }
    BigDecimal price;
    try {
      price = new BigDecimal(r.getField(c.price()).strip());
    } catch (NumberFormatException e) {
      return problem("UnitPrice is not a number");
    }
    Instant time = times.parse(r.getField(c.date()));
    if (time == null) {
      return problem("InvoiceDate is not a date-time yyyy-MM-dd HH:mm:ss");
    }
    return new Parsed(new RetailRow(invoice, cancellation, code, r.getField(c.description()).strip(),
        Math.abs(quantity), price, time, customer(r.getField(c.customer())), r.getField(c.country()).strip(),
        r.getStartingLineNumber()), null);
  }

  private static Parsed problem(String problem) {
    return new Parsed(null, problem);
  }

  /** The CustomerID without the {@code .0} a spreadsheet may have added. */
  private static String customer(String field) {
    String s = field.strip();
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private static boolean digits(String s, int from) {
    if (s.length() <= from) {
      return false;
    }
    for (int i = from; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }
}
