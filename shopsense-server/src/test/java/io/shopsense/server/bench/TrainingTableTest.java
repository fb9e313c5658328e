package io.shopsense.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The result line a model's JVM prints and the table the bench makes of them. */
class TrainingTableTest {

  @Test
  void aResultLineSurvivesTheTripFromTheModelsJvm() {
    TrainingTable.Row row = new TrainingTable.Row("als", 8_440_000_000L, 12_000_000_000L, 203L << 20,
        OptionalLong.of(11L << 20), 2L << 20, "a note\twith a tab");

    String line = row.line();

    assertThat(TrainingTable.Row.isResult(line)).isTrue();
    assertThat(TrainingTable.Row.parse(line)).isEqualTo(new TrainingTable.Row("als", 8_440_000_000L,
        12_000_000_000L, 203L << 20, OptionalLong.of(11L << 20), 2L << 20, "a note with a tab"));
  }

  @Test
  void aTrainingWithoutCollectionsSaysSoInsteadOfZero() {
    TrainingTable.Row row = new TrainingTable.Row("popularity", 70_000_000L, 60_000_000L, 4L << 20,
        OptionalLong.empty(), 0, "");
    TrainingTable table = new TrainingTable();
    table.add(TrainingTable.Row.parse(row.line()));

    assertThat(table.markdown()).contains("| popularity | 0.07 s | 0.06 s | 4 MiB | no GC | 0 MiB |  |");
  }

  @Test
  void aModelThatDoesNotFitIsARowWithItsReason() {
    TrainingTable table = new TrainingTable();
    table.add(TrainingTable.Row.parse(TrainingTable.Row.failed("ease", "n/a, 30000 items > limit 25000").line()));

    assertThat(table.markdown()).contains("| ease | — | — | — | — | — | n/a, 30000 items > limit 25000 |");
    assertThat(TrainingTable.Row.isResult("read 10 records in 0.1 s")).isFalse();
  }
}
