package io.shopsense.core.recommend.serve.internal;

import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.rules.ItemFact;
import io.shopsense.core.recommend.serve.CatalogView;
import io.shopsense.core.recommend.serve.CatalogView.CatalogItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Content similarity over one {@link CatalogView}, for items nobody has interacted with yet: the new-item cold start
 * of the product page and the new items that exploration may promote. Built once per catalog snapshot (see
 * {@link Cache}); immutable and thread-safe.
 *
 * <p>Two items are similar by {@code (2·[same category] + [same brand] + [same price band] + jaccard(attributes)) / 5}
 * in [0, 1]; empty categories and brands and unknown (zero) prices never match. Price bands are log-scale (each band
 * 1.5 times the one below), so 10 and 12 are in one band and 10 and 100 are not. Per request only the items of the
 * same category and the same brand are scanned, at most {@value #SCAN_PER_BUCKET} of each (newest first), so the
 * cost does not grow with the catalog.
 */
public final class ContentIndex {
  /** The most items of one category or brand scanned per request. */
  public static final int SCAN_PER_BUCKET = 400;
  private static final double BAND_RATIO = Math.log(1.5);
  private static final Comparator<CatalogItem> NEWEST_FIRST = Comparator
      .comparing((CatalogItem c) -> c.fact().createdAt()).reversed()
      .thenComparing(c -> c.fact().item());

  private final CatalogView catalog;
  private final List<CatalogItem> newest;
  private final Map<String, List<CatalogItem>> byCategory;
  private final Map<String, List<CatalogItem>> byBrand;

  private ContentIndex(CatalogView catalog) {
    this.catalog = catalog;
    List<CatalogItem> all = new ArrayList<>(catalog.items());
    all.sort(NEWEST_FIRST);
    this.newest = List.copyOf(all);
    Map<String, List<CatalogItem>> categories = new HashMap<>();
    Map<String, List<CatalogItem>> brands = new HashMap<>();
    for (CatalogItem c : newest) {
      if (!c.fact().category().isBlank()) {
        categories.computeIfAbsent(c.fact().category(), k -> new ArrayList<>()).add(c);
      }
      if (!c.fact().brand().isBlank()) {
        brands.computeIfAbsent(c.fact().brand(), k -> new ArrayList<>()).add(c);
      }
    }
    categories.replaceAll((k, list) -> List.copyOf(list));
    brands.replaceAll((k, list) -> List.copyOf(list));
    this.byCategory = Map.copyOf(categories);
    this.byBrand = Map.copyOf(brands);
  }

  /** Indexes {@code catalog} (one pass and a sort). */
  public static ContentIndex of(CatalogView catalog) {
    return new ContentIndex(Objects.requireNonNull(catalog, "catalog"));
  }

  /** The snapshot this index was built from. */
  public CatalogView catalog() {
    return catalog;
  }

  /** Content similarity of two catalog items in [0, 1] (see the class comment). */
  public static double similarity(CatalogItem a, CatalogItem b) {
    ItemFact x = a.fact();
    ItemFact y = b.fact();
    double sum = 0;
    if (!x.category().isBlank() && x.category().equals(y.category())) {
      sum += 2;
    }
    if (!x.brand().isBlank() && x.brand().equals(y.brand())) {
      sum += 1;
    }
    int band = priceBand(x.price());
    if (band != Integer.MIN_VALUE && band == priceBand(y.price())) {
      sum += 1;
    }
    return (sum + jaccard(a.attributes(), b.attributes())) / 5;
  }

  /** The log-scale band of a price; {@link Integer#MIN_VALUE} for an unknown (zero) price. */
  static int priceBand(double price) {
    return price > 0 ? (int) Math.floor(Math.log(price) / BAND_RATIO) : Integer.MIN_VALUE;
  }

  private static double jaccard(Map<String, String> a, Map<String, String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (Map.Entry<String, String> e : a.entrySet()) {
      if (e.getValue().equals(b.get(e.getKey()))) {
        shared++;
      }
    }
    return (double) shared / (a.size() + b.size() - shared);
  }

  /**
   * Up to {@code n} available items (in stock, not blocked) most similar by content to {@code item}, none of
   * {@code exclude}, each with {@link Reason.SimilarTo} {@code item}; ties go to the newer item. Empty when the
   * catalog does not know {@code item}.
   */
  public List<ScoredItem> similarTo(String item, int n, Set<String> exclude) {
    CatalogItem source = catalog.item(item).orElse(null);
    if (source == null || n <= 0) {
      return List.of();
    }
    List<ScoredItem> scored = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(item);
    // the category bucket before the brand bucket: ties keep the newer item of the category first
    for (List<CatalogItem> bucket : List.of(byCategory.getOrDefault(source.fact().category(), List.of()),
        byBrand.getOrDefault(source.fact().brand(), List.of()))) {
      for (int i = 0; i < bucket.size() && i < SCAN_PER_BUCKET; i++) {
        CatalogItem c = bucket.get(i);
        if (available(c) && !exclude.contains(c.fact().item()) && seen.add(c.fact().item())) {
          scored.add(new ScoredItem(c.fact().item(), similarity(source, c), new Reason.SimilarTo(item)));
        }
      }
    }
    // stable sort: equal similarity keeps the scan order (category first, newest first)
    scored.sort(Comparator.comparingDouble(ScoredItem::score).reversed());
    return scored.size() > n ? List.copyOf(scored.subList(0, n)) : scored;
  }

  /**
   * Up to {@code n} available items listed at or after {@code since}, newest first, none of {@code exclude}, each
   * with {@link Reason.NewIn} its category; only of {@code category} when it is not null. Score = 1 for the newest,
   * falling by rank. Scans at most {@value #SCAN_PER_BUCKET} items past the excluded and unavailable ones.
   */
  public List<ScoredItem> newest(String category, Instant since, int n, Set<String> exclude) {
    List<CatalogItem> list = category == null ? newest : byCategory.getOrDefault(category, List.of());
    List<ScoredItem> out = new ArrayList<>(Math.max(0, Math.min(n, list.size())));
    for (int i = 0; i < list.size() && out.size() < n && i < n + SCAN_PER_BUCKET; i++) {
      CatalogItem c = list.get(i);
      if (c.fact().createdAt().isBefore(since)) {
        break;
      }
      if (available(c) && !exclude.contains(c.fact().item())) {
        out.add(new ScoredItem(c.fact().item(), 1.0 / (1 + out.size()), new Reason.NewIn(c.fact().category())));
      }
    }
    return out;
  }

  private static boolean available(CatalogItem c) {
    return !c.fact().blocked() && c.fact().stock() > 0;
  }

  /**
   * Holds the index of the latest catalog snapshot: rebuilt when a different snapshot (by identity) is asked for, so
   * a catalog swap costs one build and every request after it none. Thread-safe; two threads that see a new snapshot
   * at once may both build, and either result is correct.
   */
  public static final class Cache {
    private final AtomicReference<ContentIndex> current = new AtomicReference<>(of(CatalogView.EMPTY));

    public ContentIndex forCatalog(CatalogView catalog) {
      ContentIndex index = current.get();
      if (index.catalog() != catalog) {
        index = of(catalog);
        current.set(index);
      }
      return index;
    }
  }
}
