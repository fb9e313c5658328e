package io.shopsense.core.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConjugateGradientAlsTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * f = 1, x = (1, 2), y = (0.5, −1), α = 2, λ = 0.5; u0 viewed i0 (w 1, c 3), u1 carted i1 (w 3, c 7).
   * Predictions s00 .5, s01 −1, s10 1, s11 −2: 3·(1 − .5)² + 1 + 1 + 7·(1 + 2)² = 65.75, plus λ·(1 + 4 + .25 + 1)
   * = 3.125, so 68.875.
   */
  @Test
  void theObjectiveMatchesAHandComputation() {
    Interactions data = Interactions.of(List.of(new Interaction("u0", "i0", InteractionKind.VIEW, 1, T0),
        new Interaction("u1", "i1", InteractionKind.CART, 1, T0)), InteractionWeights.DEFAULT);
    Interactions.Row[] rows = {data.row(0), data.row(1)};
    double loss = ConjugateGradientAls.loss(new float[] {1, 2}, new float[] {0.5f, -1}, rows, 1, 0.5, 2);
    assertThat(loss).isCloseTo(68.875, within(1e-9));
  }

  /**
   * With enough CG steps each half-step solves its rows exactly, so after training the item factors satisfy their
   * normal equations {@code (XᵀC_iX + λI) y_i = XᵀC_i p_i} for the final user factors.
   */
  @Test
  void enoughStepsSolveTheNormalEquations() {
    Random random = new Random(3);
    List<Interaction> records = new ArrayList<>();
    for (int u = 0; u < 60; u++) {
      for (int k = 0; k < 6; k++) {
        InteractionKind kind = random.nextBoolean() ? InteractionKind.VIEW : InteractionKind.PURCHASE;
        records.add(new Interaction("u" + u, "i" + random.nextInt(25), kind, 1, T0));
      }
    }
    Interactions data = Interactions.of(records, InteractionWeights.DEFAULT);
    int f = 4;
    double lambda = 0.3;
    double alpha = 2;
    ConjugateGradientAls.Factors factors = ConjugateGradientAls.train(data, f, lambda, alpha, 3, 3 * f, 11);
    float[] x = factors.users();
    float[] y = factors.items();
    for (int i = 0; i < data.itemCount(); i++) {
      double[] a = ConjugateGradientAls.gram(x, f);
      double[] b = new double[f];
      Interactions.Row column = data.column(i);
      for (int n = 0; n < column.size(); n++) {
        int base = column.indices()[n] * f;
        double c = 1 + alpha * column.values()[n];
        for (int p = 0; p < f; p++) {
          b[p] += c * x[base + p];
          for (int q = 0; q < f; q++) {
            a[p * f + q] += (c - 1) * x[base + p] * x[base + q];
          }
        }
      }
      double residual = 0;
      double norm = 0;
      for (int p = 0; p < f; p++) {
        double ay = lambda * y[i * f + p];
        for (int q = 0; q < f; q++) {
          ay += a[p * f + q] * y[i * f + q];
        }
        residual += (ay - b[p]) * (ay - b[p]);
        norm += b[p] * b[p];
      }
      assertThat(Math.sqrt(residual / norm)).as("relative residual of item %d", i).isLessThan(1e-4);
    }
  }
}
