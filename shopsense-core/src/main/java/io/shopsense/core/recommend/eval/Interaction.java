package io.shopsense.core.recommend.eval;

import java.time.Instant;
import java.util.Objects;

/**
 * One user–item interaction as the evaluation sees it. {@code weight} is carried for models that train on the
 * split's train half; the metrics themselves use binary relevance and never read it.
 *
 * @param user   the person's id, never blank
 * @param item   the item's id, never blank
 * @param at     when it happened, never null
 * @param kind   what happened, never null
 * @param weight the model-facing strength of the signal (may be negative, e.g. for refunds); must be finite
 */
public record Interaction(String user, String item, Instant at, InteractionKind kind, double weight) {

    public Interaction {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        if (item == null || item.isBlank()) {
            throw new IllegalArgumentException("item must not be blank");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite: " + weight);
        }
    }
}
