package io.shopsense.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.core.recommend.BoughtTogetherModel;
import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.RepeatPurchaseModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each row of the training bench trains. */
class TrainingJobTest {
  private static final Instant T = Instant.parse("2026-10-01T10:00:00Z");

  /** 40 people, each buying two of 12 items together and viewing a third, once a day for three days. */
  private static List<Interaction> shop() {
    List<Interaction> records = new ArrayList<>();
    for (int p = 0; p < 40; p++) {
      for (int day = 0; day < 3; day++) {
        Instant t = T.plusSeconds(86_400L * day + p);
        records.add(new Interaction("u" + p, "i" + p % 12, InteractionKind.PURCHASE, 1, t));
        records.add(new Interaction("u" + p, "i" + (p + 1) % 12, InteractionKind.PURCHASE, 1, t));
        records.add(new Interaction("u" + p, "i" + (p + 5) % 12, InteractionKind.VIEW, 1, t.plusSeconds(60)));
      }
    }
    return records;
  }

  @Test
  void everyRowTrainsWhatItsNameSays() {
    List<Interaction> records = shop();

    for (TrainingJob job : TrainingJob.values()) {
      Object trained = job.prepare(records).get();
      switch (job) {
        case MATRIX -> assertThat(((Interactions) trained).itemCount()).isEqualTo(12);
        case BOUGHT_TOGETHER -> assertThat(trained).isInstanceOf(BoughtTogetherModel.class);
        case REPEAT_PURCHASE -> assertThat(trained).isInstanceOf(RepeatPurchaseModel.class);
        case SESSION_KNN -> assertThat(((RecommenderModel) trained).interactions().userCount())
            .as("three sessions a person, a day apart").isEqualTo(120);
        default -> assertThat(((RecommenderModel) trained).interactions().userCount()).as(job.label).isEqualTo(40);
      }
    }
  }

  @Test
  void easeIsNotAvailableOverItsItemLimitAndTheHybridLeavesItOut() {
    List<Interaction> records = new ArrayList<>();
    for (int i = 0; i <= 25_000; i++) {
      records.add(new Interaction("u" + i % 100, "i" + i, InteractionKind.VIEW, 1, T));
    }

    assertThatThrownBy(() -> TrainingJob.EASE.prepare(records)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("25001 items > limit 25000");
    assertThat(TrainingJob.hybridMembers(25_001)).isEqualTo("popularity, item-knn, als (ease left out: 25001 items"
        + " > limit)");
    assertThat(TrainingJob.hybridMembers(25_000)).isEqualTo("popularity, item-knn, ease, als");
  }

  @Test
  void anUnknownModelNamesTheKnownOnes() {
    assertThat(TrainingJob.of(" ALS ")).isEqualTo(TrainingJob.ALS);
    assertThatThrownBy(() -> TrainingJob.of("bpr")).hasMessage("unknown model 'bpr': choose from matrix, popularity,"
        + " item-knn, ease, als, session-knn, bought-together, repeat-purchase, hybrid");
  }
}
