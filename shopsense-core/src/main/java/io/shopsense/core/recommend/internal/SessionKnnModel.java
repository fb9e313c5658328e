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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Session-kNN with recency weights (V-SKNN, Ludewig and Jannach 2018) over past sessions: the rows of the training
 * matrix are sessions (a session id in the user column), their cells the weighted items.
 *
 * <p>The current session keeps its last {@code recentItems} distinct items, oldest first; the item at position
 * {@code p} of {@code m} gets recency weight {@code c = p / m}, so the latest counts 1. A past session {@code s} with
 * weights {@code v_s} has similarity {@code sim = Σ_i c_i v_si / (‖c‖ ‖v_s‖)} (cosine). The {@code neighbours} most
 * similar sessions (ties: lower index) vote for each of their items with their similarity:
 * {@code score(j) = Σ_{s ∈ N} sim(s) · [j ∈ s]}. The reason for {@code j} is the session item {@code i} whose share
 * {@code Σ_{s ∈ N, j ∈ s} c_i v_si / (‖c‖ ‖v_s‖)} of that score is largest.
 *
 * <p>For a known "user" (a training session) the model scores that session as the current one with equal recency
 * weights (the matrix keeps no order) and leaves the session itself out of its neighbours.
 */
public final class SessionKnnModel extends ModelBase {
  public static final String NAME = "session-knn";
  private final int neighbours;
  private final int recentItems;
  private final double[] sessionNorms;

  private SessionKnnModel(String digest, Instant trainedAt, Interactions data, int neighbours, int recentItems) {
    super(NAME, digest, trainedAt, data);
    this.neighbours = neighbours;
    this.recentItems = recentItems;
    sessionNorms = new double[data.userCount()];
    for (int s = 0; s < sessionNorms.length; s++) {
      double sum = 0;
      for (double v : data.row(s).values()) {
        sum += v * v;
      }
      sessionNorms[s] = Math.sqrt(sum);
    }
  }

  /** Nothing to fit beyond the session norms: the past sessions are the model. */
  public static SessionKnnModel train(String digest, Instant trainedAt, Interactions data, int neighbours,
      int recentItems) {
    return new SessionKnnModel(digest, trainedAt, data, neighbours, recentItems);
  }

