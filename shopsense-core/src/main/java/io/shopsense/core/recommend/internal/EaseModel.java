package io.shopsense.core.recommend.internal;

import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.Reason;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EASE^R (Steck 2019): the item-item weights in closed form, {@code P = (XᵀX + λI)⁻¹},
 * {@code B = I − P·diag(1/diag(P))}, i.e. {@code B_ij = −P_ij / P_jj} and a zero diagonal (an item never explains
 * itself). A user's scores are {@code x_u B}; the reason for {@code j} is the item {@code i} with the largest
 * {@code x_ui B_ij}. B is dense n × n, hence the item limit in {@code EaseRecommender}.
 */
public final class EaseModel extends ModelBase {
  public static final String NAME = "ease";
  /** B row-major: B[i * n + j]. */
  private final double[] weights;

  private EaseModel(String digest, Instant trainedAt, Interactions data, double[] weights) {
    super(NAME, digest, trainedAt, data);
    this.weights = weights;
  }

  /** Solves for B; {@code XᵀX + λI} is symmetric positive definite for λ > 0, so Cholesky inverts it. */
  public static EaseModel train(String digest, Instant trainedAt, Interactions data, double lambda) {
    int n = data.itemCount();
    if (n == 0) {
      return new EaseModel(digest, trainedAt, data, new double[0]);
    }
    DMatrixRMaj gram = new DMatrixRMaj(n, n);
    double[] g = gram.data;
    for (int u = 0; u < data.userCount(); u++) {
      Interactions.Row row = data.row(u);
      for (int a = 0; a < row.size(); a++) {
        int i = row.indices()[a];
        double xi = row.values()[a];
        for (int b = 0; b < row.size(); b++) {
          g[i * n + row.indices()[b]] += xi * row.values()[b];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      g[i * n + i] += lambda;
    }
    LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(n);
    if (!cholesky.setA(gram)) {
      throw new IllegalStateException("XᵀX + λI is not positive definite (λ = " + lambda + ")");
    }
    DMatrixRMaj p = new DMatrixRMaj(n, n);
    cholesky.invert(p);
    double[] b = p.data;
    // B_ij = -P_ij / P_jj, in place over P's storage
    double[] diagonal = new double[n];
    for (int j = 0; j < n; j++) {
      diagonal[j] = b[j * n + j];
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i * n + j] = i == j ? 0 : -b[i * n + j] / diagonal[j];
      }
    }
    return new EaseModel(digest, trainedAt, data, b);
  }

  /** {@code B_ij}. */
  public double weight(int i, int j) {
    return weights[i * data.itemCount() + j];
  }

  @Override
  double[] personalScores(int user) {
    int n = data.itemCount();
    double[] scores = new double[n];
    Interactions.Row row = data.row(user);
    for (int r = 0; r < row.size(); r++) {
      int offset = row.indices()[r] * n;
      double x = row.values()[r];
      for (int j = 0; j < n; j++) {
        scores[j] += x * weights[offset + j];
      }
    }
    return scores;
  }

  @Override
  Reason reason(int user, int item) {
    return strongestBecause(user, item, this::weight);
  }

  @Override
  void writeParameters(DataOutput out) throws IOException {
    for (double w : weights) {
      out.writeDouble(w);
    }
  }

  static EaseModel read(String digest, Instant trainedAt, Interactions data, DataInput in) throws IOException {
    double[] weights = new double[data.itemCount() * data.itemCount()];
    for (int k = 0; k < weights.length; k++) {
      weights[k] = in.readDouble();
    }
    return new EaseModel(digest, trainedAt, data, weights);
  }
}
