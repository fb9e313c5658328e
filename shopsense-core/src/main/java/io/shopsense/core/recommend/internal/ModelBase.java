package io.shopsense.core.recommend.internal;

import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.UserRef;
import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What every model shares: the header (name, digest, train time), the training matrix, the popularity fallback and
 * the recommend/score plumbing. A subclass supplies the personal scores, the reason for an item, and its parameters'
 * bytes.
 */
abstract class ModelBase implements RecommenderModel {
  private final String recommender;
  private final String settingsDigest;
  private final Instant trainedAt;
  protected final Interactions data;
  /** Column sums, the fallback for unknown users and for filling short personal lists. */
  protected final double[] popularity;

  ModelBase(String recommender, String settingsDigest, Instant trainedAt, Interactions data) {
    this.recommender = Objects.requireNonNull(recommender);
    this.settingsDigest = Objects.requireNonNull(settingsDigest);
    this.trainedAt = Objects.requireNonNull(trainedAt);
    this.data = Objects.requireNonNull(data);
    this.popularity = data.columnSums();
  }

  /** Scores of every item for a known user; a fresh array the caller may keep. */
  abstract double[] personalScores(int user);

  /** Why {@code item} was recommended to the known {@code user} on its personal score. */
  abstract Reason reason(int user, int item);

  /** How strongly having {@code from} speaks for {@code to} in an item-to-item model. */
  @FunctionalInterface
  interface ItemAffinity {
    double of(int from, int to);
  }

  /**
   * The reason of an item-to-item model: "because" the user's item that contributes most to {@code item}'s score
   * (its weight times the affinity), never {@code item} itself, or global popularity when none contributes.
   */
  final Reason strongestBecause(int user, int item, ItemAffinity affinity) {
    Interactions.Row row = data.row(user);
    int best = -1;
    double bestContribution = 0;
    for (int r = 0; r < row.size(); r++) {
      if (row.indices()[r] == item) {
        continue; // "because you viewed X" does not explain X itself (a repeat buy); another item or popularity does
      }
      double c = row.values()[r] * affinity.of(row.indices()[r], item);
      if (c > bestContribution) {
        best = row.indices()[r];
        bestContribution = c;
      }
    }
    return best < 0 ? Reason.PopularIn.global() : new Reason.Because(data.itemId(best));
  }

  /** The model's parameters after the common header and matrix. */
  abstract void writeParameters(DataOutput out) throws IOException;

  @Override
  public String recommender() {
    return recommender;
  }

  @Override
  public String settingsDigest() {
    return settingsDigest;
  }

  @Override
  public Instant trainedAt() {
    return trainedAt;
  }

  @Override
  public Interactions interactions() {
    return data;
  }

  /** The picks with every reason computed: what {@link #picks} leaves to its caller. */
  @Override
  public final List<ScoredItem> recommend(UserRef user, int n, Set<String> exclude) {
    Picks picks = picks(user, n, exclude);
    List<ScoredItem> out = new ArrayList<>(picks.items().size());
    for (Pick p : picks.items()) {
      out.add(new ScoredItem(p.item(), p.score(), p.personal() ? picks.explain().apply(p.item())
          : Reason.PopularIn.global()));
    }
    return out;
  }

  @Override
  public Picks picks(UserRef user, int n, Set<String> exclude) {
    Objects.requireNonNull(exclude, "exclude");
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0: " + n);
    }
    boolean[] allowed = allowedItems(exclude);
    if (user instanceof UserRef.Known known) {
      checkUser(known);
      int u = known.index();
      double[] scores = personalScores(u);
      return picksThenPopular(TopN.select(scores, allowed, 0, n), scores, allowed, n, i -> reason(u, i));
    }
    return picksThenPopular(new int[0], popularity, allowed, n, i -> Reason.PopularIn.global());
  }

  /**
   * The chosen items (personal picks) with their scores, then the most popular allowed items until there are
   * {@code n} (the fill); {@code allowed} is updated as items are taken. {@code reason} explains a chosen item by index
   * and is called only when a caller asks.
   */
  protected final Picks picksThenPopular(int[] chosen, double[] scores, boolean[] allowed, int n,
      java.util.function.IntFunction<Reason> reason) {
    List<Pick> out = new ArrayList<>(n);
    java.util.BitSet personal = new java.util.BitSet(data.itemCount());
    for (int i : chosen) {
      out.add(new Pick(data.itemId(i), scores[i], true));
      allowed[i] = false;
      personal.set(i);
    }
    for (int i : TopN.select(popularity, allowed, 0, n - out.size())) {
      out.add(new Pick(data.itemId(i), popularity[i], false));
    }
    return new Picks(out, item -> {
      java.util.OptionalInt index = data.itemIndex(item);
      return index.isPresent() && personal.get(index.getAsInt()) ? reason.apply(index.getAsInt())
          : Reason.PopularIn.global();
    });
  }

  /** All items except the excluded ones (unknown ids in {@code exclude} are ignored). */
  protected boolean[] allowedItems(Set<String> exclude) {
    boolean[] allowed = new boolean[data.itemCount()];
    Arrays.fill(allowed, true);
    for (String id : exclude) {
      data.itemIndex(id).ifPresent(i -> allowed[i] = false);
    }
    return allowed;
  }

  @Override
  public double[] scoreAll(UserRef user) {
    if (user instanceof UserRef.Known known) {
      checkUser(known);
      return personalScores(known.index());
    }
    return popularity.clone();
  }

  @Override
  public double[] score(UserRef user, int[] items) {
    double[] all = scoreAll(user);
    double[] out = new double[items.length];
    for (int k = 0; k < items.length; k++) {
      out[k] = all[items[k]];
    }
    return out;
  }

  private void checkUser(UserRef.Known known) {
    if (known.index() >= data.userCount()) {
      throw new IllegalArgumentException("user index " + known.index() + " is not in this model (it has "
          + data.userCount() + " users)");
    }
  }

  @Override
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      ModelFormat.writeHeader(out, recommender, settingsDigest, trainedAt);
      data.writeTo(out);
      writeParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }
}
