package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded synthetic shop history for training whole model sets: items in clusters ({@code k<c>-<i>}); each person
 * ({@code p<nnn>}) keeps to one cluster, and every week for eight weeks browses a session of three items, then
 * orders two of them that they never bought before with the cluster's consumable ({@code tea-<c>}), one order id
 * each.
 */
final class ShopHistory {
  static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
  static final Instant END = START.plus(Duration.ofDays(56));

  private ShopHistory() {
  }

  static List<TrainingEvent> generate(long seed, int persons, int clusters, int itemsPerCluster) {
    Random random = new Random(seed);
    List<TrainingEvent> out = new ArrayList<>();
    for (int p = 0; p < persons; p++) {
      String person = String.format("p%03d", p);
      int cluster = p % clusters;
      for (int week = 0; week < 8; week++) {
        Instant t = START.plus(Duration.ofDays(7L * week)).plus(Duration.ofMinutes(p * 7L + random.nextInt(60)));
        String session = person + "-s" + week;
        String order = person + "-o" + week;
        // two items a person never bought before (the catalog has at least 16 per cluster), one consumable
        int a = (2 * week + p) % itemsPerCluster;
        int b = (2 * week + 1 + p) % itemsPerCluster;
        int c = random.nextInt(itemsPerCluster);
        for (int i : new int[] {a, b, c}) {
          out.add(new TrainingEvent(new Interaction(person, item(cluster, i), InteractionKind.VIEW, 1, t), "",
              session));
          t = t.plusSeconds(30);
        }
        for (int i : new int[] {a, b}) {
          out.add(new TrainingEvent(new Interaction(person, item(cluster, i), InteractionKind.PURCHASE, 1, t), order,
              session));
        }
        out.add(new TrainingEvent(new Interaction(person, "tea-" + cluster, InteractionKind.PURCHASE, 1, t), order,
            session));
      }
    }
    return out;
  }

  static String item(int cluster, int i) {
    return "k" + cluster + "-" + i;
  }
}
