package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.Slice;
import io.shopsense.api.catalog.Catalog;
import io.shopsense.api.catalog.Product;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.ProductId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Catalog}. {@link #open()} gives the port over the backend's storage for this test (empty at
 * the first call of a test, the same storage at later calls); {@link #close()} closes what it opened and may be
 * called twice; {@link #reopen()} is a restart.
 *
 * <p>Decided here, where the port leaves it open: "keeps its first {@code createdAt}" means {@code createdAt} never
 * moves later, but a write that says the product was listed earlier (an import of history after the live API
 * defaulted it to "now") moves it back; every other field is replaced, nulls included. Of two copies of one product in
 * one upsert the later wins. Products are ordered by id in Java {@link String} order (binary for ASCII); the cursor
 * is the last id, present only when another page follows. Amounts are equal by value: a backend may drop trailing
 * zeros ({@code 19.90} comes back as {@code 19.9}).
 */
public abstract class CatalogContract {
  protected static final Instant T0 = Envelopes.T0;
  private static final RecursiveComparisonConfiguration BY_VALUE = RecursiveComparisonConfiguration.builder()
      .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build();

  protected Catalog catalog;

  protected abstract Catalog open() throws Exception;

  protected abstract void close() throws Exception;

  protected Catalog reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openCatalog() throws Exception {
    catalog = open();
  }

  @AfterEach
  void closeCatalog() throws Exception {
    close();
  }

  protected static Product product(String id, String name, Instant createdAt, Instant updatedAt) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("colour", "green");
    attributes.put("sizes", List.of("S", "M"));
    attributes.put("weight_kg", new BigDecimal("2.35"));
    return new Product(ProductId.of(id), name, List.of("Outdoor", "Tents"), "Acme", new BigDecimal("199.90"),
        new BigDecimal("120.00"), "EUR", 7, new Properties(attributes), createdAt, updatedAt, true);
  }

  protected static Product product(String id) {
    return product(id, "Product " + id, T0, T0);
  }

  protected static void assertSameProduct(Product actual, Product expected) {
    assertThat(actual).usingRecursiveComparison(BY_VALUE).isEqualTo(expected);
  }

  @Test
  void anEmptyCatalogHasNothing() {
    assertThat(catalog.count()).isZero();
    assertThat(catalog.find(ProductId.of("p-1"))).isEmpty();
    assertThat(catalog.findAll(List.of(ProductId.of("p-1")))).isEmpty();
    assertThat(catalog.list(null, 10).items()).isEmpty();
    assertThat(catalog.list(null, 10).nextCursor()).isEmpty();
  }

  @Test
  void keepsEveryFieldOfAProduct() {
    Product tent = product("tent-1", "Trail Tent 2P", T0, T0.plusSeconds(5));

    catalog.upsert(List.of(tent));

    Product found = catalog.find(ProductId.of("tent-1")).orElseThrow();
    assertSameProduct(found, tent);
    assertThat(found.price()).isEqualByComparingTo("199.90");
    assertThat(found.category()).isEqualTo("Outdoor > Tents");
  }

  @Test
  void keepsAProductWithOnlyItsId() {
    Product bare = new Product(ProductId.of("bare"), null, List.of(), null, null, null, null, null, null, null, null,
        false);

    catalog.upsert(List.of(bare));

    assertSameProduct(catalog.find(ProductId.of("bare")).orElseThrow(), bare);
  }

  @Test
  void replacingAProductReplacesEveryFieldButItsFirstCreatedAt() {
    catalog.upsert(List.of(product("p-1", "Old name", T0, T0)));
    Product renamed = new Product(ProductId.of("p-1"), "New name", List.of("Sale"), null, new BigDecimal("99.5"), null,
        "USD", null, Properties.EMPTY, T0.plusSeconds(3600), T0.plusSeconds(3600), false);

    catalog.upsert(List.of(renamed));

    Product found = catalog.find(ProductId.of("p-1")).orElseThrow();
    assertSameProduct(found, new Product(ProductId.of("p-1"), "New name", List.of("Sale"), null,
        new BigDecimal("99.5"), null, "USD", null, Properties.EMPTY, T0, T0.plusSeconds(3600), false));
    assertThat(catalog.count()).isEqualTo(1);
  }

  @Test
  void anEarlierCreatedAtFromALaterWriteMovesItBack() {
    catalog.upsert(List.of(product("p-1", "Tent", T0, T0)));

    catalog.upsert(List.of(product("p-1", "Tent", T0.minusSeconds(86_400 * 365), T0.plusSeconds(60))));

    assertThat(catalog.find(ProductId.of("p-1")).orElseThrow().createdAt()).isEqualTo(T0.minusSeconds(86_400 * 365));
  }

  @Test
  void aCreatedAtArrivesWithALaterWriteWhenTheFirstHadNone() {
    catalog.upsert(List.of(product("p-1", "Tent", null, T0)));

    catalog.upsert(List.of(product("p-1", "Tent", T0.plusSeconds(60), T0.plusSeconds(60))));

    assertThat(catalog.find(ProductId.of("p-1")).orElseThrow().createdAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void theLaterCopyOfAProductInOneUpsertWins() {
    catalog.upsert(List.of(product("p-1", "first", T0, T0), product("p-2"), product("p-1", "second", T0, T0)));

    assertThat(catalog.find(ProductId.of("p-1")).orElseThrow().name()).isEqualTo("second");
    assertThat(catalog.count()).isEqualTo(2);
  }

  @Test
  void findsTheProductsThatExistAmongManyIds() {
    catalog.upsert(List.of(product("a"), product("b"), product("c")));

    Map<ProductId, Product> found = catalog.findAll(List.of(ProductId.of("c"), ProductId.of("x"), ProductId.of("a"),
        ProductId.of("a")));

    assertThat(found).containsOnlyKeys(ProductId.of("a"), ProductId.of("c"));
    assertSameProduct(found.get(ProductId.of("c")), product("c"));
    assertThat(catalog.findAll(List.of())).isEmpty();
  }

  @Test
  void listsProductsByIdPageByPage() {
    List<Product> products = new ArrayList<>();
    IntStream.range(0, 23).forEach(i -> products.add(product("p-" + i)));
    catalog.upsert(products);

    List<String> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Slice<Product> page = catalog.list(cursor, 10);
      page.items().forEach(p -> ids.add(p.id().value()));
      cursor = page.next();
      pages++;
      if (cursor != null) {
        assertThat(cursor).isEqualTo(page.items().get(page.items().size() - 1).id().value());
      }
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(23).isSortedAccordingTo(String::compareTo);
    assertThat(catalog.list(null, 23).nextCursor()).isEmpty();
  }

  @Test
  void ordersIdsInBinaryOrder() {
    catalog.upsert(List.of(product("b"), product("B"), product("a-2"), product("a_1"), product("A"), product("10"),
        product("9")));

    assertThat(catalog.list(null, 100).items()).extracting(p -> p.id().value())
        .containsExactly("10", "9", "A", "B", "a-2", "a_1", "b");
    assertThat(catalog.list("B", 100).items()).extracting(p -> p.id().value()).containsExactly("a-2", "a_1", "b");
  }

  @Test
  void keepsProductsAcrossARestart() throws Exception {
    Product tent = product("tent-1", "Trail Tent 2P", T0, T0.plusSeconds(5));
    catalog.upsert(List.of(tent, product("stove-1")));

    catalog = reopen();

    assertThat(catalog.count()).isEqualTo(2);
    assertSameProduct(catalog.find(ProductId.of("tent-1")).orElseThrow(), tent);
  }
}
