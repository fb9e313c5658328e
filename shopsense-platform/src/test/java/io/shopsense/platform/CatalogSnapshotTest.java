package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.catalog.Product;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.ProductId;
import io.shopsense.core.recommend.rules.ItemFact;
import io.shopsense.core.recommend.serve.CatalogView;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving path's catalog snapshot, from products as the shop sends them. */
class CatalogSnapshotTest {
  private static final Instant LISTED = Instant.parse("2026-10-01T00:00:00Z");

  @TempDir
  Path dir;

  private static Product product(BigDecimal price, BigDecimal cost, Integer stock, boolean active,
      Map<String, Object> attributes) {
    return new Product(ProductId.of("p-1"), "Trail tent", List.of("Outdoor", "Tents"), "Alpine", price, cost, "EUR",
        stock, Properties.of(attributes), LISTED, LISTED, active);
  }

  @Test
  void mapsAProductToTheFactsRulesRead() {
    CatalogView.CatalogItem item = CatalogSnapshot.item(product(new BigDecimal("200"), new BigDecimal("150"), 7,
        true, Map.of("colour", "green", "weight", new BigDecimal("2.5"))));

    assertThat(item.fact()).isEqualTo(new ItemFact("p-1", "Outdoor > Tents", "Alpine", 200, 7, 0.25, LISTED, false));
    assertThat(item.name()).isEqualTo("Trail tent");
    assertThat(item.attributes()).containsEntry("colour", "green").containsEntry("weight", "2.5");
  }

  @Test
  void unknownValuesGetNeutralFactsAndUntrackedStockCountsAsInStock() {
    ItemFact fact = CatalogSnapshot.item(new Product(ProductId.of("p-2"), null, List.of(), null, null,
        new BigDecimal("3"), null, null, null, LISTED, LISTED, true)).fact();

    assertThat(fact).isEqualTo(new ItemFact("p-2", "", "", 0, Long.MAX_VALUE, 0, LISTED, false));
  }

  @Test
  void inactiveProductsAndThoseTheShopKeepsOutOfRecommendationsAreBlocked() {
    assertThat(CatalogSnapshot.item(product(BigDecimal.TEN, null, 1, false, Map.of())).fact().blocked()).isTrue();
    assertThat(CatalogSnapshot.item(product(BigDecimal.TEN, null, 1, true, Map.of("recommend", false))).fact()
        .blocked()).isTrue();
    assertThat(CatalogSnapshot.item(product(BigDecimal.TEN, null, 1, true, Map.of("recommend", "FALSE"))).fact()
        .blocked()).isTrue();
    assertThat(CatalogSnapshot.item(product(BigDecimal.TEN, null, 1, true, Map.of("recommend", true))).fact()
        .blocked()).isFalse();
  }

  @Test
  void readsEveryPageOfTheCatalogStore() throws Exception {
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      List<JsonNode> products = new ArrayList<>();
      for (int i = 0; i < 2_345; i++) {
        products.add(PlatformFixture.json("{'id':'sku-" + i + "','name':'Item " + i + "','category':'C" + (i % 3)
            + "','price':" + (10 + i % 5) + "}"));
      }
      p.catalog().upsert(products);

      CatalogView view = p.recommendations().refreshCatalog();

      assertThat(view.size()).isEqualTo(2_345);
      assertThat(p.recommendations().catalog()).isSameAs(view);
      assertThat(view.find("sku-2344").orElseThrow().price()).isEqualTo(14);
      assertThat(view.name("sku-7")).contains("Item 7");
    }
  }
}
