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
    Candidates out = new Candidates(Set.of());
    if (audience instanceof Audience.Known known && models.personal().isPresent()) {
      RecommenderModel model = models.personal().get();
      personal(out, model, known, results, request.n());
    } else {
      List<ScoredItem> sorted = new ArrayList<>(popular(models.popular(), results));
      sorted.sort(Comparator.comparingDouble(ScoredItem::score).reversed());
      out.add(SceneCandidates.POPULARITY, sorted);
    }
    return out;
  }

  private static List<ScoredItem> popular(ScopedPopularity popular, List<String> results) {
    Reason reason = Reason.PopularIn.global();
    return results.stream().map(item -> new ScoredItem(item, popular.globalScore(item), reason)).toList();
  }

  /**
   * The results by the model's scores. The model explains only the items of its own list: a result on it gets the
   * model's reason (asked of the model only if the result is shown), the others "popular".
   */
  private static void personal(Candidates out, RecommenderModel model, Audience.Known known, List<String> results,
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
    RecommenderModel.Picks picks = model.picks(known.user(), SceneCandidates.OVER_FETCH * n, Set.of());
    Map<String, Boolean> personal = new HashMap<>();
    picks.items().forEach(p -> personal.put(p.item(), p.personal()));
    List<RecommenderModel.Pick> ranked = new ArrayList<>(results.size());
    int k = 0;
    for (String item : results) {
      double score = model.interactions().itemIndex(item).isPresent() ? scores[k++] : Double.NEGATIVE_INFINITY;
      ranked.add(new RecommenderModel.Pick(item, score, personal.getOrDefault(item, false)));
    }
    ranked.sort(Comparator.comparingDouble(RecommenderModel.Pick::score).reversed());
    // every result is the model's ranking, personal reason or not
    out.addPicks(model.recommender(), model.recommender(), new RecommenderModel.Picks(ranked, picks.explain()));
  }
}
