package io.shopsense.core.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded synthetic shop where items come in clusters that are bought together: each person picks one cluster,
 * buys {@code basket} distinct items of it (skewed towards the cluster's first items) one hour apart, and views two
 * items anywhere (noise). The last purchase of each person is the held-out one.
 */
record CoBoughtClusters(List<Interaction> train, List<Interaction> heldOut) {
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  static CoBoughtClusters generate(long seed, int users, int clusters, int itemsPerCluster, int basket) {
    Random random = new Random(seed);
    List<Interaction> train = new ArrayList<>();
    List<Interaction> heldOut = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      String user = String.format("u%04d", u);
      int cluster = random.nextInt(clusters);
      Set<Integer> bought = new LinkedHashSet<>();
      while (bought.size() < basket) {
        bought.add(skewed(random, itemsPerCluster));
      }
      Instant time = START.plus(Duration.ofDays(u % 30));
      int n = 0;
      for (int k : bought) {
        time = time.plus(Duration.ofHours(1));
        Interaction purchase = new Interaction(user, item(cluster, k), InteractionKind.PURCHASE, 1, time);
        (++n == basket ? heldOut : train).add(purchase);
      }
      for (int v = 0; v < 2; v++) {
        train.add(new Interaction(user, item(random.nextInt(clusters), skewed(random, itemsPerCluster)),
            InteractionKind.VIEW, 1, time.minus(Duration.ofMinutes(10 + v))));
      }
    }
    return new CoBoughtClusters(train, heldOut);
  }

  /** Index k in [0, size) with probability proportional to 1 / (k + 1). */
  private static int skewed(Random random, int size) {
    double total = 0;
    for (int k = 0; k < size; k++) {
      total += 1.0 / (k + 1);
    }
    double x = random.nextDouble() * total;
    for (int k = 0; k < size; k++) {
      x -= 1.0 / (k + 1);
      if (x < 0) {
        return k;
      }
    }
    return size - 1;
  }

  static String item(int cluster, int k) {
    return String.format("c%02d-i%02d", cluster, k);
  }
}
