package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.Reason;
import java.util.Objects;

/**
 * One recommended product: its score after the scene's rules, the candidate source that proposed it (a model name
 * such as {@code hybrid}, {@code item-knn}, {@code bought-together}, {@code repeat-purchase}, {@code session-knn},
 * {@code popularity}, {@code content}, or {@code exploration}), its reason as data and as a sentence.
 */
public record RecommendedItem(String item, double score, String source, Reason reason, String explanation) {
  public RecommendedItem {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(explanation, "explanation");
  }
}
