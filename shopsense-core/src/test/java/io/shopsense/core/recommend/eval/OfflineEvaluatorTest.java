package io.shopsense.core.recommend.eval;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

class OfflineEvaluatorTest {

  private static final double EPS = 1e-9;
  private static final List<String> CATALOG = List.of("a", "b", "c", "d", "e", "f");
  private static final Map<String, String> CATEGORY = Map.of("a", "X", "b", "X", "c", "Y", "d", "Y", "e", "Z",
      "f", "Z");
  private static final ToDoubleBiFunction<String, String> SAME_CATEGORY =
      (x, y) -> CATEGORY.get(x).equals(CATEGORY.get(y)) ? 1 : 0;
  private static final EvaluationSettings AT_TWO = new EvaluationSettings(2, 2, 2, true);

  // train: ann a c, bob a b, cat a -> counts a 3, b 1, c 1 (total 5), head {a, b}, catalog mean 5/6
  private static final List<Interaction> TRAIN = List.of(view("ann", "a"), view("ann", "c"), view("bob", "a"),
      view("bob", "b"), view("cat", "a"));
  private static final Map<String, Set<String>> TRAIN_ITEMS = Map.of("ann", Set.of("a", "c"),
      "bob", Set.of("a", "b"), "cat", Set.of("a"));
  // cat has an empty truth and must be skipped
  private static final Map<String, Set<String>> TRUTH = Map.of("ann", Set.of("b", "e"), "bob", Set.of("c"),
      "cat", Set.of());
  private static final Map<String, List<String>> RANKINGS = Map.of(
      "ann", List.of("a", "b", "b", "zzz", "d", "e", "c"),
      "bob", List.of("a", "c", "d"),
      "cat", List.of("b"));

  @Test
  void everyMetricOfATinyEvaluationByHand() {
    EvaluationReport report = evaluator(AT_TWO).evaluate(RANKINGS::get);
    // cleaned: ann [b d e] (a, c were in train; the second b and the unknown zzz dropped), bob [c d]
    assertThat(report.users()).isEqualTo(2);
    // ann 1/2, bob 1/1
    assertThat(report.recall()).isCloseTo(0.75, within(EPS));
    assertThat(report.hitRate()).isCloseTo(1.0, within(EPS));
    // ann: DCG 1, IDCG 1 + 1/log2(3) -> 0.6131; bob 1
    assertThat(report.ndcg()).isCloseTo((1 + 1 / (1 + 1 / log2(3))) / 2, within(EPS));
    assertThat(report.ndcg()).isCloseTo(0.8065736, within(1e-7));
    assertThat(report.mrr()).isCloseTo(1.0, within(EPS));
    // shown: b d c of six items
    assertThat(report.coverage()).isCloseTo(0.5, within(EPS));
    // ann b|d different categories -> 1; bob c|d same -> 0
    assertThat(report.diversity()).isCloseTo(0.5, within(EPS));
    // both lists hold one item seen once and one never seen: shares 2/11 and 1/11
    assertThat(report.novelty()).isCloseTo((-log2(2.0 / 11) - log2(1.0 / 11)) / 2, within(EPS));
    assertThat(report.novelty()).isCloseTo(2.9594316, within(1e-7));
    // ann: b head, d tail -> 1/2; bob: c and d tail -> 1
    assertThat(report.longTailShare()).isCloseTo(0.75, within(EPS));
    // mean count of each list 0.5, catalog mean 5/6
    assertThat(report.popularityBias()).isCloseTo(0.6, within(EPS));
  }

