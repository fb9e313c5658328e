package io.shopsense.core.recommend.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.rules.ItemFact;
import io.shopsense.core.recommend.serve.CatalogView;
import io.shopsense.core.recommend.serve.CatalogView.CatalogItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentIndexTest {
  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  static CatalogItem item(String id, String category, String brand, double price, long stock, int ageDays,
      boolean blocked, Map<String, String> attributes) {
    return new CatalogItem(new ItemFact(id, category, brand, price, stock, 0, NOW.minus(Duration.ofDays(ageDays)),
        blocked), id.toUpperCase(), attributes);
  }

  static CatalogItem item(String id, String category, String brand, double price, int ageDays) {
    return item(id, category, brand, price, 5, ageDays, false, Map.of());
  }

  static final CatalogView CATALOG = new CatalogView(List.of(
      item("shoe", "shoes", "Run", 100, 5, 1, false, Map.of("colour", "red", "size", "42")),
      item("twin", "shoes", "Run", 110, 5, 50, false, Map.of("colour", "red", "size", "42")),
      item("cousin", "shoes", "Run", 105, 5, 40, false, Map.of("colour", "blue", "size", "42")),
      item("cheap", "shoes", "Run", 20, 30),
      item("other", "shoes", "Walk", 100, 20),
      item("shirt", "shirts", "Run", 30, 10),
      item("sold", "shoes", "Run", 100, 0, 10, false, Map.of()),
      item("banned", "shoes", "Run", 100, 5, 10, true, Map.of()),
      item("plain", "", "", 100, 3),
      item("plain2", "", "", 100, 2)));

  @Test
  void similarityWeighsCategoryBrandPriceBandAndAttributes() {
    CatalogItem a = CATALOG.item("shoe").orElseThrow();
    assertThat(ContentIndex.similarity(a, CATALOG.item("twin").orElseThrow())).isCloseTo(1.0, within(1e-12));
    // same category, brand and band; one of three distinct attribute pairs shared
    assertThat(ContentIndex.similarity(a, CATALOG.item("cousin").orElseThrow()))
        .isCloseTo((4 + 1.0 / 3) / 5, within(1e-12));
    assertThat(ContentIndex.similarity(a, CATALOG.item("cheap").orElseThrow())).isCloseTo(3.0 / 5, within(1e-12));
    assertThat(ContentIndex.similarity(a, CATALOG.item("other").orElseThrow())).isCloseTo(3.0 / 5, within(1e-12));
    assertThat(ContentIndex.similarity(a, CATALOG.item("shirt").orElseThrow())).isCloseTo(1.0 / 5, within(1e-12));
    assertThat(ContentIndex.similarity(CATALOG.item("plain").orElseThrow(), CATALOG.item("plain2").orElseThrow()))
        .as("empty category and brand are not a match; only the price band is").isCloseTo(1.0 / 5, within(1e-12));
  }

  @Test
  void priceBandsAreLogScale() {
    assertThat(ContentIndex.priceBand(100)).isEqualTo(ContentIndex.priceBand(110));
    assertThat(ContentIndex.priceBand(100)).isNotEqualTo(ContentIndex.priceBand(20));
    assertThat(ContentIndex.priceBand(1000)).isEqualTo(ContentIndex.priceBand(1100));
    assertThat(ContentIndex.priceBand(0)).isEqualTo(Integer.MIN_VALUE);
  }

  @Test
  void similarItemsAreRankedAndOnlyAvailableOnes() {
    List<ScoredItem> similar = ContentIndex.of(CATALOG).similarTo("shoe", 10, Set.of("other"));
    assertThat(similar).extracting(ScoredItem::item).containsExactly("twin", "cousin", "cheap", "shirt");
    assertThat(similar).extracting(ScoredItem::reason).containsOnly(new Reason.SimilarTo("shoe"));
    assertThat(ContentIndex.of(CATALOG).similarTo("shoe", 2, Set.of())).extracting(ScoredItem::item)
        .containsExactly("twin", "cousin");
    assertThat(ContentIndex.of(CATALOG).similarTo("unknown", 5, Set.of())).isEmpty();
  }

  @Test
  void newestItemsAreNewestFirstWithinTheAgeAndCategory() {
    ContentIndex index = ContentIndex.of(CATALOG);
    assertThat(index.newest(null, NOW.minus(Duration.ofDays(10)), 10, Set.of()))
        .extracting(ScoredItem::item, ScoredItem::reason)
        .containsExactly(tuple("shoe", new Reason.NewIn("shoes")), tuple("plain2", new Reason.NewIn("")),
            tuple("plain", new Reason.NewIn("")), tuple("shirt", new Reason.NewIn("shirts")));
    assertThat(index.newest("shoes", Instant.MIN, 3, Set.of("shoe"))).extracting(ScoredItem::item)
        .containsExactly("other", "cheap", "cousin");
    assertThat(index.newest("hats", Instant.MIN, 3, Set.of())).isEmpty();
  }

  @Test
  void theScanPerRequestIsBounded() {
    List<CatalogItem> many = new ArrayList<>();
    for (int i = 0; i < ContentIndex.SCAN_PER_BUCKET * 3; i++) {
      many.add(item(String.format("p%05d", i), "bulk", "", 10, 5, 1 + i, false, Map.of()));
    }
    many.add(item("oldest-twin", "bulk", "", 10, 5, 100_000, false, Map.of()));
    ContentIndex index = ContentIndex.of(new CatalogView(many));
    assertThat(index.similarTo("p00000", 5000, Set.of())).hasSize(ContentIndex.SCAN_PER_BUCKET - 1)
        .extracting(ScoredItem::item).doesNotContain("oldest-twin");
  }

  @Test
  void theCacheBuildsOncePerCatalogSnapshot() {
    ContentIndex.Cache cache = new ContentIndex.Cache();
    ContentIndex first = cache.forCatalog(CATALOG);
    assertThat(cache.forCatalog(CATALOG)).isSameAs(first);
    CatalogView next = new CatalogView(CATALOG.items());
    ContentIndex second = cache.forCatalog(next);
    assertThat(second).isNotSameAs(first);
    assertThat(second.catalog()).isSameAs(next);
    assertThat(cache.forCatalog(next)).isSameAs(second);
  }
}
