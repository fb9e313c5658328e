package io.shopsense.core.recommend;

import static io.shopsense.core.recommend.InteractionKind.CART;
import static io.shopsense.core.recommend.InteractionKind.PURCHASE;
import static io.shopsense.core.recommend.InteractionKind.REFUND;
import static io.shopsense.core.recommend.InteractionKind.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InteractionsTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static Interaction rec(String user, String item, InteractionKind kind, double quantity, Instant time) {
    return new Interaction(user, item, kind, quantity, time);
  }

  @Test
  void sumsWeightedKindsAndDropsCellsThatRefundsBringToZeroOrBelow() {
    Interactions m = Interactions.of(List.of(
        rec("bob", "p2", PURCHASE, 2, T0), rec("bob", "p2", REFUND, 1, T0),   // 10 - 5 = 5
        rec("alice", "p1", VIEW, 1, T0), rec("alice", "p1", CART, 1, T0),     // 1 + 3 = 4
        rec("alice", "p2", PURCHASE, 2, T0), rec("alice", "p2", REFUND, 2, T0), // 10 - 10 = 0: dropped
        rec("carol", "p3", REFUND, 1, T0)), InteractionWeights.DEFAULT);      // -5: dropped, carol and p3 too

    assertThat(m.userCount()).isEqualTo(2);
    assertThat(m.itemIds()).containsExactly("p1", "p2");
    assertThat(m.userId(0)).isEqualTo("alice");
    assertThat(m.userIndex("carol")).isEmpty();
    assertThat(m.itemIndex("p3")).isEmpty();
    assertThat(m.cellCount()).isEqualTo(2);
    assertThat(m.get(0, 0)).isEqualTo(4.0);
    assertThat(m.get(0, 1)).isEqualTo(0.0);
    assertThat(m.get(1, 1)).isEqualTo(5.0);
    assertThat(m.columnSums()).containsExactly(4.0, 5.0);
  }

  @Test
  void usesConfiguredWeights() {
    InteractionWeights w = new InteractionWeights(0.5, 2, 10, 4);
    Interactions m = Interactions.of(List.of(rec("u", "i", VIEW, 2, T0), rec("u", "i", CART, 1, T0),
        rec("u", "i", PURCHASE, 1, T0), rec("u", "i", REFUND, 1, T0)), w);
    assertThat(m.get(0, 0)).isEqualTo(0.5 * 2 + 2 + 10 - 4);
  }

  @Test
  void rejectsWeightsOutOfOrderOrNegative() {
    assertThatThrownBy(() -> new InteractionWeights(3, 1, 5, 5)).hasMessageContaining("view <= cart <= purchase");
    assertThatThrownBy(() -> new InteractionWeights(1, 3, 5, -1)).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new Interaction("u", "i", VIEW, 0, T0)).hasMessageContaining("quantity");
  }

  @Test
  void decaysByHalfPerHalfLifeAndNeverInflatesFutureRecords() {
    TimeDecay decay = new TimeDecay(Duration.ofDays(1), T0.plus(Duration.ofDays(2)));
    Interactions m = Interactions.of(List.of(
        rec("u", "old", PURCHASE, 1, T0),                          // two half-lives: 5 / 4
        rec("u", "mid", PURCHASE, 1, T0.plus(Duration.ofDays(1))), // one: 5 / 2
        rec("u", "now", PURCHASE, 1, T0.plus(Duration.ofDays(2))), // none: 5
        rec("u", "late", PURCHASE, 1, T0.plus(Duration.ofDays(3))), // after the reference: 5, not 10
        rec("u", "hours", VIEW, 1, T0.plus(Duration.ofHours(36)))), // half a half-life: 1 / sqrt(2)
        InteractionWeights.DEFAULT, Optional.of(decay));
    assertThat(m.itemIds()).containsExactly("hours", "late", "mid", "now", "old");
    assertThat(m.row(0).values()).containsExactly(new double[] {1 / Math.sqrt(2), 5, 2.5, 5, 1.25}, within(1e-12));
  }

  @Test
  void rowsAndColumnsAgreeAndRecordOrderDoesNotMatter() {
    Random random = new Random(7);
    List<Interaction> records = new ArrayList<>();
    for (int k = 0; k < 500; k++) {
      records.add(rec("u" + random.nextInt(40), "i" + random.nextInt(30),
          InteractionKind.values()[random.nextInt(3)], 1 + random.nextInt(3), T0.plusSeconds(k)));
    }
    Interactions m = Interactions.of(records, InteractionWeights.DEFAULT);
    List<Interaction> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(8));
    Interactions again = Interactions.of(shuffled, InteractionWeights.DEFAULT);

    int cells = 0;
    for (int i = 0; i < m.itemCount(); i++) {
      Interactions.Row column = m.column(i);
      for (int c = 0; c < column.size(); c++) {
        assertThat(m.get(column.indices()[c], i)).isEqualTo(column.values()[c]);
        cells++;
      }
    }
    assertThat(cells).isEqualTo(m.cellCount());
    for (int u = 0; u < m.userCount(); u++) {
      assertThat(again.userId(u)).isEqualTo(m.userId(u));
      assertThat(again.row(u).indices()).containsExactly(m.row(u).indices());
      assertThat(again.row(u).values()).containsExactly(m.row(u).values(), within(1e-9));
    }
  }

  @Test
  void roundTripsThroughBytes() throws Exception {
    Interactions m = Interactions.of(List.of(rec("a", "x", VIEW, 1, T0), rec("b", "x", CART, 1, T0),
        rec("b", "y", PURCHASE, 2, T0)), InteractionWeights.DEFAULT,
        Optional.of(new TimeDecay(Duration.ofDays(7), T0)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    m.writeTo(new DataOutputStream(bytes));
    Interactions back = Interactions.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(back.weighting()).isEqualTo(m.weighting()).contains("decay.half-life=PT168H");
    assertThat(back.itemIds()).isEqualTo(m.itemIds());
    assertThat(back.column(0).values()).containsExactly(1, 3);
    assertThat(back.row(1).values()).containsExactly(3, 10);
  }
}