  @Test
  void keepingTrainItemsLetsThemTakeRankingSlots() {
    EvaluationReport report = evaluator(new EvaluationSettings(2, 2, 2, false)).evaluate(RANKINGS::get);
    // ann [a b d e c]: b at 2 -> recall 1/2, NDCG (1/log2 3)/(1 + 1/log2 3), RR 1/2; bob [a c d]: c at 2
    assertThat(report.recall()).isCloseTo((0.5 + 1.0) / 2, within(EPS));
    double one = 1 / log2(3);
    assertThat(report.ndcg()).isCloseTo((one / (1 + one) + one) / 2, within(EPS));
    assertThat(report.mrr()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void aUserWithNoRankingCountsAsZerosButNotInListMetrics() {
    Map<String, List<String>> annOnly = new HashMap<>(RANKINGS);
    annOnly.put("bob", List.of());
    EvaluationReport report = evaluator(AT_TWO).evaluate(annOnly::get);
    assertThat(report.users()).isEqualTo(2);
    assertThat(report.recall()).isCloseTo(0.25, within(EPS));
    assertThat(report.hitRate()).isCloseTo(0.5, within(EPS));
    assertThat(report.mrr()).isCloseTo(0.5, within(EPS));
    // list metrics from ann alone
    assertThat(report.diversity()).isCloseTo(1.0, within(EPS));
    assertThat(report.longTailShare()).isCloseTo(0.5, within(EPS));
    assertThat(report.coverage()).isCloseTo(2.0 / 6, within(EPS));
  }

  @Test
  void noUsersGiveNaNRatherThanZero() {
    OfflineEvaluator evaluator = new OfflineEvaluator(Map.of("cat", Set.of()), TRAIN_ITEMS, CATALOG,
        ItemPopularity.of(TRAIN, CATALOG), SAME_CATEGORY, AT_TWO);
    EvaluationReport report = evaluator.evaluate(user -> List.of("a"));
    assertThat(report.users()).isZero();
    assertThat(report.recall()).isNaN();
    assertThat(report.novelty()).isNaN();
    assertThat(report.coverage()).isZero();
  }

  @Test
  void scoresRankTheWholeCatalogWithTiesInIdOrderAndNaNLast() {
    Map<String, Set<String>> truth = Map.of("u1", Set.of("b"), "u2", Set.of("a"), "u3", Set.of("d"));
    List<String> catalog = List.of("d", "c", "b", "a");
    OfflineEvaluator evaluator = new OfflineEvaluator(truth, Map.of(), catalog,
        ItemPopularity.of(List.of(), catalog), (x, y) -> 0, new EvaluationSettings(1, 1, 1, true));
    // u1: d scores 1, the rest tie at 0 -> d a b c: b third
    assertThat(evaluator.evaluateScores((user, item) -> user.equals("u1") && item.equals("d") ? 1 : 0)
        .mrr()).isCloseTo((1.0 / 3 + 1 + 1.0 / 4) / 3, within(EPS));
    // with d NaN for everyone: a b c d -> u1 b second, u2 a first, u3 d last
    assertThat(evaluator.evaluateScores((user, item) -> item.equals("d") ? Double.NaN : 0).mrr())
        .isCloseTo((0.5 + 1 + 0.25) / 3, within(EPS));
  }

  @Test
  void scoresNeverRankTheUsersTrainItems() {
    // ann's train items a and c score highest but are excluded: e, then b, then d, f
    Map<String, Double> score = Map.of("a", 9.0, "c", 8.0, "e", 5.0, "b", 4.0, "d", 3.0, "f", 2.0);
    EvaluationReport report = evaluator(AT_TWO).evaluateScores((user, item) -> score.get(item));
    // ann truth {b, e}: e b -> recall 1, NDCG 1; bob (train a b) truth {c}: c first -> 1
    assertThat(report.recall()).isCloseTo(1.0, within(EPS));
    assertThat(report.ndcg()).isCloseTo(1.0, within(EPS));
    assertThat(report.mrr()).isCloseTo(1.0, within(EPS));
  }

  @Test
  void aPerfectOracleScoresOneAndARandomRankingScoresItsExpectation() {
    Random random = new Random(42);
    List<String> catalog = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      catalog.add(String.format("item%03d", i));
    }
    Map<String, Set<String>> truth = new HashMap<>();
    for (int u = 0; u < 2000; u++) {
      List<String> shuffled = new ArrayList<>(catalog);
      Collections.shuffle(shuffled, random);
      truth.put("user" + u, new TreeSet<>(shuffled.subList(0, 5)));
    }
    OfflineEvaluator evaluator = new OfflineEvaluator(truth, Map.of(), catalog,
        ItemPopularity.of(List.of(), catalog), (x, y) -> 0, new EvaluationSettings(20, 10, 10, true));

    EvaluationReport oracle = evaluator.evaluate(user -> {
      Set<String> ranking = new LinkedHashSet<>(truth.get(user));
      ranking.addAll(catalog);
      return new ArrayList<>(ranking);
    });
    assertThat(oracle.users()).isEqualTo(2000);
    assertThat(oracle.recall()).isEqualTo(1.0);
    assertThat(oracle.ndcg()).isCloseTo(1.0, within(EPS));
    assertThat(oracle.mrr()).isEqualTo(1.0);

    Random shuffler = new Random(7);
    EvaluationReport uniform = evaluator.evaluate(user -> {
      List<String> ranking = new ArrayList<>(catalog);
      Collections.shuffle(ranking, shuffler);
      return ranking;
    });
    // 5 relevant of 200: recall@20 = 20/200; hit@20 = 1 - C(195,20)/C(200,20) = 0.41283;
    // NDCG@10 = (5/200) sum_{r<=10} 1/log2(r+1) / sum_{r<=5} 1/log2(r+1) = 0.038525;
    // MRR = sum_r P(first relevant at r)/r = 0.096804. Tolerances are about five standard errors.
    assertThat(uniform.recall()).isCloseTo(0.1, within(0.015));
    assertThat(uniform.hitRate()).isCloseTo(0.41283, within(0.06));
    assertThat(uniform.ndcg()).isCloseTo(0.038525, within(0.01));
    assertThat(uniform.mrr()).isCloseTo(0.096804, within(0.02));
    assertThat(uniform.coverage()).isEqualTo(1.0);
    assertThat(oracle.recall() - uniform.recall()).isGreaterThan(0.8);
  }

  private static OfflineEvaluator evaluator(EvaluationSettings settings) {
    return new OfflineEvaluator(TRUTH, TRAIN_ITEMS, CATALOG, ItemPopularity.of(TRAIN, CATALOG), SAME_CATEGORY,
        settings);
  }

  private static Interaction view(String user, String item) {
    return new Interaction(user, item, InteractionKind.VIEW, 1, Instant.EPOCH);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
