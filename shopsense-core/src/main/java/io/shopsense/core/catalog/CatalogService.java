package io.shopsense.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.catalog.Catalog;
import io.shopsense.api.catalog.Product;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.ProductId;
import io.shopsense.core.collect.RejectReason;
import io.shopsense.core.collect.Violation;
import io.shopsense.core.json.JsonCodec;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks and stores products sent by the catalog API and imports. The JSON form is snake_case: {@code id}
 * (or {@code product_id}), {@code name}, {@code category} (a path {@code "Outdoor/Tents"} or {@code "Outdoor > Tents"},
 * or an array), {@code brand}, {@code price}, {@code cost}, {@code currency}, {@code stock}, {@code attributes},
 * {@code created_at}, {@code active}. A batch is accepted partially: valid products are stored, each invalid one is
 * reported with its reasons.
 */
public final class CatalogService {
  private static final Pattern PATH_SEPARATOR = Pattern.compile("\\s*(/|>)\\s*");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final Catalog catalog;
  private final Clock clock;
  private final int maxIdLength;

  public CatalogService(Catalog catalog, Clock clock, int maxIdLength) {
    this.catalog = catalog;
    this.clock = clock;
    this.maxIdLength = maxIdLength;
  }

  public List<ProductOutcome> upsert(List<JsonNode> products) {
    Instant now = clock.instant();
    List<ProductOutcome> outcomes = new ArrayList<>(products.size());
    List<Product> valid = new ArrayList<>();
    for (int i = 0; i < products.size(); i++) {
      List<Violation> violations = new ArrayList<>();
      Product p = read(products.get(i), now, violations);
      if (p == null) {
        JsonNode n = products.get(i);
        String id = n != null && n.isObject() && n.hasNonNull("id") ? n.get("id").asText() : null;
        outcomes.add(new ProductOutcome(i, id, false, violations));
      } else {
        valid.add(p);
        outcomes.add(new ProductOutcome(i, p.id().value(), true, List.of()));
      }
    }
    if (!valid.isEmpty()) {
      catalog.upsert(valid);
    }
    return outcomes;
  }

  /** The product a JSON object describes, or null with the violations added. */
  Product read(JsonNode n, Instant now, List<Violation> violations) {
    if (n == null || !n.isObject()) {
      violations.add(new Violation(RejectReason.NOT_AN_OBJECT, "", "a product must be a JSON object"));
      return null;
    }
    String id = text(n, n.has("id") ? "id" : "product_id", maxIdLength, violations);
    if (id == null && violations.isEmpty()) {
      violations.add(new Violation(RejectReason.MISSING_FIELD, "id", "a product needs an id"));
    }
    String name = text(n, "name", 1_000, violations);
    List<String> path = category(n.get("category"), violations);
    String brand = text(n, "brand", 500, violations);
    BigDecimal price = amount(n, "price", violations);
    BigDecimal cost = amount(n, "cost", violations);
    String currency = text(n, "currency", 3, violations);
    if (currency != null && !CURRENCY.matcher(currency.toUpperCase(Locale.ROOT)).matches()) {
      violations.add(new Violation(RejectReason.INVALID_VALUE, "currency", "expected a three-letter ISO 4217 code"));
    }
    Integer stock = null;
    JsonNode s = n.get("stock");
    if (s != null && !s.isNull()) {
      if (!s.isIntegralNumber() || !s.canConvertToInt() || s.intValue() < 0) {
        violations.add(new Violation(RejectReason.INVALID_VALUE, "stock", "expected a whole number of at least 0"));
      } else {
        stock = s.intValue();
      }
    }
    JsonNode attributes = n.get("attributes");
    if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
      violations.add(new Violation(RejectReason.INVALID_TYPE, "attributes", "expected an object"));
    }
    Instant created = created(n, now, violations);
    JsonNode active = n.get("active");
    if (active != null && !active.isNull() && !active.isBoolean()) {
      violations.add(new Violation(RejectReason.INVALID_TYPE, "active", "expected true or false"));
    }
    if (!violations.isEmpty()) {
      return null;
    }
    Properties attrs = JsonCodec.toProperties(attributes);
    return new Product(ProductId.of(id), name, path, brand, price, cost,
        currency == null ? null : currency.toUpperCase(Locale.ROOT), stock, attrs, created, now,
        active == null || active.isNull() || active.booleanValue());
  }

  private static String text(JsonNode n, String field, int max, List<Violation> violations) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      violations.add(new Violation(RejectReason.INVALID_TYPE, field, "expected a string"));
      return null;
    }
    String s = v.asText().strip();
    if (s.length() > max) {
      violations.add(new Violation(RejectReason.INVALID_VALUE, field, "longer than " + max + " characters"));
      return null;
    }
    return s.isEmpty() ? null : s;
  }

  private static BigDecimal amount(JsonNode n, String field, List<Violation> violations) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      violations.add(new Violation(RejectReason.INVALID_TYPE, field, "expected a number"));
      return null;
    }
    if (v.decimalValue().signum() < 0) {
      violations.add(new Violation(RejectReason.INVALID_VALUE, field, "must be at least 0"));
      return null;
    }
    return v.decimalValue();
  }

  static List<String> category(JsonNode c, List<Violation> violations) {
    if (c == null || c.isNull()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    if (c.isTextual()) {
      Arrays.stream(PATH_SEPARATOR.split(c.textValue().strip())).filter(p -> !p.isBlank()).forEach(parts::add);
    } else if (c.isArray()) {
      for (JsonNode part : c) {
        if (!part.isTextual()) {
          violations.add(new Violation(RejectReason.INVALID_TYPE, "category", "expected strings"));
          return List.of();
        }
        if (!part.textValue().isBlank()) {
          parts.add(part.textValue().strip());
        }
      }
    } else {
      violations.add(new Violation(RejectReason.INVALID_TYPE, "category", "expected a path or an array"));
    }
    return parts;
  }

  private static Instant created(JsonNode n, Instant now, List<Violation> violations) {
    JsonNode v = n.get("created_at");
    if (v == null || v.isNull()) {
      return now;
    }
    try {
      return OffsetDateTime.parse(v.asText()).toInstant();
    } catch (DateTimeParseException e) {
      violations.add(new Violation(RejectReason.INVALID_TIMESTAMP, "created_at",
          "expected an ISO-8601 date-time with an offset"));
      return now;
    }
  }
}
