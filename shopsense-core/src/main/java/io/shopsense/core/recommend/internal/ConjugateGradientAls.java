package io.shopsense.core.recommend.internal;

import io.shopsense.core.recommend.Interactions;
import java.util.Random;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

/**
 * Implicit-feedback ALS (Hu, Koren, Volinsky 2008) solved per row with a few conjugate-gradient steps (Takács, Pilászy,
 * Tikk 2011) instead of a Cholesky solve. Every cell of the user × item matrix has preference {@code p = 1} when the
 * cell is stored, else 0, and confidence {@code c = 1 + α·w} (1 for absent cells). The objective is
 * {@code Σ_ui c_ui (p_ui − x_u·y_i)² + λ (Σ_u ‖x_u‖² + Σ_i ‖y_i‖²)}.
 *
 * <p>A half-step fixes Y and moves each {@code x_u} towards the minimiser of its quadratic
 * {@code (YᵀY + Yᵀ(C_u − I)Y + λI) x = Yᵀ C_u p_u}; CG is warm-started from the current {@code x_u}, and each CG step
 * lowers that quadratic, so the objective never rises. {@code YᵀY} is shared by all rows, so a row costs
 * {@code O(steps · (f² + n_u f))}, not {@code O(f³)}. Rows are independent, so they run in parallel with results that do
 * not depend on the thread schedule.
 */
final class ConjugateGradientAls {
  private ConjugateGradientAls() {
  }

  /** Learnt factors, row-major: {@code users[u * f + k]}, {@code items[i * f + k]}. */
  record Factors(int f, float[] users, float[] items) {
  }

  /** Trains the factors without computing the objective. */
  static Factors train(Interactions data, int f, double lambda, double alpha, int iterations, int cgSteps,
      long seed) {
    return train(data, f, lambda, alpha, iterations, cgSteps, seed, loss -> { }, false);
  }

  /**
   * Trains the factors; {@code afterIteration} receives the objective after each full iteration (users then items),
   * for monitoring and tests (it costs one pass over the matrix per iteration).
   */
  static Factors train(Interactions data, int f, double lambda, double alpha, int iterations, int cgSteps, long seed,
      DoubleConsumer afterIteration) {
    return train(data, f, lambda, alpha, iterations, cgSteps, seed, afterIteration, true);
  }

  private static Factors train(Interactions data, int f, double lambda, double alpha, int iterations, int cgSteps,
      long seed, DoubleConsumer afterIteration, boolean reportLoss) {
    int users = data.userCount();
    int items = data.itemCount();
    // small seeded values: large starts slow convergence, identical ones would keep the factors symmetric
    Random random = new Random(seed);
    float[] x = new float[users * f];
    float[] y = new float[items * f];
    for (int k = 0; k < x.length; k++) {
      x[k] = (float) (random.nextDouble() * 0.01);
    }
    for (int k = 0; k < y.length; k++) {
      y[k] = (float) (random.nextDouble() * 0.01);
    }
    Interactions.Row[] rows = new Interactions.Row[users];
    for (int u = 0; u < users; u++) {
      rows[u] = data.row(u);
    }
    Interactions.Row[] columns = new Interactions.Row[items];
    for (int i = 0; i < items; i++) {
      columns[i] = data.column(i);
    }
    for (int it = 0; it < iterations; it++) {
      halfStep(x, y, rows, f, lambda, alpha, cgSteps);
      halfStep(y, x, columns, f, lambda, alpha, cgSteps);
      if (reportLoss) {
        afterIteration.accept(loss(x, y, rows, f, lambda, alpha));
      }
    }
    return new Factors(f, x, y);
  }

  /** Updates every row of {@code solve} with {@code fixed} held constant. */
  private static void halfStep(float[] solve, float[] fixed, Interactions.Row[] rows, int f, double lambda,
      double alpha, int cgSteps) {
    double[] gram = gram(fixed, f);
    for (int k = 0; k < f; k++) {
      gram[k * f + k] += lambda;
    }
    IntStream.range(0, rows.length).parallel()
        .forEach(r -> solveRow(solve, r, fixed, rows[r], gram, f, alpha, cgSteps));
  }

