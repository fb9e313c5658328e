package io.shopsense.core.recommend.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of {@link Rerank}, one set per scene.
 *
 * @param marginWeight boost per unit of margin: score + scale · marginWeight · margin (≥ 0)
 * @param newItemWeight boost for new items: score + scale · newItemWeight (≥ 0); {@code scale} is the largest
 *     absolute candidate score, so the weights mean the same for models whose scores differ in magnitude
 * @param newItemAge an item listed less than this long ago is new (for the boost and for exploration)
 * @param diversity MMR, per-category caps, or none
 * @param explorationSlots how many of the n slots go to new or long-tail items not already in the list (≥ 0)
 * @param seed mixed with the request key to pick exploration items and slots
 */
public record RerankSettings(double marginWeight, double newItemWeight, Duration newItemAge, Diversity diversity,
    int explorationSlots, long seed) {
  /** Every knob off: only the policies apply. */
  public static final RerankSettings OFF = new RerankSettings(0, 0, Duration.ofDays(30), Diversity.none(), 0, 0);

  public RerankSettings {
    if (!(marginWeight >= 0) || Double.isInfinite(marginWeight)) {
      throw new IllegalArgumentException("marginWeight must be >= 0 and finite: " + marginWeight);
    }
    if (!(newItemWeight >= 0) || Double.isInfinite(newItemWeight)) {
      throw new IllegalArgumentException("newItemWeight must be >= 0 and finite: " + newItemWeight);
    }
    Objects.requireNonNull(newItemAge, "newItemAge");
    if (newItemAge.isNegative()) {
      throw new IllegalArgumentException("newItemAge must be >= 0: " + newItemAge);
    }
    Objects.requireNonNull(diversity, "diversity");
    if (explorationSlots < 0) {
      throw new IllegalArgumentException("explorationSlots must be >= 0: " + explorationSlots);
    }
  }
}
