package io.shopsense.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the catalog: which top categories the shop sells (a small shop is specialised), how many products each
 * subcategory gets, and each product's brand, name, price, cost, stock, listing date and popularity. Popularity
 * follows a Zipf law over a random order of all products, times the subcategory's demand, so a few products take
 * most of the attention (the long tail). Some products are new in the period, some sold out near its end, a few
 * were taken off sale during it.
 */
final class CatalogBuilder {
  private static final String[] COLOURS = {"black", "white", "grey", "navy", "green", "red", "beige", "blue"};
  private static final String[] MODELS = {"II", "Pro", "Plus", "Max", "Mini", "S", "X", "Air", "Neo", "Edge"};
  private static final long DAY = 86_400_000L;

  private CatalogBuilder() {}

  static ShopCatalog build(long seed, int count, long start, long end, Markets.Money money) {
    SplittableRandom r = Draw.stream(seed, Draw.CATALOG, 0);
    int[] subs = chooseSubs(r, count);
    int[] perSub = allocate(r, subs, count);
    List<Item> items = new ArrayList<>(count);
    double[] zipf = zipfWeights(r, count);
    Set<String> names = new HashSet<>();
    long period = end - start;
    for (int s = 0; s < subs.length; s++) {
      Taxonomy.Sub sub = Taxonomy.sub(subs[s]);
      Taxonomy.Top top = Taxonomy.top(sub.top());
      double[] brandWeights = new double[top.brands().length];
      for (int b = 0; b < brandWeights.length; b++) {
        brandWeights[b] = 1 / Math.sqrt(top.tiers()[b]) * Draw.uniform(r, 0.5, 1.5);
      }
      double[] brandCumulative = Draw.cumulative(brandWeights);
      for (int k = 0; k < perSub[s]; k++) {
        int index = items.size();
        int brand = Draw.pick(r, brandCumulative);
        String name = uniqueName(r, names, top.brands()[brand] + " " + Draw.one(r, sub.adjectives()) + " "
            + Draw.one(r, sub.nouns()));
        double dollars = sub.basePrice() * top.tiers()[brand] * Draw.logNormal(r, 1, 0.35);
        long price = money.shopPrice(dollars);
        long cost = Math.round(price * Draw.uniform(r, 0.38, 0.72));
        long created = Draw.chance(r, 0.85) ? start - (long) (Draw.uniform(r, 30, 1_000) * DAY)
            : start + (long) (Draw.uniform(r, 0, 0.9) * period);
        created = created / 1_000 * 1_000;
        long soldOut = Long.MAX_VALUE;
        long retired = Long.MAX_VALUE;
        int stock;
        double fate = r.nextDouble();
        if (fate < 0.06) {
          soldOut = Math.max(created + 7 * DAY, end - (long) (Draw.uniform(r, 1, 45) * DAY));
          stock = soldOut < end ? 0 : 3;
        } else if (fate < 0.08 && created < start + period / 4) {
          retired = start + (long) (Draw.uniform(r, 0.3, 0.9) * period);
          stock = 0;
        } else {
          stock = 1 + (int) Math.round(Draw.logNormal(r, 80, 1.0));
        }
        if (soldOut != Long.MAX_VALUE && soldOut >= end) {
          soldOut = Long.MAX_VALUE;
        }
        String colour = top.coloured() ? Draw.one(r, COLOURS) : null;
        items.add(new Item(index, "p" + (10_000 + index), name, sub, brand, top.brands()[brand], price,
            cost, stock, created, soldOut, retired, zipf[index] * sub.demand(),
            Draw.uniform(r, 3.2, 4.8), colour, Draw.one(r, top.attributeValues())));
      }
    }
    ShopCatalog catalog = new ShopCatalog(items, money);
    linkComplements(r, catalog);
    return catalog;
  }

  /** The subcategories of the top categories a shop of this size sells, in taxonomy order. */
  private static int[] chooseSubs(SplittableRandom r, int count) {
    int tops = count < 80 ? 3 : count < 300 ? 5 : count < 1_000 ? 7 : Taxonomy.TOPS.size();
    int[] order = shuffled(r, Taxonomy.TOPS.size());
    boolean[] chosen = new boolean[Taxonomy.TOPS.size()];
    for (int i = 0; i < tops; i++) {
      chosen[order[i]] = true;
    }
    return Taxonomy.SUBS.stream().filter(s -> chosen[s.top()]).mapToInt(Taxonomy.Sub::index).toArray();
  }

  /** Products per subcategory, proportional to its breadth; each gets at least one when there are enough. */
  private static int[] allocate(SplittableRandom r, int[] subs, int count) {
    double[] weights = new double[subs.length];
    double total = 0;
    for (int i = 0; i < subs.length; i++) {
      weights[i] = Taxonomy.sub(subs[i]).breadth() * Draw.uniform(r, 0.7, 1.3);
      total += weights[i];
    }
    int[] n = new int[subs.length];
    int base = count >= subs.length ? 1 : 0;
    int left = count - base * subs.length;
    int given = 0;
    double[] remainder = new double[subs.length];
    for (int i = 0; i < subs.length; i++) {
      double share = left * weights[i] / total;
      n[i] = base + (int) share;
      remainder[i] = share - (int) share;
      given += (int) share;
    }
    for (int k = given; k < left; k++) {
      int best = 0;
      for (int i = 1; i < subs.length; i++) {
        if (remainder[i] > remainder[best]) {
          best = i;
        }
      }
      n[best]++;
      remainder[best] = -1;
    }
    return n;
  }

  private static double[] zipfWeights(SplittableRandom r, int count) {
    int[] rank = shuffled(r, count);
    double[] w = new double[count];
    for (int i = 0; i < count; i++) {
      w[i] = 1 / StrictMath.pow(rank[i] + 1, 1.1);
    }
    return w;
  }

  private static int[] shuffled(SplittableRandom r, int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  private static String uniqueName(SplittableRandom r, Set<String> names, String name) {
    String candidate = name;
    for (int i = 0; !names.add(candidate); i++) {
      candidate = name + " " + (i < 20 ? Draw.one(r, MODELS) : Integer.toString(100 + i));
    }
    return candidate;
  }

  /**
   * Each product of a subcategory with complements gets one or two specific partner products in each complementary
   * subcategory: one of its own brand when there is one (a machine's own beans), else a popular one.
   */
  private static void linkComplements(SplittableRandom r, ShopCatalog catalog) {
    for (Item item : catalog.items()) {
      List<Integer> partners = new ArrayList<>();
      for (String name : item.sub.complements()) {
        int[] candidates = catalog.itemsOfSub(Taxonomy.subIndex(name));
        if (candidates.length == 0) {
          continue;
        }
        int own = -1;
        for (int c : candidates) {
          if (catalog.item(c).brand == item.brand && (own < 0 || r.nextInt(3) == 0)) {
            own = c;
          }
        }
        int first = own >= 0 ? own : catalog.popularIn(r, Taxonomy.subIndex(name));
        partners.add(first);
        if (candidates.length > 1 && Draw.chance(r, 0.4)) {
          int second = catalog.popularIn(r, Taxonomy.subIndex(name));
          if (second != first) {
            partners.add(second);
          }
        }
      }
      item.complements = partners.stream().mapToInt(Integer::intValue).toArray();
    }
  }
}