  /**
   * Recommendations for an anonymous session from its items (product ids, oldest first; repeats and unknown ids
   * allowed): up to {@code n} items, none of {@code exclude}, each with {@link Reason.Because} the session item that
   * contributed most, then popular items ({@link Reason.PopularIn}) to fill.
   */
  public List<ScoredItem> recommendForSession(List<String> sessionItems, int n, Set<String> exclude) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0: " + n);
    }
    Current current = current(sessionItems);
    Neighbourhood hood = neighbourhood(current, -1);
    double[] scores = hood.scores();
    boolean[] allowed = allowedItems(exclude);
    List<ScoredItem> out = new ArrayList<>(n);
    for (int j : TopN.select(scores, allowed, 0, n)) {
      out.add(new ScoredItem(data.itemId(j), scores[j], hood.reason(j)));
      allowed[j] = false;
    }
    for (int j : TopN.select(popularity, allowed, 0, n - out.size())) {
      out.add(new ScoredItem(data.itemId(j), popularity[j], Reason.PopularIn.global()));
    }
    return out;
  }

  /** Scores of every item for an anonymous session (see {@link #recommendForSession}). */
  public double[] scoreSession(List<String> sessionItems) {
    return neighbourhood(current(sessionItems), -1).scores();
  }

  @Override
  double[] personalScores(int user) {
    return neighbourhood(stored(user), user).scores();
  }

  @Override
  Reason reason(int user, int item) {
    return neighbourhood(stored(user), user).reason(item);
  }

  /** The last {@code recentItems} distinct known items with weights p / m, oldest first. */
  private Current current(List<String> sessionItems) {
    // a repeated item counts at its latest position: re-insert it at the end
    LinkedHashMap<Integer, Boolean> order = new LinkedHashMap<>();
    for (String id : sessionItems) {
      OptionalInt index = data.itemIndex(id);
      if (index.isPresent()) {
        order.remove(index.getAsInt());
        order.put(index.getAsInt(), Boolean.TRUE);
      }
    }
    int[] all = order.keySet().stream().mapToInt(Integer::intValue).toArray();
    int[] kept = Arrays.copyOfRange(all, Math.max(0, all.length - recentItems), all.length);
    double[] weights = new double[kept.length];
    for (int p = 0; p < kept.length; p++) {
      weights[p] = (p + 1.0) / kept.length;
    }
    return new Current(kept, weights);
  }

  private Current stored(int session) {
    int[] items = data.row(session).indices();
    double[] weights = new double[items.length];
    Arrays.fill(weights, 1);
    return new Current(items, weights);
  }

  private Neighbourhood neighbourhood(Current current, int self) {
    double norm = 0;
    for (double c : current.weights()) {
      norm += c * c;
    }
    norm = Math.sqrt(norm);
    // dot products with every past session sharing an item, through the item columns
    Map<Integer, Double> dots = new HashMap<>();
    for (int k = 0; k < current.items().length; k++) {
      Interactions.Row column = data.column(current.items()[k]);
      for (int r = 0; r < column.size(); r++) {
        int s = column.indices()[r];
        if (s != self) {
          dots.merge(s, current.weights()[k] * column.values()[r], Double::sum);
        }
      }
    }
    // similarities stay sparse (a request touches only the sessions that share an item), so serving cost does not
    // grow with the number of stored sessions; best first, ties to the lower session index
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(dots.size());
    for (Map.Entry<Integer, Double> e : dots.entrySet()) {
      double sim = e.getValue() / (norm * sessionNorms[e.getKey()]);
      if (sim > 0) {
        ranked.add(Map.entry(e.getKey(), sim));
      }
    }
    ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    int k = Math.min(neighbours, ranked.size());
    int[] chosen = new int[k];
    double[] similarity = new double[k];
    for (int r = 0; r < k; r++) {
      chosen[r] = ranked.get(r).getKey();
      similarity[r] = ranked.get(r).getValue();
    }
    return new Neighbourhood(current, norm, chosen, similarity);
  }

  /** The current session: item indices and recency weights. */
  private record Current(int[] items, double[] weights) {
  }

  /** The chosen neighbour sessions, most similar first, and their similarities (parallel arrays). */
  private final class Neighbourhood {
    private final Current current;
    private final double norm;
    private final int[] chosen;
    private final double[] similarity;

    Neighbourhood(Current current, double norm, int[] chosen, double[] similarity) {
      this.current = current;
      this.norm = norm;
      this.chosen = chosen;
      this.similarity = similarity;
    }

    double[] scores() {
      double[] scores = new double[data.itemCount()];
      for (int n = 0; n < chosen.length; n++) {
        for (int j : data.row(chosen[n]).indices()) {
          scores[j] += similarity[n];
        }
      }
      return scores;
    }

    Reason reason(int item) {
      int best = -1;
      double bestShare = 0;
      for (int k = 0; k < current.items().length; k++) {
        int i = current.items()[k];
        double share = 0;
        for (int s : chosen) {
          double vi = data.get(s, i);
          if (vi > 0 && data.get(s, item) > 0) {
            share += current.weights()[k] * vi / (norm * sessionNorms[s]);
          }
        }
        // ">" keeps the earlier (older) item on a tie, so the reason does not flip with rounding order
        if (share > bestShare) {
          best = i;
          bestShare = share;
        }
      }
      return best < 0 ? Reason.PopularIn.global() : new Reason.Because(data.itemId(best));
    }
  }

  @Override
  void writeParameters(DataOutput out) throws IOException {
    out.writeInt(neighbours);
    out.writeInt(recentItems);
  }

  static SessionKnnModel read(String digest, Instant trainedAt, Interactions data, DataInput in) throws IOException {
    int neighbours = in.readInt();
    int recentItems = in.readInt();
    if (neighbours < 1 || recentItems < 1) {
      throw new IOException("session-kNN with neighbours " + neighbours + " and recent items " + recentItems);
    }
    return new SessionKnnModel(digest, trainedAt, data, neighbours, recentItems);
  }
}