  /** {@code MᵀM} for the row-major {@code m} with {@code f} columns. */
  static double[] gram(float[] m, int f) {
    double[] g = new double[f * f];
    for (int base = 0; base < m.length; base += f) {
      for (int a = 0; a < f; a++) {
        double va = m[base + a];
        for (int b = a; b < f; b++) {
          g[a * f + b] += va * m[base + b];
        }
      }
    }
    for (int a = 0; a < f; a++) {
      for (int b = 0; b < a; b++) {
        g[a * f + b] = g[b * f + a];
      }
    }
    return g;
  }

  /** CG on {@code A x = b} with {@code A = G + Σ (c − 1) y yᵀ}, {@code b = Σ c y}, warm-started at the current x. */
  private static void solveRow(float[] solve, int r, float[] fixed, Interactions.Row row, double[] gram, int f,
      double alpha, int cgSteps) {
    double[] x = new double[f];
    for (int k = 0; k < f; k++) {
      x[k] = solve[r * f + k];
    }
    int[] idx = row.indices();
    double[] w = row.values();
    // residual r = b − A x
    double[] res = multiply(gram, x, f);
    for (int k = 0; k < f; k++) {
      res[k] = -res[k];
    }
    for (int n = 0; n < idx.length; n++) {
      double c = 1 + alpha * w[n];
      int base = idx[n] * f;
      double dot = dot(fixed, base, x, f);
      double coefficient = c - (c - 1) * dot;
      for (int k = 0; k < f; k++) {
        res[k] += coefficient * fixed[base + k];
      }
    }
    double[] p = res.clone();
    double rsOld = dot(res, res);
    for (int step = 0; step < cgSteps && rsOld > 1e-20; step++) {
      double[] ap = multiply(gram, p, f);
      for (int n = 0; n < idx.length; n++) {
        double c = 1 + alpha * w[n];
        int base = idx[n] * f;
        double coefficient = (c - 1) * dot(fixed, base, p, f);
        for (int k = 0; k < f; k++) {
          ap[k] += coefficient * fixed[base + k];
        }
      }
      double stepSize = rsOld / dot(p, ap);
      for (int k = 0; k < f; k++) {
        x[k] += stepSize * p[k];
        res[k] -= stepSize * ap[k];
      }
      double rsNew = dot(res, res);
      for (int k = 0; k < f; k++) {
        p[k] = res[k] + rsNew / rsOld * p[k];
      }
      rsOld = rsNew;
    }
    for (int k = 0; k < f; k++) {
      solve[r * f + k] = (float) x[k];
    }
  }

  /**
   * The objective, without touching the absent cells one by one: {@code Σ_u x_uᵀ (YᵀY) x_u} counts every cell as
   * absent ({@code (0 − s)²}); each stored cell then swaps its {@code s²} for {@code c (1 − s)²}.
   */
  static double loss(float[] x, float[] y, Interactions.Row[] rows, int f, double lambda, double alpha) {
    double[] gram = gram(y, f);
    double total = 0;
    double[] xu = new double[f];
    for (int u = 0; u < rows.length; u++) {
      for (int k = 0; k < f; k++) {
        xu[k] = x[u * f + k];
      }
      total += dot(xu, multiply(gram, xu, f));
      for (int n = 0; n < rows[u].size(); n++) {
        double s = dot(y, rows[u].indices()[n] * f, xu, f);
        double c = 1 + alpha * rows[u].values()[n];
        total += c * (1 - s) * (1 - s) - s * s;
      }
    }
    double norms = 0;
    for (float v : x) {
      norms += (double) v * v;
    }
    for (float v : y) {
      norms += (double) v * v;
    }
    return total + lambda * norms;
  }

  private static double[] multiply(double[] m, double[] v, int f) {
    double[] out = new double[f];
    for (int a = 0; a < f; a++) {
      double s = 0;
      for (int b = 0; b < f; b++) {
        s += m[a * f + b] * v[b];
      }
      out[a] = s;
    }
    return out;
  }

  private static double dot(float[] m, int base, double[] v, int f) {
    double s = 0;
    for (int k = 0; k < f; k++) {
      s += m[base + k] * v[k];
    }
    return s;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }
}
