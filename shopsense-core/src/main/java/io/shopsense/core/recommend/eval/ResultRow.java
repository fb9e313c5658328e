package io.shopsense.core.recommend.eval;

import java.time.Duration;
import java.util.Objects;

/**
 * One model's line in a {@link ResultTable}. Training time and peak memory are measured by the caller (the
 * evaluator never trains), so that each harness can measure them the way its runtime allows.
 *
 * @param model           the name shown in the table, never blank
 * @param report          the model's metrics
 * @param trainingTime    wall-clock training time, never negative
 * @param peakMemoryBytes peak memory while training in bytes, or a negative number when it was not measured
 */
public record ResultRow(String model, EvaluationReport report, Duration trainingTime, long peakMemoryBytes) {

  public ResultRow {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(trainingTime, "trainingTime");
    if (trainingTime.isNegative()) {
      throw new IllegalArgumentException("trainingTime must not be negative: " + trainingTime);
    }
  }
}
