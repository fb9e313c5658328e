package io.shopsense.core.recommend;

import io.shopsense.core.recommend.internal.HybridModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The default hybrid: a weighted blend of member recommenders' per-user scores, each member's scores min-max
 * normalised over the catalog before weighting (see {@link HybridModel}). Unknown users get the popularity fallback of
 * the hybrid's matrix; each item's reason is the reason of the member that contributed most to its score. Weights are
 * not learnt here: choose them on a validation split of the training period (see
 * {@code io.shopsense.core.recommend.eval.HybridTuner}) and pass them in. Weights are ≥ 0, finite, and at least one
 * is positive; a member of weight 0 is still trained (it costs time) so that a model keeps one shape per settings.
 */
public final class HybridRecommender implements Recommender {
  private final Clock clock;
  private final List<Member> members;

  /** A member recommender and its blend weight. */
  public record Member(Recommender recommender, double weight) {
    public Member {
      Objects.requireNonNull(recommender, "recommender");
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("weight must be finite and >= 0: " + weight);
      }
    }
  }

  public HybridRecommender(Clock clock, List<Member> members) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.members = List.copyOf(members);
    if (this.members.isEmpty() || this.members.stream().noneMatch(m -> m.weight() > 0)) {
      throw new IllegalArgumentException("a hybrid needs at least one member with a positive weight");
    }
  }

  /** The same members with other weights (one per member, in order). */
  public HybridRecommender withWeights(double[] weights) {
    if (weights.length != members.size()) {
      throw new IllegalArgumentException(weights.length + " weights for " + members.size() + " members");
    }
    List<Member> out = new ArrayList<>();
    for (int m = 0; m < weights.length; m++) {
      out.add(new Member(members.get(m).recommender(), weights[m]));
    }
    return new HybridRecommender(clock, out);
  }

  public List<Member> members() {
    return members;
  }

  @Override
  public String name() {
    return HybridModel.NAME;
  }

  /** {@code member.<k>} = the member's canonical settings (one line), {@code member.<k>.weight} = its weight. */
  @Override
  public RecommenderSettings settings() {
    TreeMap<String, String> values = new TreeMap<>();
    for (int m = 0; m < members.size(); m++) {
      String key = String.format(Locale.ROOT, "member.%02d", m);
      values.put(key, members.get(m).recommender().settings().canonical().strip().replace('\n', ';'));
      values.put(key + ".weight", Double.toString(members.get(m).weight()));
    }
    return new RecommenderSettings(name(), values);
  }

  /** Trains every member on {@code interactions} and blends them. */
  @Override
  public HybridModel train(Interactions interactions) {
    List<Interactions> same = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      same.add(interactions);
    }
    return train(interactions, same);
  }

  /**
   * Trains member {@code m} on {@code memberMatrices.get(m)} (e.g. popularity on a time-decayed matrix of the same
   * records) and blends them over {@code interactions}, whose users and items the hybrid serves. The digest also
   * covers every member matrix's weighting.
   */
  public HybridModel train(Interactions interactions, List<Interactions> memberMatrices) {
    if (memberMatrices.size() != members.size()) {
      throw new IllegalArgumentException(memberMatrices.size() + " matrices for " + members.size() + " members");
    }
    List<RecommenderModel> trained = new ArrayList<>();
    double[] weights = new double[members.size()];
    TreeMap<String, String> values = new TreeMap<>(settings().values());
    for (int m = 0; m < members.size(); m++) {
      trained.add(members.get(m).recommender().train(memberMatrices.get(m)));
      weights[m] = members.get(m).weight();
      values.put(String.format(Locale.ROOT, "member.%02d.weighting", m), memberMatrices.get(m).weighting());
    }
    String digest = new RecommenderSettings(name(), values).digest(interactions);
    return HybridModel.of(digest, clock.instant(), interactions, trained, weights);
  }
}
