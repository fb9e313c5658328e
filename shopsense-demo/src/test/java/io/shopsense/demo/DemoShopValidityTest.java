package io.shopsense.demo;

import static io.shopsense.demo.DemoFixtures.NOW;
import static io.shopsense.demo.DemoFixtures.ingest;
import static io.shopsense.demo.DemoFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.Slice;
import io.shopsense.api.catalog.Catalog;
import io.shopsense.api.catalog.Product;
import io.shopsense.api.id.ProductId;
import io.shopsense.core.catalog.CatalogService;
import io.shopsense.core.catalog.ProductOutcome;
import io.shopsense.core.collect.internal.EventPreparer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoShopValidityTest {

  /** A catalog that keeps what it is given: a fixture for the catalog service, not a store. */
  static final class RecordingCatalog implements Catalog {
    final Map<ProductId, Product> products = new LinkedHashMap<>();

    @Override
    public void upsert(List<Product> batch) {
      batch.forEach(p -> products.put(p.id(), p));
    }

    @Override
    public Optional<Product> find(ProductId id) {
      return Optional.ofNullable(products.get(id));
    }

    @Override
    public Map<ProductId, Product> findAll(Collection<ProductId> ids) {
      Map<ProductId, Product> out = new HashMap<>();
      ids.stream().filter(products::containsKey).forEach(id -> out.put(id, products.get(id)));
      return out;
    }

    @Override
    public Slice<Product> list(String after, int limit) {
      return new Slice<>(products.values().stream().limit(limit).collect(Collectors.toList()), null);
    }

    @Override
    public long count() {
      return products.size();
    }
  }

  @ParameterizedTest(name = "seed {0}, {1} events, {2}")
  @CsvSource({"42, 30000, USD", "7, 8000, EUR", "11, 5000, JPY", "13, 5000, CNY", "17, 3000, CHF"})
  void everyEventPassesTheIngestRulesInTimestampOrderWithinThePeriod(long seed, long target, String currency) {
    DemoSettings s = settings(seed, target).withCurrency(currency);
    DemoShop shop = DemoShop.of(s);
    EventPreparer preparer = DemoFixtures.preparer();
    List<String> problems = new ArrayList<>();
    Set<String> messageIds = new HashSet<>();
    Instant[] last = {Instant.MIN};
    long[] n = {0};

    shop.events().forEach(e -> {
      n[0]++;
      EventPreparer.Prepared p = ingest(preparer, e, s.end());
      if (!p.ok() && problems.size() < 5) {
        problems.add(p.violations() + " in " + e);
      }
      Instant at = OffsetDateTime.parse(e.get("timestamp").asText()).toInstant();
      assertThat(at).isAfterOrEqualTo(last[0]).isAfterOrEqualTo(s.start()).isBefore(s.end());
      last[0] = at;
      assertThat(messageIds.add(e.get("messageId").asText())).isTrue();
    });

    assertThat(problems).isEmpty();
    assertThat(n[0]).isEqualTo(shop.summary().events()).isGreaterThan(target / 2);
    assertThat(messageIds).contains("demo-" + seed + "-1", "demo-" + seed + "-" + n[0]);
  }

  @ParameterizedTest(name = "{1} products")
  @CsvSource({"42, 0", "5, 12", "6, 3000"})
  void everyProductPassesTheCatalogRules(long seed, int products) {
    DemoSettings s = settings(seed, 20_000).withProducts(products);
    DemoShop shop = DemoShop.of(s);
    RecordingCatalog catalog = new RecordingCatalog();
    List<JsonNode> json = new ArrayList<>(shop.products());

    List<ProductOutcome> outcomes = new CatalogService(catalog, Clock.fixed(NOW, ZoneOffset.UTC), 200).upsert(json);

    assertThat(outcomes).allSatisfy(o -> assertThat(o.violations()).isEmpty());
    assertThat(catalog.products).hasSize(json.size());
    if (products > 0) {
      assertThat(json).hasSize(products);
    }
    Collection<Product> stored = catalog.products.values();
    assertThat(stored).allSatisfy(p -> {
      assertThat(p.name()).isNotBlank();
      assertThat(p.categoryPath()).hasSize(2);
      assertThat(p.brand()).isNotBlank();
      assertThat(p.price()).isPositive();
      assertThat(p.cost()).isPositive().isLessThan(p.price());
      assertThat(p.currency()).isEqualTo("USD");
      assertThat(p.createdAt()).isBefore(s.end());
    });
    if (json.size() >= 100) {
      assertThat(stored).anySatisfy(p -> assertThat(p.createdAt()).isAfter(s.start()));
      assertThat(stored).anySatisfy(p -> assertThat(p.stock()).isZero());
      assertThat(stored).anySatisfy(p -> assertThat(p.active()).isFalse());
      assertThat(stored.stream().map(p -> p.categoryPath().get(0)).distinct().count()).isGreaterThanOrEqualTo(3);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"42", "99"})
  void eventsNameOnlyCatalogProductsSeenWhileListedAndAddedWhileInStock(long seed) {
    DemoSettings s = settings(seed, 20_000);
    DemoShop shop = DemoShop.of(s);
    Map<String, Item> items = new HashMap<>();
    World.of(s).catalog.items().forEach(i -> items.put(i.id, i));
    assertThat(shop.products()).extracting(p -> p.get("id").asText()).containsExactlyInAnyOrderElementsOf(
        items.keySet());
    Set<String> laterEvents = Set.of("Order Refunded", "Order Cancelled", "Review Submitted");

    shop.events().forEach(e -> {
      long at = OffsetDateTime.parse(e.get("timestamp").asText()).toInstant().toEpochMilli();
      String event = e.path("event").asText();
      JsonNode props = e.path("properties");
      List<JsonNode> lines = new ArrayList<>();
      if (props.has("product_id")) {
        lines.add(props);
      }
      props.path("products").forEach(lines::add);
      for (JsonNode line : lines) {
        Item item = items.get(line.get("product_id").asText());
        assertThat(item).isNotNull();
        if (!laterEvents.contains(event)) {
          assertThat(item.listed(at)).as("%s listed at %s in %s", item.id, e.get("timestamp"), event).isTrue();
        }
        if ("Product Added".equals(event) || "Checkout Started".equals(event)) {
          assertThat(item.buyable(at)).as("%s in stock at %s", item.id, e.get("timestamp")).isTrue();
        }
      }
    });
  }
}
