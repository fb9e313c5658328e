package io.shopsense.core.recommend.serve;

import java.util.Map;

/**
 * What one training of a {@link ModelSet} read and did.
 *
 * @param persons           persons whose interactions trained the models
 * @param items             items with an interaction
 * @param interactions      interaction records read
 * @param withoutConsent    persons left out because they did not consent to personalisation
 * @param erased            persons left out because they were erased
 * @param millisByModel     training time per model name
 */
public record TrainingSummary(long persons, long items, long interactions, long withoutConsent, long erased,
    Map<String, Long> millisByModel) {
  public static final TrainingSummary EMPTY = new TrainingSummary(0, 0, 0, 0, 0, Map.of());

  public TrainingSummary {
    millisByModel = Map.copyOf(millisByModel);
  }
}
