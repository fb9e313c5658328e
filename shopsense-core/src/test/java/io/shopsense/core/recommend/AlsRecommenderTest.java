package io.shopsense.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.core.recommend.internal.AlsModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlsRecommenderTest {
  static final AlsRecommender.Settings SMALL = new AlsRecommender.Settings(16, 0.1, 10, 10, 3, 7, 50_000, 16, 200);

  static AlsRecommender.Settings withAnnAbove(AlsRecommender.Settings s, int annAboveItems) {
    return new AlsRecommender.Settings(s.factors(), s.lambda(), s.alpha(), s.iterations(), s.cgSteps(), s.seed(),
        annAboveItems, s.annM(), s.annEf());
  }

  @Test
  void theObjectiveFallsWithEveryIteration() {
    Interactions train = Interactions.of(HeldOutRecallTest.DATA.train(), InteractionWeights.DEFAULT);
    List<Double> losses = new ArrayList<>();
    new AlsRecommender(HeldOutRecallTest.CLOCK, SMALL).train(train, losses::add);

    assertThat(losses).hasSize(SMALL.iterations());
    for (int it = 1; it < losses.size(); it++) {
      assertThat(losses.get(it)).as("loss after iteration %d vs %d", it + 1, it).isLessThan(losses.get(it - 1));
    }
    // from near-zero factors the objective starts near Σ c_ui (every stored cell predicted 0); ALS must fit most of it
    double untrained = 0;
    for (int u = 0; u < train.userCount(); u++) {
      for (double w : train.row(u).values()) {
        untrained += 1 + SMALL.alpha() * w;
      }
    }
    assertThat(losses.get(0)).isLessThan(untrained);
    assertThat(losses.get(losses.size() - 1)).isLessThan(0.5 * untrained);
  }

  @Test
  void beatsPopularityOnCoBoughtClusters() {
    Interactions train = Interactions.of(HeldOutRecallTest.DATA.train(), InteractionWeights.DEFAULT);
    double popularity = HeldOutRecallTest.recallAt10(new PopularityRecommender(HeldOutRecallTest.CLOCK).train(train));
    AlsModel model = new AlsRecommender(HeldOutRecallTest.CLOCK, SMALL).train(train);
    double als = HeldOutRecallTest.recallAt10(model);
    System.out.printf("recall@10 on co-bought clusters: popularity %.3f, ALS %.3f%n", popularity, als);

    assertThat(model.usesApproximateIndex()).isFalse();
    assertThat(popularity).isLessThan(0.35);
    assertThat(als).as("ALS vs popularity %.3f", popularity).isGreaterThan(popularity + 0.3);
  }

  /** Items are named c<cluster>-i<k>: a sound explanation points into the recommended item's own cluster. */
  @Test
  void reasonsPointToAnItemOfTheSameCluster() {
    Interactions train = Interactions.of(HeldOutRecallTest.DATA.train(), InteractionWeights.DEFAULT);
    AlsModel model = new AlsRecommender(HeldOutRecallTest.CLOCK, SMALL).train(train);
    int because = 0;
    int sameCluster = 0;
    for (int u = 0; u < train.userCount(); u += 5) {
      for (ScoredItem s : model.recommend(new UserRef.Known(u), 3, Set.of())) {
        if (s.reason() instanceof Reason.Because b) {
          because++;
          if (b.item().substring(0, 3).equals(s.item().substring(0, 3))) {
            sameCluster++;
          }
        }
      }
    }
    assertThat(because).isGreaterThan(300);
    assertThat((double) sameCluster / because).isGreaterThan(0.9);
  }

  /** An item the person had (a repeat buy) is never explained by itself: "because you viewed X" for X. */
  @Test
  void anItemOfThePersonsOwnHistoryIsNotItsOwnReason() {
    Interactions train = Interactions.of(HeldOutRecallTest.DATA.train(), InteractionWeights.DEFAULT);
    AlsModel model = new AlsRecommender(HeldOutRecallTest.CLOCK, SMALL).train(train);
    int own = 0;
    for (int u = 0; u < train.userCount(); u += 3) {
      java.util.Set<String> history = new java.util.HashSet<>();
      Interactions.Row row = train.row(u);
      for (int r = 0; r < row.size(); r++) {
        history.add(train.itemId(row.indices()[r]));
      }
      for (ScoredItem s : model.recommend(new UserRef.Known(u), 10, Set.of())) {
        if (history.contains(s.item())) {
          own++;
          assertThat(s.reason()).as("reason of %s for user %d", s.item(), u).isNotEqualTo(new Reason.Because(s.item()));
        }
      }
    }
    assertThat(own).as("lists that hold items of the person's own history").isGreaterThan(10);
  }

  /**
   * A catalog of several thousand items: the HNSW answer must share at least 90% of the exact top 10 (the personal
   * part is re-ranked by the exact score, so shared items are also in the same order).
   */
  @Test
  void theApproximateTop10OverlapsTheExactTop10() {
    CoBoughtClusters big = CoBoughtClusters.generate(17, 4000, 400, 15, 5);
    Interactions train = Interactions.of(big.train(), InteractionWeights.DEFAULT);
    AlsRecommender.Settings settings = new AlsRecommender.Settings(16, 0.1, 10, 6, 3, 7, 50_000, 16, 200);
    AlsModel exact = new AlsRecommender(HeldOutRecallTest.CLOCK, settings).train(train);
    AlsModel approximate = new AlsRecommender(HeldOutRecallTest.CLOCK, withAnnAbove(settings, 1000)).train(train);
    assertThat(train.itemCount()).isGreaterThan(4000);
    assertThat(exact.usesApproximateIndex()).isFalse();
    assertThat(approximate.usesApproximateIndex()).isTrue();

    // the index is derived data: a loaded model rebuilds it from the factors
    AlsModel loaded = (AlsModel) RecommenderModel.fromBytes(approximate.toBytes());
    assertThat(loaded.usesApproximateIndex()).isTrue();
    int shared = 0;
    int sharedLoaded = 0;
    int total = 0;
    for (int u = 0; u < train.userCount(); u += 10) {
      UserRef user = new UserRef.Known(u);
      Set<String> seen = new HashSet<>();
      for (int i : train.row(u).indices()) {
        seen.add(train.itemId(i));
      }
      Set<String> want = new HashSet<>(items(exact.recommend(user, 10, seen)));
      List<String> got = items(approximate.recommend(user, 10, seen));
      assertThat(got).hasSize(10).doesNotHaveDuplicates().doesNotContainAnyElementsOf(seen);
      got.retainAll(want);
      shared += got.size();
      List<String> gotLoaded = items(loaded.recommend(user, 10, seen));
      gotLoaded.retainAll(want);
      sharedLoaded += gotLoaded.size();
      total += 10;
    }
    double overlap = (double) shared / total;
    System.out.printf("ALS HNSW top-10 overlap with exact top-10: %.3f over %d users%n", overlap, total / 10);
    assertThat(overlap).isGreaterThanOrEqualTo(0.9);
    assertThat((double) sharedLoaded / total).isGreaterThanOrEqualTo(0.9);
  }

  private static List<String> items(List<ScoredItem> list) {
    return new ArrayList<>(list.stream().map(ScoredItem::item).toList());
  }

  @Test
  void everySettingChangesTheDigest() {
    Interactions train = Interactions.of(HeldOutRecallTest.DATA.train(), InteractionWeights.DEFAULT);
    AlsRecommender.Settings s = new AlsRecommender.Settings(4, 0.1, 10, 2, 3, 7, 50_000, 16, 200);
    List<AlsRecommender.Settings> variants = List.of(s,
        new AlsRecommender.Settings(5, 0.1, 10, 2, 3, 7, 50_000, 16, 200),
        new AlsRecommender.Settings(4, 0.2, 10, 2, 3, 7, 50_000, 16, 200),
        new AlsRecommender.Settings(4, 0.1, 11, 2, 3, 7, 50_000, 16, 200),
        new AlsRecommender.Settings(4, 0.1, 10, 3, 3, 7, 50_000, 16, 200),
        new AlsRecommender.Settings(4, 0.1, 10, 2, 4, 7, 50_000, 16, 200),
        new AlsRecommender.Settings(4, 0.1, 10, 2, 3, 8, 50_000, 16, 200),
        new AlsRecommender.Settings(4, 0.1, 10, 2, 3, 7, 50_001, 16, 200),
        new AlsRecommender.Settings(4, 0.1, 10, 2, 3, 7, 50_000, 17, 200),
        new AlsRecommender.Settings(4, 0.1, 10, 2, 3, 7, 50_000, 16, 201));
    Set<String> digests = new HashSet<>();
    for (AlsRecommender.Settings v : variants) {
      digests.add(new AlsRecommender(HeldOutRecallTest.CLOCK, v).train(train).settingsDigest());
    }
    assertThat(digests).hasSize(variants.size());
    assertThat(new AlsRecommender(HeldOutRecallTest.CLOCK, s).settings().canonical()).isEqualTo("recommender=als\n"
        + "alpha=10.0\nann-above-items=50000\nann-ef=200\nann-m=16\ncg-steps=3\nfactors=4\niterations=2\n"
        + "lambda=0.1\nseed=7\n");
  }

  @Test
  void validatesSettings() {
    assertThatThrownBy(() -> new AlsRecommender.Settings(0, 0.1, 10, 2, 3, 7, 1, 16, 200))
        .hasMessageContaining("factors");
    assertThatThrownBy(() -> new AlsRecommender.Settings(4, 0, 10, 2, 3, 7, 1, 16, 200))
        .hasMessageContaining("lambda");
    assertThatThrownBy(() -> new AlsRecommender.Settings(4, 0.1, -1, 2, 3, 7, 1, 16, 200))
        .hasMessageContaining("alpha");
    assertThatThrownBy(() -> new AlsRecommender.Settings(4, 0.1, 10, 2, 0, 7, 1, 16, 200))
        .hasMessageContaining("cgSteps");
    assertThatThrownBy(() -> new AlsRecommender.Settings(4, 0.1, 10, 2, 3, 7, 1, 1, 200))
        .hasMessageContaining("annM");
  }
}
