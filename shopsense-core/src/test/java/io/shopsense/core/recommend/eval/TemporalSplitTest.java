package io.shopsense.core.recommend.eval;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import static io.shopsense.core.recommend.InteractionKind.CART;
import static io.shopsense.core.recommend.InteractionKind.PURCHASE;
import static io.shopsense.core.recommend.InteractionKind.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemporalSplitTest {

  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void anEventAtExactlyTIsTestAndOneMillisecondBeforeIsTrain() {
    Interaction before = event("ann", "a", T.minusMillis(1), PURCHASE);
    Interaction at = event("ann", "b", T, PURCHASE);
    Split split = TemporalSplit.split(List.of(at, before), SplitOptions.at(T));
    assertThat(split.train()).containsExactly(before);
    assertThat(split.test()).containsExactly(at);
    assertThat(split.truth()).containsOnlyKeys("ann");
    assertThat(split.truth().get("ann")).containsExactly("b");
    assertThat(split.trainItems().get("ann")).containsExactly("a");
  }

  @Test
  void warmOnlyDropsUsersWithoutTrainHistoryButReportsThem() {
    List<Interaction> events = List.of(
        event("ann", "a", T.minusSeconds(60), VIEW),
        event("ann", "b", T.plusSeconds(60), PURCHASE),
        event("bob", "a", T.plusSeconds(60), PURCHASE));
    Split warm = TemporalSplit.split(events, SplitOptions.at(T));
    assertThat(warm.truth()).containsOnlyKeys("ann");
    assertThat(warm.coldUsers()).containsExactly("bob");

    Split all = TemporalSplit.split(events, SplitOptions.at(T).withUsers(UserScope.ALL));
    assertThat(all.truth()).containsOnlyKeys("ann", "bob");
    assertThat(all.truth().get("bob")).containsExactly("a");
    assertThat(all.coldUsers()).containsExactly("bob");
    assertThat(all.truthPairs()).isEqualTo(2);
  }

  @Test
  void truthIsPurchasesOnlyUnlessConfiguredAndKeepsEveryKindInTest() {
    List<Interaction> events = List.of(
        event("ann", "a", T.minusSeconds(1), VIEW),
        event("ann", "b", T.plusSeconds(1), VIEW),
        event("ann", "c", T.plusSeconds(2), CART),
        event("ann", "d", T.plusSeconds(3), PURCHASE),
        event("ann", "d", T.plusSeconds(4), PURCHASE));
    Split purchases = TemporalSplit.split(events, SplitOptions.at(T));
    assertThat(purchases.truth().get("ann")).containsExactly("d");
    assertThat(purchases.test()).hasSize(4);

    Split cartOrBuy = TemporalSplit.split(events, SplitOptions.at(T).withTruthKinds(EnumSet.of(CART, PURCHASE)));
    assertThat(cartOrBuy.truth().get("ann")).containsExactly("c", "d");
  }

  @Test
  void aUserWithOnlyViewsAfterTHasNoTruth() {
    List<Interaction> events = List.of(
        event("ann", "a", T.minusSeconds(1), PURCHASE),
        event("ann", "b", T.plusSeconds(1), VIEW));
    assertThat(TemporalSplit.split(events, SplitOptions.at(T)).truth()).isEmpty();
  }

  @Test
  void itemsUnseenInTrainAreReportedAndOptionallyRemoved() {
    List<Interaction> events = List.of(
        event("ann", "a", T.minusSeconds(1), VIEW),
        event("bob", "b", T.minusSeconds(1), VIEW),
        event("ann", "b", T.plusSeconds(1), PURCHASE),
        event("ann", "new1", T.plusSeconds(1), PURCHASE),
        event("bob", "new2", T.plusSeconds(1), PURCHASE));
    Split kept = TemporalSplit.split(events, SplitOptions.at(T));
    assertThat(kept.coldItems()).containsExactly("new1", "new2");
    assertThat(kept.coldItemPairs()).isEqualTo(2);
    assertThat(kept.truth().get("ann")).containsExactly("b", "new1");
    assertThat(kept.truth().get("bob")).containsExactly("new2");

    Split known = TemporalSplit.split(events, SplitOptions.at(T).withColdItemsInTruth(false));
    assertThat(known.coldItems()).containsExactly("new1", "new2");
    assertThat(known.truth().get("ann")).containsExactly("b");
    // bob's only truth was a new item: nothing left to measure
    assertThat(known.truth()).containsOnlyKeys("ann");
  }

  @Test
  void optionsRejectAnEmptyTruthKindSet() {
    assertThatThrownBy(() -> SplitOptions.at(T).withTruthKinds(Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Interaction event(String user, String item, Instant at, InteractionKind kind) {
    return new Interaction(user, item, kind, 1, at);
  }
}
