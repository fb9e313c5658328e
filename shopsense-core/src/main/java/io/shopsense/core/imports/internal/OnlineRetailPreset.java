package io.shopsense.core.imports.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.imports.ImportContext;
import io.shopsense.core.imports.ImportJob;
import io.shopsense.core.imports.ImportPreset;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The UCI "Online Retail" file (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID,
 * Country; also the "Online Retail II" names): the rows of each invoice become one order event (see
 * {@link RetailInvoice}), a row that is no order line is rejected on its own (see {@link RetailRow}), each customer
 * gets an {@code identify} with trait {@code country} (again when the country changes), and the stock codes become
 * catalog products (see {@link RetailProducts}). Rows without a CustomerID are anonymous, not dropped.
 *
 * <p>Invoices are gathered in a window of open invoices (option {@code window}, default 1,000): the file lists an
 * invoice's rows together, but not always (a few reappear after other invoices' rows), so an invoice's event is sent
 * only when {@code window} newer invoices have opened, or at the end. Rows of an invoice that reappear after its event
 * was sent are rejected with that reason rather than sent as a second order under the same id. Options: {@code zone}
 * of the times (default Europe/London), {@code currency} (default GBP), {@code window}.
 *
 * <p>Message ids are {@code online_retail:<invoice>} and {@code online_retail:customer:<id>:<country>}: importing the
 * file again stores nothing twice.
 */
public final class OnlineRetailPreset implements ImportPreset {
  static final String PREFIX = "online_retail:";
  private static final int DEFAULT_WINDOW = 1_000;

  @Override
  public String id() {
    return "online_retail";
  }

  @Override
  public String description() {
    return "UCI Online Retail CSV: invoices -> Order Completed, C-invoices -> Order Refunded, customers, products";
  }

  @Override
  public void check(Set<String> inputs, Map<String, String> options) {
    Options.onlyKnown(id(), options, Set.of("zone", "currency", "window"));
    Options.zone(options, "zone", "Europe/London");
    Options.currency(options, "GBP");
    Options.positive(options, "window", DEFAULT_WINDOW);
  }

  @Override
  public void read(ImportJob job, ImportContext context) throws IOException {
    new Run(job.options(), context).read(job.inputs().keySet());
  }

  /** The state of one import. */
  private static final class Run {
    private final ImportContext context;
    private final LocalTimes times;
    private final String currency;
    private final int window;
    private final Map<String, RetailInvoice> open = new LinkedHashMap<>();
    private final Set<String> sent = new HashSet<>();
    private final Set<String> identified = new HashSet<>();
    private final RetailProducts products = new RetailProducts();
    private String input;

    Run(Map<String, String> options, ImportContext context) {
      this.context = context;
      ZoneId zone = Options.zone(options, "zone", "Europe/London");
      this.times = new LocalTimes(zone);
      this.currency = Options.currency(options, "GBP");
      this.window = Options.positive(options, "window", DEFAULT_WINDOW);
    }

    void read(Set<String> inputs) throws IOException {
      for (String name : inputs) {
        input = name;
        try (CsvTable table = CsvTable.open(context, name, ',')) {
          RetailRow.Columns columns = RetailRow.Columns.of(table);
          for (CsvRecord r = table.next(); r != null; r = table.next()) {
            String problem = table.widthProblem(r);
            if (problem == null) {
              problem = add(r, columns);
            }
            if (problem != null) {
              context.event(table.unmappable(r, problem));
            }
          }
        }
        sendAll(); // an invoice does not span files
      }
      for (ObjectNode product : products.toJson(currency)) {
        context.product(product, null, "import " + String.join(", ", inputs));
      }
    }

    /** Adds the row to its invoice; returns why it is no order line, or null. */
    private String add(CsvRecord record, RetailRow.Columns columns) {
      RetailRow.Parsed parsed = RetailRow.parse(record, columns, times);
      if (parsed.problem() != null) {
        return parsed.problem();
      }
      RetailRow row = parsed.row();
      if (sent.contains(row.invoice())) {
        return "the invoice reappears after its event was sent (more than option window = " + window
            + " other invoices came between); sort the file by InvoiceNo or raise the window";
      }
      RetailInvoice invoice = open.get(row.invoice());
      if (invoice == null) {
        if (open.size() >= window) {
          Iterator<RetailInvoice> eldest = open.values().iterator();
          send(eldest.next());
          eldest.remove();
        }
        invoice = new RetailInvoice(row);
        open.put(row.invoice(), invoice);
      }
      String problem = invoice.add(row);
      if (problem == null) {
        products.seen(row);
      }
      return problem;
    }

    private void sendAll() {
      open.values().forEach(this::send);
      open.clear();
    }

    private void send(RetailInvoice invoice) {
      sent.add(invoice.id());
      if (invoice.rows() == 0) {
        return;
      }
      String origin = invoice.origin(input);
      if (!invoice.customer().isEmpty() && identified.add(invoice.customer() + "\u0000" + invoice.country())) {
        context.event(IncomingEvent.of(identify(invoice), origin, 0));
      }
      context.event(IncomingEvent.of(invoice.event(currency), origin, invoice.rows()));
    }

    private static ObjectNode identify(RetailInvoice invoice) {
      ObjectNode e = JsonCodec.mapper().createObjectNode();
      e.put("type", "identify");
      e.put("messageId", PREFIX + "customer:" + invoice.customer() + ":" + invoice.country());
      e.put("userId", invoice.customer());
      e.put("timestamp", invoice.time().toString());
      if (!invoice.country().isEmpty()) {
        e.putObject("traits").put("country", invoice.country());
        e.putObject("context").putObject("location").put("country", invoice.country());
      }
      return e;
    }
  }
}
