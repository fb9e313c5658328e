package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.AlsRecommender;
import io.shopsense.core.recommend.EaseRecommender;
import io.shopsense.core.recommend.HybridRecommender;
import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.ItemKnnRecommender;
import io.shopsense.core.recommend.PopularityRecommender;
import io.shopsense.core.recommend.Recommender;
import io.shopsense.core.recommend.TimeDecay;
import io.shopsense.core.recommend.eval.HybridTuner;
import io.shopsense.core.recommend.internal.HybridModel;
import io.shopsense.core.recommend.internal.PopularityModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The personal model of a {@link ModelSet}: the hybrid of recent popularity, item-kNN, EASE^R (only up to
 * {@link ModelSetTrainer.Settings#easeMaxItems()} items: it is dense) and implicit ALS. Its blend weights are tuned
 * with {@link HybridTuner} on a validation split carved from the end of the training records when at least
 * {@link ModelSetTrainer.Settings#minValidationUsers()} warm persons bought in the validation window; otherwise every
 * member weighs the same. Popularity's matrix decays relative to the training (or validation) cutoff.
 */
final class PersonalTraining {
  private final Clock clock;
  private final ModelSetTrainer.Settings settings;

  /** What was trained, and how its weights were chosen. */
  record Outcome(HybridModel model, boolean tuned) {}

  PersonalTraining(Clock clock, ModelSetTrainer.Settings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  /** The hybrid over {@code records}, or empty when they leave no positive cell. */
  Optional<Outcome> train(List<Interaction> records, Instant now) {
    Interactions matrix = Interactions.of(records, settings.weights());
    if (matrix.userCount() == 0 || matrix.itemCount() < 2) {
      return Optional.empty();
    }
    List<Recommender> members = new ArrayList<>();
    members.add(new PopularityRecommender(clock));
    members.add(new ItemKnnRecommender(clock, ItemKnnRecommender.Settings.DEFAULT));
    if (matrix.itemCount() <= settings.easeMaxItems()) {
      members.add(new EaseRecommender(clock, new EaseRecommender.Settings(
          EaseRecommender.Settings.DEFAULT.lambda(), settings.easeMaxItems())));
    }
    members.add(new AlsRecommender(clock, AlsRecommender.Settings.DEFAULT));
    double[] equal = new double[members.size()];
    Arrays.fill(equal, 1.0 / members.size());
    List<HybridRecommender.Member> weighted = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      weighted.add(new HybridRecommender.Member(members.get(m), equal[m]));
    }
    HybridRecommender hybrid = new HybridRecommender(clock, weighted);
    Optional<double[]> tuned = tune(hybrid, records);
    HybridRecommender chosen = tuned.map(hybrid::withWeights).orElse(hybrid);
    return Optional.of(new Outcome(chosen.train(matrix, matrices(chosen, records, now)), tuned.isPresent()));
  }

  /** Tuned weights, or empty when the validation window holds too few warm buyers. */
  private Optional<double[]> tune(HybridRecommender hybrid, List<Interaction> records) {
    Instant last = records.stream().map(Interaction::time).max(Comparator.naturalOrder()).orElseThrow();
    Instant cutoff = last.minus(settings.validationWindow());
    try {
      HybridTuner.Result result = HybridTuner.tune(hybrid, records, cutoff, settings.weights(),
          (train, at) -> matrices(hybrid, train, at), settings.hybridSteps());
      return result.users() >= settings.minValidationUsers() ? Optional.of(result.weights()) : Optional.empty();
    } catch (IllegalArgumentException e) {
      // no warm buyer in the validation window: nothing to tune on
      return Optional.empty();
    }
  }

  /** One matrix per member: popularity fades with age relative to {@code at}, the others see all history alike. */
  private List<Interactions> matrices(HybridRecommender hybrid, List<Interaction> records, Instant at) {
    Interactions plain = Interactions.of(records, settings.weights());
    Interactions decayed = Interactions.of(records, settings.weights(),
        Optional.of(new TimeDecay(settings.popularityHalfLife(), at)));
    return hybrid.members().stream()
        .map(m -> m.recommender().name().equals(PopularityModel.NAME) ? decayed : plain).toList();
  }
}
