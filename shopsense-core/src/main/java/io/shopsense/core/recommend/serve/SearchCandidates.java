package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.ScoredItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@link Scene#SEARCH} scene: the request's items are the search results; they are re-ranked, never added to. A
 * known consenting person's results are ordered by the personal model's scores (items the model does not know go
 * last, in their search order); everybody else's by global popularity. The sort is stable, so equal scores keep the
 * search engine's order.
 */
final class SearchCandidates {
  private SearchCandidates() {
  }

  static Candidates rank(ModelSet models, RecommendationRequest request, Audience audience) {
    List<String> results = List.copyOf(new LinkedHashSet<>(request.items()));
    List<ScoredItem> scored = audience instanceof Audience.Known known && models.personal().isPresent()
        ? personal(models.personal().get(), known, results, request.n())
        : popular(models.popular(), results);
    List<ScoredItem> sorted = new ArrayList<>(scored);
    sorted.sort(Comparator.comparingDouble(ScoredItem::score).reversed());
    Candidates out = new Candidates(Set.of());
    String source = audience instanceof Audience.Known && models.personal().isPresent()
        ? models.personal().get().recommender() : SceneCandidates.POPULARITY;
    out.add(source, sorted);
    return out;
  }

  private static List<ScoredItem> popular(ScopedPopularity popular, List<String> results) {
    Reason reason = Reason.PopularIn.global();
    return results.stream().map(item -> new ScoredItem(item, popular.globalScore(item), reason)).toList();
  }

  private static List<ScoredItem> personal(RecommenderModel model, Audience.Known known, List<String> results,
      int n) {
    int[] indices = new int[results.size()];
    int count = 0;
    for (String item : results) {
      OptionalInt index = model.interactions().itemIndex(item);
      if (index.isPresent()) {
        indices[count++] = index.getAsInt();
      }
    }
    double[] scores = model.score(known.user(), Arrays.copyOf(indices, count));
    // the model gives reasons only with its own list: take them for the results that are on it
    Map<String, Reason> reasons = new HashMap<>();
    for (ScoredItem s : model.recommend(known.user(), SceneCandidates.OVER_FETCH * n, Set.of())) {
      reasons.put(s.item(), s.reason());
    }
    List<ScoredItem> out = new ArrayList<>(results.size());
    int k = 0;
    for (String item : results) {
      double score = model.interactions().itemIndex(item).isPresent() ? scores[k++] : Double.NEGATIVE_INFINITY;
      out.add(new ScoredItem(item, score, reasons.getOrDefault(item, Reason.PopularIn.global())));
    }
    return out;
  }
}
