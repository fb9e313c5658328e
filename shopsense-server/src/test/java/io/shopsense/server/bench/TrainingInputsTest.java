package io.shopsense.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the training bench shapes records into sessions and baskets. */
class TrainingInputsTest {
  private static final Instant T = Instant.parse("2026-10-01T10:00:00Z");

  private static Interaction at(String user, String item, InteractionKind kind, long minutes) {
    return new Interaction(user, item, kind, 1, T.plusSeconds(minutes * 60));
  }

  @Test
  void aGapOfMoreThanThirtyMinutesStartsANewSessionOfTheSamePerson() {
    List<Interaction> records = List.of(
        at("ann", "a", InteractionKind.VIEW, 0),
        at("bob", "b", InteractionKind.VIEW, 5),
        at("ann", "c", InteractionKind.VIEW, 30), // exactly 30 minutes: same session
        at("ann", "d", InteractionKind.CART, 61)); // 31 minutes later: a new one

    List<Interaction> sessions = TrainingInputs.sessions(records);

    assertThat(sessions).extracting(Interaction::user, Interaction::item)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ann#0", "a"),
            org.assertj.core.groups.Tuple.tuple("ann#0", "c"),
            org.assertj.core.groups.Tuple.tuple("ann#1", "d"),
            org.assertj.core.groups.Tuple.tuple("bob#0", "b"));
    assertThat(sessions.get(2).kind()).isEqualTo(InteractionKind.CART);
  }

  @Test
  void aBasketIsThePurchasesOfOnePersonAtOneInstant() {
    List<Interaction> records = List.of(
        at("ann", "a", InteractionKind.PURCHASE, 0),
        at("ann", "b", InteractionKind.PURCHASE, 0),
        at("ann", "a", InteractionKind.PURCHASE, 0), // a second line of the same item counts once
        at("ann", "c", InteractionKind.VIEW, 0), // not bought
        at("bob", "c", InteractionKind.PURCHASE, 0), // someone else's order
        at("ann", "c", InteractionKind.PURCHASE, 90)); // a later order

    assertThat(TrainingInputs.baskets(records)).containsExactly(Set.of("a", "b"), Set.of("c"), Set.of("c"));
  }

  @Test
  void trainingHappensAtTheNewestRecord() {
    assertThat(TrainingInputs.newest(List.of(at("a", "x", InteractionKind.VIEW, 3),
        at("b", "y", InteractionKind.VIEW, 9), at("c", "z", InteractionKind.VIEW, 1)))).isEqualTo(T.plusSeconds(540));
  }
}
