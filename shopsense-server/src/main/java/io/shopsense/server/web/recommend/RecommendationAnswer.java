package io.shopsense.server.web.recommend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.serve.CatalogView;
import io.shopsense.core.recommend.serve.RecommendedItem;
import io.shopsense.core.recommend.serve.Recommendations;
import java.util.List;

/**
 * The JSON of {@code GET /v1/recommendations}: the list's {@code id} (impression and click events carry it), scene,
 * model version, basis ({@code personalised}, {@code cold_start}, {@code non_personalised}) and items, best first.
 */
public record RecommendationAnswer(String id, String scene, String modelVersion, String basis,
    List<ItemAnswer> items) {

  /** One product: its catalog name (empty when unknown), score, candidate source and reason, as data and words. */
  public record ItemAnswer(String productId, String name, double score, String source, ReasonAnswer reason,
      String explanation) {}

  /**
   * A reason as data: {@code type} is {@code because}, {@code similar_to}, {@code often_bought_with} or
   * {@code due_again} (with {@code item}), {@code popular_in} (with {@code scope}) or {@code new_in} (with
   * {@code category}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReasonAnswer(String type, String item, String scope, String category) {

    static ReasonAnswer of(Reason reason) {
      if (reason instanceof Reason.Because r) {
        return new ReasonAnswer("because", r.item(), null, null);
      } else if (reason instanceof Reason.SimilarTo r) {
        return new ReasonAnswer("similar_to", r.item(), null, null);
      } else if (reason instanceof Reason.OftenBoughtWith r) {
        return new ReasonAnswer("often_bought_with", r.item(), null, null);
      } else if (reason instanceof Reason.DueAgain r) {
        return new ReasonAnswer("due_again", r.item(), null, null);
      } else if (reason instanceof Reason.PopularIn r) {
        return new ReasonAnswer("popular_in", null, r.scope(), null);
      } else if (reason instanceof Reason.NewIn r) {
        return new ReasonAnswer("new_in", null, null, r.category());
      }
      throw new IllegalArgumentException("unknown reason " + reason.getClass().getSimpleName());
    }
  }

  static RecommendationAnswer of(Recommendations r, CatalogView catalog) {
    return new RecommendationAnswer(r.id(), r.scene().wireName(), r.modelVersion(), r.basis().wireName(),
        r.items().stream().map(i -> item(i, catalog)).toList());
  }

  private static ItemAnswer item(RecommendedItem i, CatalogView catalog) {
    return new ItemAnswer(i.item(), catalog.name(i.item()).orElse(""), i.score(), i.source(),
        ReasonAnswer.of(i.reason()), i.explanation());
  }
}
