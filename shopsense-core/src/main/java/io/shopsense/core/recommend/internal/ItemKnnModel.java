package io.shopsense.core.recommend.internal;

import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.ScoredItem;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Item-kNN: for every item its {@code k} most similar items by cosine with shrinkage,
 * {@code sim(i, j) = x_i · x_j / (‖x_i‖ ‖x_j‖ + shrinkage)} over the item columns (shrinkage pulls similarities of
 * rarely seen pairs towards zero). A user's score for {@code j} is {@code Σ_i x_ui · sim(i, j)} over the user's items
 * {@code i} that have {@code j} among their neighbours; the reason is the item that contributed most.
 */
public final class ItemKnnModel extends ModelBase {
  public static final String NAME = "item-knn";
  /** Neighbour lists as CSR: neighbours of item i are at [ptr[i], ptr[i+1]), best first. */
  private final int[] ptr;
  private final int[] neighbours;
  private final double[] similarities;

  private ItemKnnModel(String digest, Instant trainedAt, Interactions data, int[] ptr, int[] neighbours,
      double[] similarities) {
    super(NAME, digest, trainedAt, data);
    this.ptr = ptr;
    this.neighbours = neighbours;
    this.similarities = similarities;
  }

  /** Computes the neighbour lists: one sparse co-occurrence pass per item over its users' rows. */
  public static ItemKnnModel train(String digest, Instant trainedAt, Interactions data, int k, double shrinkage) {
    int n = data.itemCount();
    Interactions.Row[] rows = new Interactions.Row[data.userCount()];
    for (int u = 0; u < rows.length; u++) {
      rows[u] = data.row(u);
    }
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      for (double v : data.column(i).values()) {
        norms[i] += v * v;
      }
      norms[i] = Math.sqrt(norms[i]);
    }
    int[] ptr = new int[n + 1];
    int[][] lists = new int[n][];
    double[][] sims = new double[n][];
    // dense accumulators reused across items; only the touched entries are reset, so each item costs its
    // co-occurrences, not the catalog size
    double[] dot = new double[n];
    double[] sim = new double[n];
    boolean[] candidate = new boolean[n];
    int[] touched = new int[n];
    for (int i = 0; i < n; i++) {
      int touchedCount = 0;
      Interactions.Row column = data.column(i);
      for (int c = 0; c < column.size(); c++) {
        Interactions.Row row = rows[column.indices()[c]];
        double xi = column.values()[c];
        for (int r = 0; r < row.size(); r++) {
          int j = row.indices()[r];
          if (j == i) {
            continue;
          }
          if (!candidate[j]) {
            candidate[j] = true;
            touched[touchedCount++] = j;
          }
          dot[j] += xi * row.values()[r];
        }
      }
      for (int t = 0; t < touchedCount; t++) {
        int j = touched[t];
        sim[j] = dot[j] / (norms[i] * norms[j] + shrinkage);
      }
      int[] best = TopN.selectAmong(sim, touched, touchedCount, 0, k);
      lists[i] = best;
      sims[i] = new double[best.length];
      for (int b = 0; b < best.length; b++) {
        sims[i][b] = sim[best[b]];
      }
      ptr[i + 1] = ptr[i] + best.length;
      for (int t = 0; t < touchedCount; t++) {
        dot[touched[t]] = 0;
        sim[touched[t]] = 0;
        candidate[touched[t]] = false;
      }
    }
    int[] neighbours = new int[ptr[n]];
    double[] similarities = new double[ptr[n]];
    for (int i = 0; i < n; i++) {
      System.arraycopy(lists[i], 0, neighbours, ptr[i], lists[i].length);
      System.arraycopy(sims[i], 0, similarities, ptr[i], sims[i].length);
    }
    return new ItemKnnModel(digest, trainedAt, data, ptr, neighbours, similarities);
  }

  /**
   * A model from neighbour lists computed elsewhere (the Spark co-occurrence job, for one), in the same byte format
   * and serving path as a trained one. {@code neighbours[i]} are item indices of {@code data} similar to item
   * {@code i}, {@code similarities[i]} their similarities (parallel arrays); each list is stored best first, ties by
   * the lower index, as {@link #train} orders them. Similarities must be finite and positive (a trained model keeps
   * no other), and an item is never its own neighbour.
   *
   * @throws IllegalArgumentException on lists of the wrong count or length, an index out of range, a self or
   *     repeated neighbour, or a similarity that is not finite and positive
   */
  public static ItemKnnModel fromNeighbours(String digest, Instant trainedAt, Interactions data, int[][] neighbours,
      double[][] similarities) {
    int n = data.itemCount();
    if (neighbours.length != n || similarities.length != n) {
      throw new IllegalArgumentException(neighbours.length + " neighbour lists and " + similarities.length
          + " similarity lists for " + n + " items");
    }
    int[] ptr = new int[n + 1];
    for (int i = 0; i < n; i++) {
      if (neighbours[i].length != similarities[i].length) {
        throw new IllegalArgumentException("item " + i + " has " + neighbours[i].length + " neighbours and "
            + similarities[i].length + " similarities");
      }
      ptr[i + 1] = ptr[i] + neighbours[i].length;
    }
    int[] flatNeighbours = new int[ptr[n]];
    double[] flatSimilarities = new double[ptr[n]];
    for (int i = 0; i < n; i++) {
      double[] sims = similarities[i];
      Set<Integer> seen = new HashSet<>();
      for (int k = 0; k < neighbours[i].length; k++) {
        int j = neighbours[i][k];
        if (j < 0 || j >= n || j == i || !seen.add(j)) {
          throw new IllegalArgumentException("item " + i + " has an invalid neighbour " + j
              + " (out of range, itself or repeated)");
        }
        if (!(sims[k] > 0) || Double.isInfinite(sims[k])) {
          throw new IllegalArgumentException("item " + i + " has a similarity that is not finite and positive: "
              + sims[k]);
        }
      }
      Integer[] order = new Integer[neighbours[i].length];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      int[] list = neighbours[i];
      Arrays.sort(order, (a, b) -> {
        int c = Double.compare(sims[b], sims[a]);
        return c != 0 ? c : Integer.compare(list[a], list[b]);
      });
      for (int k = 0; k < order.length; k++) {
        flatNeighbours[ptr[i] + k] = list[order[k]];
        flatSimilarities[ptr[i] + k] = sims[order[k]];
      }
    }
    return new ItemKnnModel(Objects.requireNonNull(digest, "digest"),
        Objects.requireNonNull(trainedAt, "trainedAt"), data, ptr, flatNeighbours, flatSimilarities);
  }

  /** The similarity of {@code j} to {@code i} as stored (0 when {@code j} is not among {@code i}'s neighbours). */
  public double similarity(int i, int j) {
    for (int k = ptr[i]; k < ptr[i + 1]; k++) {
      if (neighbours[k] == j) {
        return similarities[k];
      }
    }
    return 0;
  }

  /**
   * The stored neighbours of {@code item} (a product id), most similar first, none of {@code exclude}, each with
   * {@link Reason.SimilarTo}: the product-page scene. Empty for an item the model does not know.
   */
  public List<ScoredItem> similarItems(String item, int n, Set<String> exclude) {
    OptionalInt index = data.itemIndex(item);
    List<ScoredItem> out = new ArrayList<>();
    if (index.isEmpty()) {
      return out;
    }
    Reason reason = new Reason.SimilarTo(item);
    int i = index.getAsInt();
    for (int k = ptr[i]; k < ptr[i + 1] && out.size() < n; k++) {
      String neighbour = data.itemId(neighbours[k]);
      if (!exclude.contains(neighbour)) {
        out.add(new ScoredItem(neighbour, similarities[k], reason));
      }
    }
    return out;
  }

  @Override
  double[] personalScores(int user) {
    double[] scores = new double[data.itemCount()];
    Interactions.Row row = data.row(user);
    for (int r = 0; r < row.size(); r++) {
      int i = row.indices()[r];
      double x = row.values()[r];
      for (int k = ptr[i]; k < ptr[i + 1]; k++) {
        scores[neighbours[k]] += x * similarities[k];
      }
    }
    return scores;
  }

  @Override
  Reason reason(int user, int item) {
    return strongestBecause(user, item, this::similarity);
  }

  @Override
  void writeParameters(DataOutput out) throws IOException {
    for (int p : ptr) {
      out.writeInt(p);
    }
    for (int k = 0; k < neighbours.length; k++) {
      out.writeInt(neighbours[k]);
      out.writeDouble(similarities[k]);
    }
  }

  static ItemKnnModel read(String digest, Instant trainedAt, Interactions data, DataInput in) throws IOException {
    int[] ptr = new int[data.itemCount() + 1];
    for (int i = 0; i < ptr.length; i++) {
      ptr[i] = in.readInt();
    }
    int[] neighbours = new int[ptr[ptr.length - 1]];
    double[] similarities = new double[neighbours.length];
    for (int k = 0; k < neighbours.length; k++) {
      neighbours[k] = in.readInt();
      similarities[k] = in.readDouble();
    }
    return new ItemKnnModel(digest, trainedAt, data, ptr, neighbours, similarities);
  }
}
