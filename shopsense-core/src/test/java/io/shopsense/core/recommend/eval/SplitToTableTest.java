package io.shopsense.core.recommend.eval;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import static io.shopsense.core.recommend.InteractionKind.PURCHASE;
import static io.shopsense.core.recommend.InteractionKind.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

/** The whole path a harness takes: split, a model trained on the train half, evaluation, table. */
class SplitToTableTest {

  private static final Instant T = Instant.parse("2026-03-10T00:00:00Z");
  private static final List<String> CATALOG = List.of("a", "b", "c", "d", "e");
  private static final Map<String, String> CATEGORY = Map.of("a", "X", "b", "X", "c", "Y", "d", "Y", "e", "Z");
  private static final ToDoubleBiFunction<String, String> SAME_CATEGORY =
      (x, y) -> CATEGORY.get(x).equals(CATEGORY.get(y)) ? 1 : 0;

  private static final List<Interaction> EVENTS = List.of(
      event("u1", "a", -3, VIEW), event("u1", "b", -2, PURCHASE),
      event("u2", "a", -3, PURCHASE), event("u2", "c", -1, VIEW),
      event("u3", "a", -1, VIEW),
      event("u4", "d", -1, VIEW),
      event("u1", "c", 1, PURCHASE), event("u1", "e", 2, PURCHASE),
      event("u2", "b", 1, PURCHASE),
      event("u3", "b", 1, VIEW), event("u3", "d", 2, PURCHASE),
      event("u4", "b", 1, VIEW),
      event("u5", "a", 1, PURCHASE));

  @Test
  void aPopularityModelMeasuredFromSplitToTable() {
    Split split = TemporalSplit.split(EVENTS, SplitOptions.at(T));
    // u4 only viewed after T, u5 is new: three users to measure; e was never seen before T
    assertThat(split.truth()).containsOnlyKeys("u1", "u2", "u3");
    assertThat(split.coldUsers()).containsExactly("u5");
    assertThat(split.coldItems()).containsExactly("e");
    assertThat(split.coldItemPairs()).isEqualTo(1);

    // the model: train counts a 3, b 1, c 1, d 1, e 0, ranked by count then id -> a b c d e
    ItemPopularity trained = ItemPopularity.of(split.train(), CATALOG);
    List<String> byPopularity = CATALOG.stream()
        .sorted(Comparator.comparingInt(trained::count).reversed().thenComparing(Comparator.naturalOrder()))
        .toList();
    assertThat(byPopularity).containsExactly("a", "b", "c", "d", "e");

    OfflineEvaluator evaluator = new OfflineEvaluator(split, CATALOG, SAME_CATEGORY,
        new EvaluationSettings(2, 2, 2, true));
    EvaluationReport report = evaluator.evaluate(user -> byPopularity);

    // u1 (had a b) [c d e], truth {c e}: recall 1/2, NDCG 1/(1 + 1/log2 3), RR 1
    // u2 (had a c) [b d e], truth {b}: 1, 1, 1
    // u3 (had a)   [b c d e], truth {d}: 0, 0, 1/3
    assertThat(report.users()).isEqualTo(3);
    assertThat(report.recall()).isCloseTo(0.5, within(1e-12));
    assertThat(report.hitRate()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(report.ndcg()).isCloseTo((1 / (1 + Math.log(2) / Math.log(3)) + 1) / 3, within(1e-12));
    assertThat(report.mrr()).isCloseTo(7.0 / 9, within(1e-12));
    // lists c d | b d | b c: three of five items shown
    assertThat(report.coverage()).isCloseTo(0.6, within(1e-12));
    // c d same category, b d and b c not
    assertThat(report.diversity()).isCloseTo(2.0 / 3, within(1e-12));
    // head {a b c} (5 of 6 interactions >= 80%): d is the only tail item shown, in two lists of two
    assertThat(report.longTailShare()).isCloseTo(1.0 / 3, within(1e-12));
    // every shown item was seen once: share (1 + 1) / (6 + 5)
    assertThat(report.novelty()).isCloseTo(-Math.log(2.0 / 11) / Math.log(2), within(1e-12));
    // mean count 1 against a catalog mean of 6/5
    assertThat(report.popularityBias()).isCloseTo(1 / 1.2, within(1e-12));

    ResultTable table = new ResultTable(List.of(new ResultRow("popularity", report, Duration.ofMillis(40), 0)));
    assertThat(table.renderMarkdown()).contains(
        "| popularity | 3 | 0.5000 | 0.5377 | 0.7778 | 0.6667 | 0.6000 | 0.6667 | 2.46 | 0.3333 | 0.83"
            + " | 0.0 s | 0 MiB |");
  }

  private static Interaction event(String user, String item, int hoursFromT, InteractionKind kind) {
    return new Interaction(user, item, kind, 1, T.plusSeconds(3600L * hoursFromT));
  }
}
