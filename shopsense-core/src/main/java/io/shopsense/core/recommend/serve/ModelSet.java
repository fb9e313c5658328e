package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.BoughtTogetherModel;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.RepeatPurchaseModel;
import io.shopsense.core.recommend.internal.ItemKnnModel;
import io.shopsense.core.recommend.internal.SessionKnnModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Every model the serving path uses, trained together from one snapshot of the data and served as one version: the
 * holder swaps a whole set atomically, so a request never mixes models of two trainings.
 *
 * @param version   unique per training, shown in every response (e.g. {@code 20261122T214300Z-3f2a9c1b})
 * @param trainedAt when the training started
 * @param personal  person → items (the tuned hybrid by default; any {@link RecommenderModel}, e.g. one Spark trained)
 * @param similar   item → similar items (item-kNN), empty when too little data
 * @param bundles   frequently-bought-together rules, empty when too little data
 * @param repeat    replenishment intervals of consumables, empty when too little data
 * @param sessions  session-kNN for visitors the personal model does not know, empty when too little data
 * @param popular   time-decayed popularity per scope (global, category, segment, region)
 * @param summary   what went in and how long each model took
 */
public record ModelSet(String version, Instant trainedAt, Optional<RecommenderModel> personal,
    Optional<ItemKnnModel> similar, Optional<BoughtTogetherModel> bundles, Optional<RepeatPurchaseModel> repeat,
    Optional<SessionKnnModel> sessions, ScopedPopularity popular, TrainingSummary summary) {

  public ModelSet {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(trainedAt, "trainedAt");
    Objects.requireNonNull(personal, "personal");
    Objects.requireNonNull(similar, "similar");
    Objects.requireNonNull(bundles, "bundles");
    Objects.requireNonNull(repeat, "repeat");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(popular, "popular");
    Objects.requireNonNull(summary, "summary");
  }

  /** The version served before any training: no models, nothing popular yet. */
  public static final String NONE = "none";

  public static ModelSet empty() {
    return new ModelSet(NONE, Instant.EPOCH, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), ScopedPopularity.EMPTY, TrainingSummary.EMPTY);
  }

  /** Writes the set into {@code directory} (created; one file per model plus a manifest), atomically. */
  public void write(Path directory) {
    ModelSetFiles.write(this, directory);
  }

  /** Reads a set written by {@link #write}; throws {@link IllegalArgumentException} saying which file is wrong. */
  public static ModelSet read(Path directory) {
    return ModelSetFiles.read(directory);
  }
}
