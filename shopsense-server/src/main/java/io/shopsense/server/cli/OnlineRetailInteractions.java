package io.shopsense.server.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Interaction records of the UCI Online Retail file ({@code online_retail/online_retail.csv.gz}): each line of an
 * invoice is a purchase of its stock code by its customer; each line of a credit note (invoice number starting with
 * {@code C}) is a refund. Rows without a customer id cannot be attributed and are left out, and so are stock codes
 * that are not products (postage {@code POST}, manual adjustments {@code M}, discounts {@code D}, bank charges,
 * gift vouchers, …: they do not start with the five digits every product code has).
 *
 * <p>Every line counts as one unit, whatever its quantity: the shop sells to wholesalers, lines of 80,995 units
 * exist, and one such line would otherwise outweigh thousands of ordinary purchase decisions; a credit-note line
 * takes one decision back. Times are UK local times ({@code Europe/London}). Item similarity for intra-list
 * diversity is the Jaccard overlap of the two descriptions' words (there is no category column).
 */
final class OnlineRetailInteractions {
  static final String FILE = "online_retail/online_retail.csv.gz";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Pattern PRODUCT = Pattern.compile("\\d{5}.*");
  private static final Pattern WORDS = Pattern.compile("[^A-Z0-9]+");

  private OnlineRetailInteractions() {}

  /** Reads the file; keeps only customers that {@code keepCustomer} accepts (for sampling). */
  static EvalData read(Path file, java.util.function.Predicate<String> keepCustomer) throws IOException {
    List<Interaction> records = new ArrayList<>();
    Map<String, Set<String>> words = new TreeMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
         CsvReader<NamedCsvRecord> csv = CsvReader.builder()
             .ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (NamedCsvRecord row : csv) {
        String customer = row.getField("CustomerID").strip();
        String item = row.getField("StockCode").strip().toUpperCase(java.util.Locale.ROOT);
        if (customer.isEmpty() || !PRODUCT.matcher(item).matches() || !keepCustomer.test(customer)) {
          continue;
        }
        boolean credit = row.getField("InvoiceNo").startsWith("C");
        Instant time = LocalDateTime.parse(row.getField("InvoiceDate"), TIME).atZone(LONDON).toInstant();
        records.add(new Interaction(customer, item, credit ? InteractionKind.REFUND : InteractionKind.PURCHASE, 1,
            time));
        String description = row.getField("Description");
        if (!description.isBlank() && !words.containsKey(item)) {
          words.put(item, new HashSet<>(Arrays.asList(WORDS.split(description.toUpperCase(java.util.Locale.ROOT)
              .strip()))));
        }
      }
    }
    Set<String> catalog = new java.util.TreeSet<>();
    for (Interaction r : records) {
      catalog.add(r.item());
    }
    return new EvalData("Online Retail (" + file + ")", records, List.copyOf(catalog),
        (a, b) -> jaccard(words.get(a), words.get(b)), "Jaccard of description words");
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String w : a) {
      if (b.contains(w)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }
}
