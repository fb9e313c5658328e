package io.shopsense.core.recommend.internal;

import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.UserRef;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Implicit ALS (see {@link ConjugateGradientAls}): a user's score for item {@code i} is {@code x_u · y_i}. Above
 * {@code annAboveItems} items, {@link #recommend} takes its candidates from an HNSW index over the item factors
 * ({@link ItemFactorIndex}) and ranks them by the exact score; {@link #scoreAll} stays exact for offline evaluation.
 * The reason for an item is Hu et al.'s explanation: with {@code W_u = (YᵀC_uY + λI)⁻¹} the score decomposes as
 * {@code Σ_j c_uj · y_iᵀ W_u y_j} over the user's items {@code j}; the item with the largest term is the reason.
 */
public final class AlsModel extends ModelBase {
  public static final String NAME = "als";
  private final Parameters parameters;
  private final float[] users;
  private final float[] items;
  /** {@code YᵀY}, for the explanations. */
  private final double[] itemGram;
  private final Optional<ItemFactorIndex> index;

  /**
   * What the model keeps of its settings: the factor count, λ and α (the explanations need them), and when and how
   * to build the ANN index.
   */
  public record Parameters(int factors, double lambda, double alpha, int annAboveItems, int annM, int annEf) {
  }

  private AlsModel(String digest, Instant trainedAt, Interactions data, Parameters parameters, float[] users,
      float[] items) {
    super(NAME, digest, trainedAt, data);
    this.parameters = Objects.requireNonNull(parameters);
    this.users = users;
    this.items = items;
    this.itemGram = ConjugateGradientAls.gram(items, parameters.factors());
    this.index = data.itemCount() > parameters.annAboveItems()
        ? Optional.of(ItemFactorIndex.build(items, parameters.factors(), parameters.annM(), parameters.annEf()))
        : Optional.empty();
  }

  /** Trains the factors; {@code onLoss} gets the objective after each iteration when present. */
  public static AlsModel train(String digest, Instant trainedAt, Interactions data, Parameters parameters,
      int iterations, int cgSteps, long seed, Optional<DoubleConsumer> onLoss) {
    int f = parameters.factors();
    ConjugateGradientAls.Factors factors = onLoss.isPresent()
        ? ConjugateGradientAls.train(data, f, parameters.lambda(), parameters.alpha(), iterations, cgSteps, seed,
            onLoss.get())
        : ConjugateGradientAls.train(data, f, parameters.lambda(), parameters.alpha(), iterations, cgSteps, seed);
    return new AlsModel(digest, trainedAt, data, parameters, factors.users(), factors.items());
  }

  /**
   * A model from factors trained elsewhere (Spark MLlib's ALS, for one), in the same byte format and with the same
   * serving path as a trained one: the ANN index is rebuilt here as on loading. Row {@code u} of {@code userFactors}
   * belongs to user index {@code u} of {@code data}, row {@code i} of {@code itemFactors} to item index {@code i};
   * every row has {@code parameters.factors()} finite values. The explanations assume the factors minimise the
   * objective with the given λ and α (for factors fitted with another regularisation they remain a faithful
   * "which of your items weighs most" but no longer an exact decomposition).
   *
   * @throws IllegalArgumentException when a matrix has the wrong number of rows or columns or a non-finite value
   */
  public static AlsModel fromFactors(String digest, Instant trainedAt, Interactions data, float[][] userFactors,
      float[][] itemFactors, Parameters parameters) {
    Objects.requireNonNull(parameters, "parameters");
    if (parameters.factors() < 1) {
      throw new IllegalArgumentException("factors must be >= 1: " + parameters.factors());
    }
    float[] users = flatten("user", userFactors, data.userCount(), parameters.factors());
    float[] items = flatten("item", itemFactors, data.itemCount(), parameters.factors());
    return new AlsModel(Objects.requireNonNull(digest, "digest"), Objects.requireNonNull(trainedAt, "trainedAt"),
        data, parameters, users, items);
  }

  private static float[] flatten(String what, float[][] rows, int count, int f) {
    if (rows.length != count) {
      throw new IllegalArgumentException(rows.length + " " + what + " factors for " + count + " " + what + "s");
    }
    float[] out = new float[count * f];
    for (int r = 0; r < count; r++) {
      if (rows[r] == null || rows[r].length != f) {
        throw new IllegalArgumentException(what + " factor " + r + " has " + (rows[r] == null ? "no" : rows[r].length)
            + " values, not " + f);
      }
      for (int k = 0; k < f; k++) {
        if (!Float.isFinite(rows[r][k])) {
          throw new IllegalArgumentException(what + " factor " + r + " has a non-finite value: " + rows[r][k]);
        }
      }
      System.arraycopy(rows[r], 0, out, r * f, f);
    }
    return out;
  }

  /** Whether {@link #recommend} uses the approximate index (the catalog exceeds {@code annAboveItems}). */
  public boolean usesApproximateIndex() {
    return index.isPresent();
  }

  public Parameters parameters() {
    return parameters;
  }

  @Override
  double[] personalScores(int user) {
    int f = parameters.factors();
    double[] scores = new double[data.itemCount()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = dot(users, user * f, items, i * f, f);
    }
    return scores;
  }

  /**
   * As {@link ModelBase#picks}; with the index, the personal part is the exact ranking of the index's
   * {@code n + |exclude|} nearest items, so at most the index's misses differ from the exact list. The explanation
   * system is factored once per call, on the first item explained, not once per item.
   */
  @Override
  public Picks picks(UserRef user, int n, Set<String> exclude) {
    if (!(user instanceof UserRef.Known known) || known.index() >= data.userCount() || n <= 0) {
      return super.picks(user, n, exclude);
    }
    int u = known.index();
    int f = parameters.factors();
    boolean[] allowed = allowedItems(exclude);
    int[] chosen;
    double[] scores;
    if (index.isPresent()) {
      float[] query = new float[f];
      System.arraycopy(users, u * f, query, 0, f);
      int[] candidates = index.get().nearest(query, n + exclude.size());
      scores = new double[data.itemCount()];
      int count = 0;
      for (int i : candidates) {
        if (allowed[i]) {
          scores[i] = dot(users, u * f, items, i * f, f);
          candidates[count++] = i;
        }
      }
      chosen = TopN.selectAmong(scores, candidates, count, 0, n);
    } else {
      scores = personalScores(u);
      chosen = TopN.select(scores, allowed, 0, n);
    }
    Explainer[] explainer = new Explainer[1];
    return picksThenPopular(chosen, scores, allowed, n, i -> {
      if (explainer[0] == null) {
        explainer[0] = new Explainer(u);
      }
      return explainer[0].reason(i);
    });
  }

  @Override
  Reason reason(int user, int item) {
    // a list asks for the reasons of many items of one user in a row (the hybrid asks item by item): the user's
    // factorisation is kept per thread for the next item, instead of being rebuilt for each
    Explainer explainer = lastExplainer.get();
    if (explainer == null || explainer.user != user) {
      explainer = new Explainer(user);
      lastExplainer.set(explainer);
    }
    return explainer.reason(item);
  }

  /** Hu et al.'s explanation for one user: {@code W_u} factored once, one solve per explained item. */
  /** The last user's explainer of this thread (a model is shared by the serving threads). */
  private final ThreadLocal<Explainer> lastExplainer = new ThreadLocal<>();

  private final class Explainer {
    private final int user;
    private final int f = parameters.factors();
    private final Interactions.Row row;
    private final LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(f);
    private final boolean solvable;

    Explainer(int user) {
      this.user = user;
      row = data.row(user);
      // A = YᵀY + λI + Σ_j (c_j − 1) y_j y_jᵀ, symmetric positive definite for λ > 0
      DMatrixRMaj a = new DMatrixRMaj(f, f);
      System.arraycopy(itemGram, 0, a.data, 0, f * f);
      for (int k = 0; k < f; k++) {
        a.data[k * f + k] += parameters.lambda();
      }
      for (int n = 0; n < row.size(); n++) {
        double extra = parameters.alpha() * row.values()[n];
        int base = row.indices()[n] * f;
        for (int p = 0; p < f; p++) {
          double left = extra * items[base + p];
          for (int q = 0; q < f; q++) {
            a.data[p * f + q] += left * items[base + q];
          }
        }
      }
      solvable = cholesky.setA(a);
    }

    Reason reason(int item) {
      if (!solvable) {
        return Reason.PopularIn.global();
      }
      DMatrixRMaj target = new DMatrixRMaj(f, 1);
      for (int k = 0; k < f; k++) {
        target.data[k] = items[item * f + k];
      }
      DMatrixRMaj z = new DMatrixRMaj(f, 1);
      cholesky.solve(target, z);
      int best = -1;
      double bestContribution = 0;
      for (int n = 0; n < row.size(); n++) {
        int j = row.indices()[n];
        if (j == item) {
          continue; // not "because you viewed X" for X itself
        }
        double contribution = 0;
        for (int k = 0; k < f; k++) {
          contribution += items[j * f + k] * z.data[k];
        }
        contribution *= 1 + parameters.alpha() * row.values()[n];
        if (contribution > bestContribution) {
          best = j;
          bestContribution = contribution;
        }
      }
      return best < 0 ? Reason.PopularIn.global() : new Reason.Because(data.itemId(best));
    }
  }

  /** The factor of a user (a copy). */
  public float[] userFactor(int user) {
    int f = parameters.factors();
    float[] out = new float[f];
    System.arraycopy(users, user * f, out, 0, f);
    return out;
  }

  /** The factor of an item (a copy). */
  public float[] itemFactor(int item) {
    int f = parameters.factors();
    float[] out = new float[f];
    System.arraycopy(items, item * f, out, 0, f);
    return out;
  }

  private static double dot(float[] a, int aBase, float[] b, int bBase, int f) {
    double s = 0;
    for (int k = 0; k < f; k++) {
      s += a[aBase + k] * b[bBase + k];
    }
    return s;
  }

  @Override
  void writeParameters(DataOutput out) throws IOException {
    out.writeInt(parameters.factors());
    out.writeDouble(parameters.lambda());
    out.writeDouble(parameters.alpha());
    out.writeInt(parameters.annAboveItems());
    out.writeInt(parameters.annM());
    out.writeInt(parameters.annEf());
    for (float v : users) {
      out.writeFloat(v);
    }
    for (float v : items) {
      out.writeFloat(v);
    }
  }

  static AlsModel read(String digest, Instant trainedAt, Interactions data, DataInput in) throws IOException {
    Parameters parameters = new Parameters(in.readInt(), in.readDouble(), in.readDouble(), in.readInt(),
        in.readInt(), in.readInt());
    if (parameters.factors() < 1) {
      throw new IOException("ALS model with " + parameters.factors() + " factors");
    }
    float[] users = new float[data.userCount() * parameters.factors()];
    for (int k = 0; k < users.length; k++) {
      users[k] = in.readFloat();
    }
    float[] items = new float[data.itemCount() * parameters.factors()];
    for (int k = 0; k < items.length; k++) {
      items[k] = in.readFloat();
    }
    return new AlsModel(digest, trainedAt, data, parameters, users, items);
  }
}
