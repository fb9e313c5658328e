package io.shopsense.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo catalog and the ways the simulation picks products from it: by popularity within a subcategory (or one
 * brand of it), across the whole shop with the season's demand, among new arrivals, or as a category page's best
 * sellers. Picks respect time: a product is seen only while listed and bought only while in stock.
 */
final class ShopCatalog {
  private static final int TRIES = 8;

  private final Item[] items;
  private final Markets.Money money;
  private final int[][] bySub;
  private final double[][] bySubCumulative;
  private final int[][][] bySubBrand;
  private final double[][][] bySubBrandCumulative;
  private final double[] cumulative;
  private final int[] subs;
  private final int[] newArrivals;

  ShopCatalog(List<Item> list, Markets.Money money) {
    this.items = list.toArray(new Item[0]);
    this.money = money;
    int subCount = Taxonomy.SUBS.size();
    bySub = new int[subCount][];
    bySubCumulative = new double[subCount][];
    bySubBrand = new int[subCount][][];
    bySubBrandCumulative = new double[subCount][][];
    List<Integer> present = new ArrayList<>();
    for (int s = 0; s < subCount; s++) {
      final int sub = s;
      bySub[s] = list.stream().filter(i -> i.sub.index() == sub)
          .sorted(Comparator.comparingDouble((Item i) -> -i.popularity).thenComparingInt(i -> i.index))
          .mapToInt(i -> i.index).toArray();
      bySubCumulative[s] = cumulativePopularity(bySub[s]);
      int brands = Taxonomy.top(Taxonomy.sub(s).top()).brands().length;
      bySubBrand[s] = new int[brands][];
      bySubBrandCumulative[s] = new double[brands][];
      for (int b = 0; b < brands; b++) {
        final int brand = b;
        bySubBrand[s][b] = Arrays.stream(bySub[s]).filter(i -> items[i].brand == brand).toArray();
        bySubBrandCumulative[s][b] = cumulativePopularity(bySubBrand[s][b]);
      }
      if (bySub[s].length > 0) {
        present.add(s);
      }
    }
    subs = present.stream().mapToInt(Integer::intValue).toArray();
    cumulative = cumulativePopularity(list.stream().mapToInt(i -> i.index).toArray());
    newArrivals = list.stream().sorted(Comparator.comparingLong((Item i) -> i.createdAt).thenComparingInt(i -> i.index))
        .mapToInt(i -> i.index).toArray();
  }

  private double[] cumulativePopularity(int[] indexes) {
    double[] w = new double[indexes.length];
    for (int k = 0; k < indexes.length; k++) {
      w[k] = items[indexes[k]].popularity;
    }
    return Draw.cumulative(w);
  }

  Item item(int index) {
    return items[index];
  }

  List<Item> items() {
    return Arrays.asList(items);
  }

  int size() {
    return items.length;
  }

  Markets.Money money() {
    return money;
  }

  /** The taxonomy indexes of the subcategories that have products. */
  int[] subs() {
    return subs;
  }

  /** The summed popularity of a subcategory's products (0 when it has none). */
  double subPopularity(int sub) {
    double[] c = bySubCumulative[sub];
    return c.length == 0 ? 0 : c[c.length - 1];
  }

  /** The products of a subcategory, most popular first. */
  int[] itemsOfSub(int sub) {
    return sub < 0 ? new int[0] : bySub[sub];
  }

  /** A product of the subcategory by popularity, ignoring time (for building the catalog). */
  int popularIn(SplittableRandom r, int sub) {
    return bySub[sub][Draw.pick(r, bySubCumulative[sub])];
  }

  /** A product of the subcategory by popularity that is listed (or, with {@code buyable}, in stock) at t, or -1. */
  int pick(SplittableRandom r, int sub, long t, boolean buyable) {
    return pick(r, bySub[sub], bySubCumulative[sub], t, buyable);
  }

  /** As {@link #pick} among one brand's products of the subcategory. */
  int pickBrand(SplittableRandom r, int sub, int brand, long t, boolean buyable) {
    if (brand >= bySubBrand[sub].length) {
      return -1;
    }
    return pick(r, bySubBrand[sub][brand], bySubBrandCumulative[sub][brand], t, buyable);
  }

  private int pick(SplittableRandom r, int[] candidates, double[] cumulative, long t, boolean buyable) {
    if (candidates.length == 0) {
      return -1;
    }
    for (int k = 0; k < TRIES; k++) {
      Item item = items[candidates[Draw.pick(r, cumulative)]];
      if (buyable ? item.buyable(t) : item.listed(t)) {
        return item.index;
      }
    }
    for (int c : candidates) {
      if (buyable ? items[c].buyable(t) : items[c].listed(t)) {
        return c;
      }
    }
    return -1;
  }

  /** A product from the whole shop by popularity and the season's demand for its subcategory, or -1. */
  int pickAny(SplittableRandom r, long t, int month) {
    for (int k = 0; k < TRIES * 2; k++) {
      Item item = items[Draw.pick(r, cumulative)];
      if (item.listed(t) && r.nextDouble() * 2.2 < item.sub.season().factor(month)) {
        return item.index;
      }
    }
    return -1;
  }

  /** One of the products listed in the 30 days before t, or -1 when there are none. */
  int newArrival(SplittableRandom r, long t) {
    long from = t - 30L * 86_400_000L;
    int lo = lowerBound(from);
    int hi = lowerBound(t + 1);
    if (hi <= lo) {
      return -1;
    }
    int index = newArrivals[lo + r.nextInt(hi - lo)];
    return items[index].listed(t) ? index : -1;
  }

  private int lowerBound(long time) {
    int lo = 0;
    int hi = newArrivals.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (items[newArrivals[mid]].createdAt < time) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first {@code n} listed products of the subcategory in popularity order: what its category page shows. */
  int[] bestSellers(int sub, long t, int n) {
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < bySub[sub].length && k < n; i++) {
      if (items[bySub[sub][i]].listed(t)) {
        out[k++] = bySub[sub][i];
      }
    }
    return k == n ? out : Arrays.copyOf(out, k);
  }

  /** The products in the JSON form the catalog API accepts. */
  List<ObjectNode> json() {
    JsonNodeFactory f = JsonNodeFactory.withExactBigDecimals(true);
    List<ObjectNode> out = new ArrayList<>(items.length);
    for (Item i : items) {
      ObjectNode p = f.objectNode();
      p.put("id", i.id);
      p.put("name", i.name);
      p.put("category", i.category);
      p.put("brand", i.brandName);
      p.put("price", BigDecimal.valueOf(i.price, money.scale()));
      p.put("cost", BigDecimal.valueOf(i.cost, money.scale()));
      p.put("currency", money.code());
      p.put("stock", i.stock);
      ObjectNode attributes = p.putObject("attributes");
      if (i.colour != null) {
        attributes.put("colour", i.colour);
      }
      attributes.put(Taxonomy.top(i.top()).attributeKey(), i.attribute);
      p.put("created_at", Instant.ofEpochMilli(i.createdAt).toString());
      p.put("active", i.active());
      out.add(p);
    }
    return out;
  }
}
