package io.shopsense.core.recommend.eval;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemPopularityTest {

  @Test
  void headStopsAtExactlyEightyPercentOfTrainInteractions() {
    ItemPopularity popularity = RankingMetricsTest.fivePQRST();
    // p 5 + q 3 = 8 of 10: exactly 80%, so r is not needed
    assertThat(popularity.head()).containsExactlyInAnyOrder("p", "q");
    assertThat(popularity.isLongTail("r")).isTrue();
    assertThat(popularity.isLongTail("t")).isTrue();
    assertThat(popularity.isLongTail("q")).isFalse();
  }

  @Test
  void countsTotalsAndCatalogMean() {
    ItemPopularity popularity = RankingMetricsTest.fivePQRST();
    assertThat(popularity.count("p")).isEqualTo(5);
    assertThat(popularity.count("t")).isZero();
    assertThat(popularity.total()).isEqualTo(10);
    assertThat(popularity.catalogMean()).isCloseTo(2.0, within(1e-12));
    assertThat(popularity.smoothedShare("q")).isCloseTo(4.0 / 15, within(1e-12));
  }

  @Test
  void equalCountsEnterTheHeadInIdOrder() {
    // five items once each: 80% needs four of them, the last id is the tail
    List<Interaction> train = List.of(view("e"), view("d"), view("c"), view("b"), view("a"));
    ItemPopularity popularity = ItemPopularity.of(train, List.of("a", "b", "c", "d", "e"));
    assertThat(popularity.head()).containsExactlyInAnyOrder("a", "b", "c", "d");
  }

  @Test
  void emptyTrainHasAnEmptyHead() {
    ItemPopularity popularity = ItemPopularity.of(List.of(), List.of("a"));
    assertThat(popularity.head()).isEmpty();
    assertThat(popularity.catalogMean()).isZero();
    assertThat(popularity.smoothedShare("a")).isEqualTo(1.0);
  }

  private static Interaction view(String item) {
    return new Interaction("u", item, InteractionKind.VIEW, 1, Instant.EPOCH);
  }
}
