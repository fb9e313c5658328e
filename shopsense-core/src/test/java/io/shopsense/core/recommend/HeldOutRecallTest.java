package io.shopsense.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A sanity check that can fail: on co-bought clusters, the personal models must find a person's held-out purchase
 * in their top 10 far more often than popularity does.
 */
class HeldOutRecallTest {
  static final CoBoughtClusters DATA = CoBoughtClusters.generate(42, 600, 12, 8, 5);
  static final Clock CLOCK = Clock.fixed(CoBoughtClusters.START, ZoneOffset.UTC);

  static double recallAt10(RecommenderModel model) {
    Interactions train = model.interactions();
    int hits = 0;
    for (Interaction held : DATA.heldOut()) {
      UserRef user = model.user(held.user());
      Set<String> seen = new HashSet<>();
      if (user instanceof UserRef.Known known) {
        for (int i : train.row(known.index()).indices()) {
          seen.add(train.itemId(i));
        }
      }
      if (model.recommend(user, 10, seen).stream().anyMatch(s -> s.item().equals(held.item()))) {
        hits++;
      }
    }
    return (double) hits / DATA.heldOut().size();
  }

  @Test
  void itemKnnAndEaseBeatPopularityAtRecall10() {
    Interactions train = Interactions.of(DATA.train(), InteractionWeights.DEFAULT);
    double popularity = recallAt10(new PopularityRecommender(CLOCK).train(train));
    double knn = recallAt10(new ItemKnnRecommender(CLOCK, new ItemKnnRecommender.Settings(20, 2)).train(train));
    double ease = recallAt10(new EaseRecommender(CLOCK, new EaseRecommender.Settings(20, 1000)).train(train));
    System.out.printf("recall@10 on co-bought clusters: popularity %.3f, item-kNN %.3f, EASE %.3f%n",
        popularity, knn, ease);

    assertThat(DATA.heldOut()).hasSize(600);
    assertThat(popularity).as("popularity is a weak baseline here").isLessThan(0.35);
    assertThat(knn).as("item-kNN vs popularity %.3f", popularity).isGreaterThan(popularity + 0.3);
    assertThat(ease).as("EASE vs popularity %.3f", popularity).isGreaterThan(popularity + 0.3);
  }
}
