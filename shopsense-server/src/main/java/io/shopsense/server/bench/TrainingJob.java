package io.shopsense.server.bench;

import io.shopsense.core.recommend.AlsRecommender;
import io.shopsense.core.recommend.BoughtTogether;
import io.shopsense.core.recommend.EaseRecommender;
import io.shopsense.core.recommend.HybridRecommender;
import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.ItemKnnRecommender;
import io.shopsense.core.recommend.PopularityRecommender;
import io.shopsense.core.recommend.Recommender;
import io.shopsense.core.recommend.RepeatPurchase;
import io.shopsense.core.recommend.SessionKnnRecommender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One row of the training bench: what is trained, on which input, with the default settings of each model. The
 * input (matrix, decayed matrix, sessions, baskets) is prepared by {@link #prepare} outside the timed task, except for
 * {@code matrix}, the baseline row, which times building the person × item matrix itself; repeat purchase reads the
 * raw records (grouping them is its training). The hybrid blends popularity, item-kNN, EASE (when the catalog fits)
 * and ALS with equal weights: the weights do not change its training cost, and tuning them is the evaluation's job.
 */
enum TrainingJob {
  MATRIX("matrix"), POPULARITY("popularity"), ITEM_KNN("item-knn"), EASE("ease"), ALS("als"),
  SESSION_KNN("session-knn"), BOUGHT_TOGETHER("bought-together"), REPEAT_PURCHASE("repeat-purchase"),
  HYBRID("hybrid");

  final String label;

  TrainingJob(String label) {
    this.label = label;
  }

  /** Every model in table order, the baseline first. */
  static List<String> labels() {
    List<String> labels = new ArrayList<>();
    for (TrainingJob job : values()) {
      labels.add(job.label);
    }
    return labels;
  }

  static TrainingJob of(String label) {
    for (TrainingJob job : values()) {
      if (job.label.equals(label.strip().toLowerCase(Locale.ROOT))) {
        return job;
      }
    }
    throw new IllegalArgumentException("unknown model '" + label + "': choose from " + String.join(", ", labels()));
  }

  /**
   * Prepares this job's input from {@code records} and returns the task to time. Throws
   * {@link IllegalArgumentException} with the model's own message when the data do not fit it (EASE's item limit).
   */
  Supplier<Object> prepare(List<Interaction> records) {
    Instant now = TrainingInputs.newest(records);
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    switch (this) {
      case MATRIX:
        return () -> TrainingInputs.matrix(records);
      case POPULARITY: {
        Interactions decayed = TrainingInputs.decayed(records, now);
        return () -> new PopularityRecommender(clock).train(decayed);
      }
      case SESSION_KNN: {
        Interactions sessions = TrainingInputs.matrix(TrainingInputs.sessions(records));
        return () -> new SessionKnnRecommender(clock, SessionKnnRecommender.Settings.DEFAULT).train(sessions);
      }
      case BOUGHT_TOGETHER: {
        List<Set<String>> baskets = TrainingInputs.baskets(records);
        return () -> new BoughtTogether(clock, BoughtTogether.Settings.DEFAULT).train(baskets);
      }
      case REPEAT_PURCHASE:
        return () -> new RepeatPurchase(clock, RepeatPurchase.Settings.DEFAULT).train(records);
      case HYBRID:
        return hybrid(records, now, clock);
      default: {
        Interactions matrix = TrainingInputs.matrix(records);
        Recommender recommender = collaborative(clock);
        if (this == EASE) {
          requireFits(matrix);
        }
        return () -> recommender.train(matrix);
      }
    }
  }

  private Recommender collaborative(Clock clock) {
    return switch (this) {
      case ITEM_KNN -> new ItemKnnRecommender(clock, ItemKnnRecommender.Settings.DEFAULT);
      case EASE -> new EaseRecommender(clock, EaseRecommender.Settings.DEFAULT);
      case ALS -> new AlsRecommender(clock, AlsRecommender.Settings.DEFAULT);
      default -> throw new IllegalStateException(label + " is not trained on the plain matrix");
    };
  }

  private static Supplier<Object> hybrid(List<Interaction> records, Instant now, Clock clock) {
    Interactions matrix = TrainingInputs.matrix(records);
    Interactions decayed = TrainingInputs.decayed(records, now);
    List<HybridRecommender.Member> members = new ArrayList<>();
    List<Interactions> matrices = new ArrayList<>();
    members.add(new HybridRecommender.Member(new PopularityRecommender(clock), 1));
    matrices.add(decayed);
    for (TrainingJob job : List.of(ITEM_KNN, EASE, ALS)) {
      if (job != EASE || fits(matrix)) {
        members.add(new HybridRecommender.Member(job.collaborative(clock), 1));
        matrices.add(matrix);
      }
    }
    HybridRecommender hybrid = new HybridRecommender(clock, members);
    return () -> hybrid.train(matrix, matrices);
  }

  /** The hybrid's members, as it is trained on {@code records}. */
  static String hybridMembers(int items) {
    return items <= EaseRecommender.Settings.DEFAULT.maxItems() ? "popularity, item-knn, ease, als"
        : "popularity, item-knn, als (ease left out: " + items + " items > limit)";
  }

  private static boolean fits(Interactions matrix) {
    return matrix.itemCount() <= EaseRecommender.Settings.DEFAULT.maxItems();
  }

  private static void requireFits(Interactions matrix) {
    if (!fits(matrix)) {
      throw new IllegalArgumentException(matrix.itemCount() + " items > limit "
          + EaseRecommender.Settings.DEFAULT.maxItems());
    }
  }
}
