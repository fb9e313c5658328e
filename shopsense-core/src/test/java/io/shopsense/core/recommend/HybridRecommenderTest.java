package io.shopsense.core.recommend;

import static io.shopsense.core.recommend.InteractionKind.VIEW;
import static io.shopsense.core.recommend.InteractionsTest.T0;
import static io.shopsense.core.recommend.InteractionsTest.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.core.recommend.internal.HybridModel;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HybridRecommenderTest {
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  static final ItemKnnRecommender KNN = new ItemKnnRecommender(CLOCK, new ItemKnnRecommender.Settings(10, 0));
  static final PopularityRecommender POP = new PopularityRecommender(CLOCK);

  static HybridRecommender hybrid(double popWeight, double knnWeight) {
    return new HybridRecommender(CLOCK, List.of(new HybridRecommender.Member(POP, popWeight),
        new HybridRecommender.Member(KNN, knnWeight)));
  }

  /**
   * The matrix of {@link ItemKnnRecommenderTest#matrix()}: u0 {a, b}, u1 {a, b, c}, u2 {b, c}, u3 {d}, views.
   * For u2 (unshrunk cosine): item-kNN scores a = sim(b,a) + sim(c,a) = 2/√6 + 1/2, b = sim(c,b) = 2/√6,
   * c = sim(b,c) = 2/√6, d = 0; min-max over the catalog divides by a's score. Popularity (column sums a 2, b 3, c 2,
   * d 1) normalises to a ½, b 1, c ½, d 0.
   */
  @Test
  void blendsMinMaxNormalisedMemberScores() {
    HybridModel model = hybrid(1, 2).train(ItemKnnRecommenderTest.matrix());
    int u2 = model.interactions().userIndex("u2").getAsInt();
    double s = (2 / Math.sqrt(6)) / (2 / Math.sqrt(6) + 0.5);   // 0.62021…
    double[] scores = model.scoreAll(new UserRef.Known(u2));
    assertThat(scores[0]).isCloseTo(0.5 + 2 * 1, within(1e-12));
    assertThat(scores[1]).isCloseTo(1 + 2 * s, within(1e-12));
    assertThat(scores[2]).isCloseTo(0.5 + 2 * s, within(1e-12));
    assertThat(scores[3]).isZero();

    List<ScoredItem> list = model.recommend(new UserRef.Known(u2), 4, Set.of());
    assertThat(list).extracting(ScoredItem::item).containsExactly("a", "b", "c", "d");
    // a: kNN contributes 2 > popularity ½, and u2's strongest kNN contributor to a is b (2/√6 > ½)
    assertThat(list.get(0).reason()).isEqualTo(new Reason.Because("b"));
    // b: kNN 2s = 1.24 > popularity 1; its only kNN contributor is c
    assertThat(list.get(1).reason()).isEqualTo(new Reason.Because("c"));
    assertThat(list.get(2).reason()).isEqualTo(new Reason.Because("b"));
    // d has no blended score: it comes from the popularity fill
    assertThat(list.get(3).reason()).isEqualTo(Reason.PopularIn.global());
    // excluded items are skipped, and the next ones keep their own reasons
    assertThat(model.recommend(new UserRef.Known(u2), 2, Set.of("a"))).extracting(ScoredItem::item, ScoredItem::reason)
        .containsExactly(org.assertj.core.api.Assertions.tuple("b", new Reason.Because("c")),
            org.assertj.core.api.Assertions.tuple("c", new Reason.Because("b")));
  }

  @Test
  void theReasonComesFromTheMemberThatContributedMost() {
    HybridModel model = hybrid(3, 1).train(ItemKnnRecommenderTest.matrix());
    int u2 = model.interactions().userIndex("u2").getAsInt();
    // b: popularity 3 · 1 = 3 beats kNN 1 · 0.62; a: popularity 3 · ½ = 1.5 beats kNN 1 · 1
    List<ScoredItem> list = model.recommend(new UserRef.Known(u2), 2, Set.of());
    assertThat(list).extracting(ScoredItem::item).containsExactly("b", "a");
    assertThat(list).extracting(ScoredItem::reason).containsOnly(Reason.PopularIn.global());
  }

  /** 40 people viewing 3–6 of 15 items at random (seeded). */
  static Interactions randomMatrix() {
    Random random = new Random(7);
    List<Interaction> records = new ArrayList<>();
    for (int u = 0; u < 40; u++) {
      int count = 3 + random.nextInt(4);
      for (int k = 0; k < count; k++) {
        records.add(rec("u" + u, "i" + (char) ('a' + random.nextInt(15)), VIEW, 1, T0.plusSeconds(u * 100 + k)));
      }
    }
    return Interactions.of(records, InteractionWeights.DEFAULT);
  }

  @Test
  void aWeightOfOneOnOneMemberReproducesThatMembersRanking() {
    Interactions matrix = randomMatrix();
    RecommenderModel knn = KNN.train(matrix);
    HybridModel onlyKnn = hybrid(0, 1).train(matrix);
    RecommenderModel pop = POP.train(matrix);
    HybridModel onlyPop = hybrid(1, 0).train(matrix);
    for (int u = 0; u < matrix.userCount(); u++) {
      UserRef user = new UserRef.Known(u);
      assertThat(onlyKnn.recommend(user, 15, Set.of())).extracting(ScoredItem::item)
          .as("user %d", u).containsExactlyElementsOf(ids(knn.recommend(user, 15, Set.of())));
      assertThat(onlyPop.recommend(user, 15, Set.of())).extracting(ScoredItem::item)
          .as("user %d", u).containsExactlyElementsOf(ids(pop.recommend(user, 15, Set.of())));
    }
  }

  private static List<String> ids(List<ScoredItem> items) {
    return items.stream().map(ScoredItem::item).toList();
  }

  @Test
  void unknownUsersGetPopularity() {
    HybridModel model = hybrid(1, 1).train(ItemKnnRecommenderTest.matrix());
    assertThat(model.recommend(UserRef.unknown(), 4, Set.of())).extracting(ScoredItem::item)
        .containsExactly("b", "a", "c", "d");
  }

  @Test
  void roundTripsThroughBytesWithAMemberOnItsOwnMatrix() {
    Interactions matrix = randomMatrix();
    List<Interaction> records = new ArrayList<>();
    for (int u = 0; u < matrix.userCount(); u++) {
      Interactions.Row row = matrix.row(u);
      for (int r = 0; r < row.size(); r++) {
        records.add(rec(matrix.userId(u), matrix.itemId(row.indices()[r]), VIEW, 1, T0.plusSeconds(u * 1000L)));
      }
    }
    Interactions decayed = Interactions.of(records, InteractionWeights.DEFAULT,
        Optional.of(new TimeDecay(Duration.ofHours(1), T0.plusSeconds(40_000))));
    HybridModel model = hybrid(0.4, 0.6).train(matrix, List.of(decayed, matrix));
    byte[] bytes = model.toBytes();
    RecommenderModel back = RecommenderModel.fromBytes(bytes);
    assertThat(back).isInstanceOf(HybridModel.class);
    assertThat(back.recommender()).isEqualTo("hybrid");
    assertThat(back.settingsDigest()).isEqualTo(model.settingsDigest());
    assertThat(back.trainedAt()).isEqualTo(T0);
    assertThat(((HybridModel) back).weights()).containsExactly(0.4, 0.6);
    assertThat(back.toBytes()).isEqualTo(bytes);
    for (int u = 0; u < matrix.userCount(); u++) {
      UserRef user = new UserRef.Known(u);
      assertThat(back.scoreAll(user)).containsExactly(model.scoreAll(user));
      assertThat(back.recommend(user, 5, Set.of())).isEqualTo(model.recommend(user, 5, Set.of()));
    }
    assertThat(hybrid(0.4, 0.6).train(matrix).settingsDigest()).as("another member matrix, another digest")
        .isNotEqualTo(model.settingsDigest());
  }

  @Test
  void theDigestCoversWeightsAndMembers() {
    Interactions matrix = ItemKnnRecommenderTest.matrix();
    String digest = hybrid(1, 2).train(matrix).settingsDigest();
    assertThat(hybrid(1, 2).train(matrix).settingsDigest()).isEqualTo(digest);
    assertThat(hybrid(2, 1).train(matrix).settingsDigest()).isNotEqualTo(digest);
    HybridRecommender otherKnn = new HybridRecommender(CLOCK, List.of(new HybridRecommender.Member(POP, 1),
        new HybridRecommender.Member(new ItemKnnRecommender(CLOCK, new ItemKnnRecommender.Settings(10, 5)), 2)));
    assertThat(otherKnn.train(matrix).settingsDigest()).isNotEqualTo(digest);
  }

  @Test
  void refusesWeightsThatBlendNothing() {
    assertThatThrownBy(() -> hybrid(0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive weight");
    assertThatThrownBy(() -> hybrid(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hybrid(1, 1).withWeights(new double[] {1})).isInstanceOf(IllegalArgumentException.class);
  }
}
