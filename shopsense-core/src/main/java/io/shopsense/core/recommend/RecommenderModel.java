package io.shopsense.core.recommend;

import io.shopsense.core.recommend.internal.ModelFormat;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A trained, immutable, thread-safe model: predicts for users of its training {@link Interactions} and falls back to
 * global popularity for {@link UserRef.Unknown} users. It serialises to bytes ({@link #toBytes()}) and back
 * ({@link #fromBytes(byte[])}) with identical predictions, and carries the settings digest and train time beside
 * itself so that a served model can be matched to the settings it was trained with.
 */
public interface RecommenderModel {

  /** The {@link Recommender#name()} that trained it. */
  String recommender();

  /** {@link RecommenderSettings#digest(Interactions)} of the settings and weighting it was trained with. */
  String settingsDigest();

  /** When it was trained (from the recommender's clock). */
  Instant trainedAt();

  /** The training matrix: its user and item indices are the model's. */
  Interactions interactions();

  /** The person as the model knows them; unknown when the model was not trained on them. */
  default UserRef user(String personId) {
    java.util.OptionalInt index = interactions().userIndex(personId);
    return index.isPresent() ? new UserRef.Known(index.getAsInt()) : UserRef.unknown();
  }

  /**
   * Up to {@code n} items, best first, never one of {@code exclude} (product ids). Personalised items (positive
   * personal score) come first, each with its reason; the rest is filled from global popularity
   * ({@link Reason.PopularIn}). Ties break by item index, so the result is deterministic. Unknown users get the
   * popularity list.
   */
  List<ScoredItem> recommend(UserRef user, int n, Set<String> exclude);

  /** The scores of the given item indices for the user (for re-ranking); unknown users get popularity scores. */
  double[] score(UserRef user, int[] items);

  /** The score of every item, by item index, for full ranking over the whole catalog in offline evaluation. */
  double[] scoreAll(UserRef user);

  /** The model in its byte format (header with name, digest and train time; the training matrix; the parameters). */
  byte[] toBytes();

  /** Reads any model written by {@link #toBytes()}; throws {@link IllegalArgumentException} on foreign bytes. */
  static RecommenderModel fromBytes(byte[] bytes) {
    return ModelFormat.read(bytes);
  }
}
