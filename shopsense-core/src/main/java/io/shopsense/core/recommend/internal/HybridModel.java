package io.shopsense.core.recommend.internal;

import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.UserRef;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

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

  /** The member models, in weight order. */
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
    double[] out = new double[map.length];
    if (!(max > min)) {
      return out;
    }
    double range = max - min;
    for (int i = 0; i < map.length; i++) {
      out[i] = map[i] < 0 ? 0 : (raw[map[i]] - min) / range;
    }
    return out;
  }

  @Override
  double[] personalScores(int user) {
    double[] scores = new double[data.itemCount()];
    for (int m = 0; m < members.size(); m++) {
      if (weights[m] == 0) {
        continue;
      }
      double[] norm = normalised(m, user);
      for (int i = 0; i < scores.length; i++) {
        scores[i] += weights[m] * norm[i];
      }
    }
    return scores;
  }

  @Override
  Reason reason(int user, int item) {
    // recomputes each member's normalised scores: O(members · catalog) per item, fine for a served top-n
    int best = -1;
    double bestContribution = 0;
    for (int m = 0; m < members.size(); m++) {
      if (weights[m] == 0) {
        continue;
      }
      double c = weights[m] * normalised(m, user)[item];
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
