package io.shopsense.core.recommend.internal;

import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.UserRef;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A weighted blend of member models. For a known user each member scores the whole catalog, the scores are min-max
 * normalised over the catalog to [0, 1] (so that an EASE weight and a popularity count become comparable; a member
 * whose scores are all equal contributes 0), and the hybrid score is {@code Σ w_m · norm_m}. Members may have been
 * trained on other matrices of the same records (e.g. popularity on a time-decayed one): they are matched to the
 * hybrid's matrix by user and item id, and an item or user a member does not know gets that member's minimum (0
 * after normalisation). The reason of an item is the reason given by the member with the largest weighted
 * contribution to it.
 */
public final class HybridModel extends ModelBase {
  public static final String NAME = "hybrid";
  private final List<ModelBase> members;
  private final double[] weights;
  /** Per member: hybrid item index → member item index, or -1. */
  private final int[][] itemMaps;
  /** Per member: whether its item indices are the hybrid's (then its scores are normalised in place). */
  private final boolean[] sameItems;

  private HybridModel(String digest, Instant trainedAt, Interactions data, List<RecommenderModel> members,
      double[] weights) {
    super(NAME, digest, trainedAt, data);
    if (members.isEmpty() || members.size() != weights.length) {
      throw new IllegalArgumentException("need one weight per member, and at least one member");
    }
    this.members = new ArrayList<>();
    for (RecommenderModel m : members) {
      if (!(m instanceof ModelBase base)) {
        throw new IllegalArgumentException("hybrid members must be ShopSense models, got " + m.getClass());
      }
      this.members.add(base);
    }
    this.weights = weights.clone();
    this.itemMaps = new int[members.size()][];
    for (int m = 0; m < members.size(); m++) {
      Interactions own = members.get(m).interactions();
      int[] map = new int[data.itemCount()];
      for (int i = 0; i < map.length; i++) {
        map[i] = own.itemIndex(data.itemId(i)).orElse(-1);
      }
      itemMaps[m] = map;
    }
    this.sameItems = new boolean[members.size()];
    for (int m = 0; m < members.size(); m++) {
      boolean same = members.get(m).interactions().itemCount() == data.itemCount();
      for (int i = 0; same && i < itemMaps[m].length; i++) {
        same = itemMaps[m][i] == i;
      }
      sameItems[m] = same;
    }
  }

  /** The hybrid over already trained members (weights ≥ 0, at least one positive). */
  public static HybridModel of(String digest, Instant trainedAt, Interactions data, List<RecommenderModel> members,
      double[] weights) {
    return new HybridModel(digest, trainedAt, data, List.copyOf(members), weights);
  }

  /** The blend weights, one per member, in member order. */
  public double[] weights() {
    return weights.clone();
  }

  /** The member models, in the order of {@link #weights()}. */
  public List<RecommenderModel> members() {
    return List.copyOf(members);
  }

  /**
   * Member {@code m}'s scores for the hybrid's user index, on the hybrid's item indices, min-max normalised to [0, 1]
   * (for tuning the weights without retraining).
   */
  public double[] normalised(int m, int user) {
    if (user < 0 || user >= data.userCount()) {
      throw new IllegalArgumentException("user index " + user + " is not in this model");
    }
    ModelBase member = members.get(m);
    OptionalInt own = member.interactions().userIndex(data.userId(user));
    double[] raw = own.isPresent() ? member.scoreAll(new UserRef.Known(own.getAsInt()))
        : member.scoreAll(UserRef.unknown());
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double s : raw) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    int[] map = itemMaps[m];
    if (!(max > min)) {
      return new double[map.length];
    }
    double range = max - min;
    if (sameItems[m]) {
      // scoreAll returns a fresh array: normalise it in place (one array less per member and request)
      for (int i = 0; i < raw.length; i++) {
        raw[i] = (raw[i] - min) / range;
      }
      return raw;
    }
    double[] out = new double[map.length];
    for (int i = 0; i < map.length; i++) {
      out[i] = map[i] < 0 ? 0 : (raw[map[i]] - min) / range;
    }
    return out;
  }

  /** Every weighted member's normalised scores for the user; null for members of weight 0 (never scored). */
  private double[][] memberScores(int user) {
    double[][] norm = new double[members.size()][];
    for (int m = 0; m < members.size(); m++) {
      if (weights[m] != 0) {
        norm[m] = normalised(m, user);
      }
    }
    return norm;
  }

  private double[] blend(double[][] norm) {
    double[] scores = new double[data.itemCount()];
    for (int m = 0; m < norm.length; m++) {
      if (norm[m] != null) {
        for (int i = 0; i < scores.length; i++) {
          scores[i] += weights[m] * norm[m][i];
        }
      }
    }
    return scores;
  }

  @Override
  double[] personalScores(int user) {
    return blend(memberScores(user));
  }

  /**
   * As {@link ModelBase#picks}, but each member scores the user once for both the blend and the reasons (the
   * base class would ask {@link #reason} per item, rescoring every member each time).
   */
  @Override
  public Picks picks(UserRef user, int n, Set<String> exclude) {
    if (!(user instanceof UserRef.Known known) || known.index() < 0 || known.index() >= data.userCount() || n < 0) {
      return super.picks(user, n, exclude);   // popularity for unknown users; the base class's argument errors
    }
    int u = known.index();
    double[][] norm = memberScores(u);
    double[] scores = blend(norm);
    boolean[] allowed = allowedItems(Objects.requireNonNull(exclude, "exclude"));
    return picksThenPopular(TopN.select(scores, allowed, 0, n), scores, allowed, n, i -> reason(norm, u, i));
  }

  @Override
  Reason reason(int user, int item) {
    return reason(memberScores(user), user, item);
  }

  private Reason reason(double[][] norm, int user, int item) {
    int best = -1;
    double bestContribution = 0;
    for (int m = 0; m < members.size(); m++) {
      if (norm[m] == null) {
        continue;
      }
      double c = weights[m] * norm[m][item];
      if (c > bestContribution) {
        best = m;
        bestContribution = c;
      }
    }
    if (best < 0 || itemMaps[best][item] < 0) {
      return Reason.PopularIn.global();
    }
    ModelBase member = members.get(best);
    OptionalInt own = member.interactions().userIndex(data.userId(user));
    return own.isPresent() ? member.reason(own.getAsInt(), itemMaps[best][item]) : Reason.PopularIn.global();
  }

  @Override
  void writeParameters(DataOutput out) throws IOException {
    out.writeInt(members.size());
    for (int m = 0; m < members.size(); m++) {
      out.writeDouble(weights[m]);
      byte[] bytes = members.get(m).toBytes();
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  static HybridModel read(String digest, Instant trainedAt, Interactions data, DataInput in) throws IOException {
    int count = in.readInt();
    if (count < 1 || count > 64) {
      throw new IllegalArgumentException("hybrid with " + count + " members");
    }
    double[] weights = new double[count];
    List<RecommenderModel> members = new ArrayList<>();
    for (int m = 0; m < count; m++) {
      weights[m] = in.readDouble();
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      members.add(ModelFormat.read(bytes));
    }
    return new HybridModel(digest, trainedAt, data, members, weights);
  }
}
