package io.shopsense.core.recommend.serve;

import io.shopsense.api.id.PersonId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One request for recommendations.
 *
 * @param scene  where they are shown
 * @param person the person asking, when known (resolved from a person id, user id or anonymous id); empty for a
 *               visitor nobody knows
 * @param items  the scene's context items (product ids): the product on a product page, the cart's lines, the
 *               order's lines after a purchase, the search results to re-rank, or the visitor's recent items on the
 *               home page; may be empty
 * @param n      how many items to return, 1–100
 * @param locale the language of the explanations
 */
public record RecommendationRequest(Scene scene, Optional<PersonId> person, List<String> items, int n,
    Locale locale) {
  public static final int MAX_N = 100;

  public RecommendationRequest {
    Objects.requireNonNull(scene, "scene");
    Objects.requireNonNull(person, "person");
    items = List.copyOf(items);
    Objects.requireNonNull(locale, "locale");
    if (n < 1 || n > MAX_N) {
      throw new IllegalArgumentException("n must be between 1 and " + MAX_N + ": " + n);
    }
  }
}
