package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.rules.Diversity;
import io.shopsense.core.recommend.rules.RerankSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of one scene: its re-ranking (boosts, diversity, exploration). Candidate sources are fixed per
 * {@link Scene}.
 */
public record SceneSettings(RerankSettings rerank) {
  /** An item listed less than this long ago is new, for the boost and for exploration. */
  public static final Duration NEW_ITEM_AGE = Duration.ofDays(30);

  public SceneSettings {
    Objects.requireNonNull(rerank, "rerank");
  }

  /**
   * The shipped defaults of a scene, and why:
   *
   * <ul>
   *   <li>HOME: the page a person browses, where a filter bubble hurts most: MMR with diversity weight 0.3 (relevance
   *       0.7 in Carbonell and Goldstein's terms), one exploration slot (one in ten for the usual ten items) and a small
   *       new-item boost (0.05 of the top score), so new merchants' items are seen;
   *   <li>PRODUCT: similar items are mostly of the page's category, which is the point; a loose cap (6 per category)
   *       only stops one category taking the whole strip; one exploration slot for new items of the category;
   *   <li>CART and POST_PURCHASE: the bundle's order (confidence) is the value, and an unknown item next to a
   *       purchase decision distracts: no exploration, no boost; POST_PURCHASE caps 3 per category, as cross-sell
   *       should cross categories;
   *   <li>EMAIL: a few slots that must each count and cannot be re-rolled: no exploration, at most 2 per category;
   *   <li>SEARCH: the search engine's relevance decides what is in the list; re-ranking must not shuffle it for
   *       variety: every knob off.
   * </ul>
   */
  public static SceneSettings defaults(Scene scene) {
    long seed = 0x5EED_0000L + scene.ordinal();
    return new SceneSettings(switch (scene) {
      case HOME -> new RerankSettings(0, 0.05, NEW_ITEM_AGE, new Diversity.Mmr(0.3), 1, seed);
      case PRODUCT -> new RerankSettings(0, 0.02, NEW_ITEM_AGE, new Diversity.CategoryCap(6), 1, seed);
      case CART -> new RerankSettings(0, 0, NEW_ITEM_AGE, Diversity.none(), 0, seed);
      case POST_PURCHASE -> new RerankSettings(0, 0, NEW_ITEM_AGE, new Diversity.CategoryCap(3), 0, seed);
      case EMAIL -> new RerankSettings(0, 0, NEW_ITEM_AGE, new Diversity.CategoryCap(2), 0, seed);
      case SEARCH -> RerankSettings.OFF;
    });
  }
}
