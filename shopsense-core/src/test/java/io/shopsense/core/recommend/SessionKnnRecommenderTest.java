package io.shopsense.core.recommend;

import static io.shopsense.core.recommend.InteractionKind.VIEW;
import static io.shopsense.core.recommend.InteractionsTest.T0;
import static io.shopsense.core.recommend.InteractionsTest.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.core.recommend.internal.SessionKnnModel;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionKnnRecommenderTest {
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  static final Reason POPULAR = Reason.PopularIn.global();

  /** Past sessions, views (weight 1): s1 {a, b}, s2 {b, c}, s3 {a, c, d}, s4 {d, e}. Popularity a b c d 2, e 1. */
  static Interactions sessions() {
    List<Interaction> records = new ArrayList<>();
    String[][] rows = {{"a", "b"}, {"b", "c"}, {"a", "c", "d"}, {"d", "e"}};
    for (int s = 0; s < rows.length; s++) {
      for (String item : rows[s]) {
        records.add(rec("s" + (s + 1), item, VIEW, 1, T0));
      }
    }
    return Interactions.of(records, InteractionWeights.DEFAULT);
  }

  static SessionKnnModel model(int neighbours, int recentItems) {
    return new SessionKnnRecommender(CLOCK, new SessionKnnRecommender.Settings(neighbours, recentItems))
        .train(sessions());
  }

  /**
   * Current session [a, b]: recency a 1/2, b 1, ‖c‖ = √1.25. Cosines: s1 1.5/√2.5, s2 1/√2.5, s3 0.5/√3.75, s4 none.
   * With 2 neighbours (s1, s2): a 1.5/√2.5, b 2.5/√2.5, c 1/√2.5; d and e only by popularity.
   */
  @Test
  void scoresByTheMostSimilarRecencyWeightedSessions() {
    SessionKnnModel model = model(2, 10);
    double s1 = 1.5 / Math.sqrt(2.5);
    double s2 = 1 / Math.sqrt(2.5);
    assertThat(model.scoreSession(List.of("a", "b"))).containsExactly(new double[] {s1, s1 + s2, s2, 0, 0},
        within(1e-12));
    assertThat(model.recommendForSession(List.of("a", "b"), 3, Set.of("a", "b")))
        .extracting(ScoredItem::item, ScoredItem::reason)
        .containsExactly(tuple("c", new Reason.Because("b")), tuple("d", POPULAR), tuple("e", POPULAR));
  }

  /** With 3 neighbours s3 (0.5/√3.75) joins: c gets it too, d gets only it, and only a links d to the session. */
  @Test
  void theReasonIsTheSessionItemThatContributedMost() {
    SessionKnnModel model = model(3, 10);
    double s2 = 1 / Math.sqrt(2.5);
    double s3 = 0.5 / Math.sqrt(3.75);
    List<ScoredItem> items = model.recommendForSession(List.of("a", "b"), 2, Set.of("a", "b"));
    assertThat(items).extracting(ScoredItem::item, ScoredItem::reason)
        .containsExactly(tuple("c", new Reason.Because("b")), tuple("d", new Reason.Because("a")));
    assertThat(items.get(0).score()).isCloseTo(s2 + s3, within(1e-12));
    assertThat(items.get(1).score()).isCloseTo(s3, within(1e-12));
  }

  /**
   * [b, a] makes a the latest (weight 1, b 1/2): s1 1.5/√2.5, s3 1/√3.75 now beats s2 0.5/√2.5, so with 2 neighbours
   * c and d tie at 1/√3.75 (c first by index), both because of a. A repeated item counts at its latest position.
   */
  @Test
  void recentItemsWeighMore() {
    SessionKnnModel model = model(2, 10);
    double s3 = 1 / Math.sqrt(3.75);
    for (List<String> session : List.of(List.of("b", "a"), List.of("a", "b", "a"))) {
      List<ScoredItem> items = model.recommendForSession(session, 2, Set.of("a", "b"));
      assertThat(items).extracting(ScoredItem::item, ScoredItem::reason)
          .containsExactly(tuple("c", new Reason.Because("a")), tuple("d", new Reason.Because("a")));
      assertThat(items.get(0).score()).isCloseTo(s3, within(1e-12));
      assertThat(items.get(1).score()).isCloseTo(s3, within(1e-12));
    }
  }

  /** Only the latest item counts with recentItems 1: [a, b] is [b], cosine 1/√2 with s1 and s2. */
  @Test
  void keepsOnlyTheLatestItemsAndIgnoresUnknownOnes() {
    SessionKnnModel model = model(5, 1);
    double h = 1 / Math.sqrt(2);
    assertThat(model.scoreSession(List.of("a", "b", "zz"))).containsExactly(new double[] {h, 2 * h, h, 0, 0},
        within(1e-12));
    assertThat(model.recommendForSession(List.of("zz"), 2, Set.of())).extracting(ScoredItem::item,
        ScoredItem::reason).containsExactly(tuple("a", POPULAR), tuple("b", POPULAR));
  }

  /** A training session scored as the current one (equal weights) never counts itself as a neighbour. */
  @Test
  void aKnownSessionIsNotItsOwnNeighbour() {
    SessionKnnModel model = model(1, 10);
    // s4 {d, e}: only s3 shares d, cosine 1/(√2·√3); s3 votes for a, c, d
    double sim = 1 / Math.sqrt(6);
    assertThat(model.scoreAll(model.user("s4"))).containsExactly(new double[] {sim, 0, sim, sim, 0},
        within(1e-12));
    assertThat(model.recommend(model.user("s4"), 1, Set.of("d", "e")))
        .extracting(ScoredItem::item, ScoredItem::reason).containsExactly(tuple("a", new Reason.Because("d")));
  }

  /**
   * Each person of the co-bought clusters as one past session: a session scored against the others (never itself)
   * must find its held-out purchase far more often than popularity does.
   */
  @Test
  void beatsPopularityOnCoBoughtClusters() {
    Interactions train = Interactions.of(HeldOutRecallTest.DATA.train(), InteractionWeights.DEFAULT);
    double popularity = HeldOutRecallTest.recallAt10(new PopularityRecommender(CLOCK).train(train));
    SessionKnnModel model = new SessionKnnRecommender(CLOCK, new SessionKnnRecommender.Settings(50, 10))
        .train(train);
    double sessions = HeldOutRecallTest.recallAt10(model);
    System.out.printf("recall@10 on co-bought clusters: popularity %.3f, session-kNN %.3f%n", popularity, sessions);
    assertThat(sessions).as("session-kNN vs popularity %.3f", popularity).isGreaterThan(popularity + 0.3);
  }

  @Test
  void validatesSettings() {
    assertThatThrownBy(() -> new SessionKnnRecommender.Settings(0, 3)).hasMessageContaining("neighbours");
    assertThatThrownBy(() -> new SessionKnnRecommender.Settings(3, 0)).hasMessageContaining("recentItems");
  }
}
