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

  /** One item of {@link #picks}: its product id, its score, and whether the person's own data chose it. */
  record Pick(String item, double score, boolean personal) {
    public Pick {
      java.util.Objects.requireNonNull(item, "item");
    }
  }

  /**
   * The items of {@link #recommend} without their reasons, and how to explain any of them: the reason of a personal
   * pick as {@link #recommend} would give it, {@link Reason.PopularIn#global()} for the popularity fill. {@code explain}
   * holds the user's scores of this call and is meant for the call's own items, soon after.
   */
  record Picks(List<Pick> items, java.util.function.Function<String, Reason> explain) {
    public Picks {
      items = List.copyOf(items);
      java.util.Objects.requireNonNull(explain, "explain");
    }
  }

  /**
   * As {@link #recommend}, with the reasons left to {@link Picks#explain}: for callers that fetch more items than they
   * show (the serving path fetches four candidates per slot and explains only the items it shows), since an
   * explanation can cost more than the scoring. The items, their order and scores are those of {@link #recommend}.
   */
  default Picks picks(UserRef user, int n, Set<String> exclude) {
    List<ScoredItem> all = recommend(user, n, exclude);
    java.util.Map<String, Reason> reasons = new java.util.HashMap<>();
    List<Pick> items = new java.util.ArrayList<>(all.size());
    for (ScoredItem s : all) {
      reasons.put(s.item(), s.reason());
      items.add(new Pick(s.item(), s.score(), !(s.reason() instanceof Reason.PopularIn)));
    }
    return new Picks(items, item -> reasons.getOrDefault(item, Reason.PopularIn.global()));
  }

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
