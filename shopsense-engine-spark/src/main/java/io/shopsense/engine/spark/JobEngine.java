package io.shopsense.engine.spark;

import io.shopsense.core.profile.Interests;
import io.shopsense.core.profile.ProfileEngine;
import io.shopsense.core.profile.ProfileModel;
import io.shopsense.core.profile.SegmentEvaluator;
import io.shopsense.core.profile.SegmentRules;
import java.util.Map;

/**
 * The core {@link ProfileEngine} as the job's tasks build it. Tasks run in other JVMs, so nothing of the core is
 * shipped to them as an object: they rebuild the engine from what is (the model as its JSON, the rules as text).
 * The job folds with the default interest settings and fits the lifecycle windows (no configured windows), as the
 * server does unless configured otherwise.
 */
final class JobEngine {
  private JobEngine() {}

  static Interests.Settings interestSettings() {
    return Interests.Settings.defaults();
  }

  /** An engine with the initial model: its facts carry what the model's fit reads (orders and their times). */
  static ProfileEngine beforeFit() {
    return new ProfileEngine(interestSettings(), null);
  }

  /** An engine with a fitted model and the compiled segments, for the final derivation. */
  static ProfileEngine fitted(String modelJson, Map<String, String> segmentRules) {
    ProfileEngine engine = new ProfileEngine(interestSettings(), null);
    engine.model(ProfileModel.fromJson(modelJson));
    engine.segments(segments(segmentRules));
    return engine;
  }

  /** The saved segments compiled by the core's rule language; no rules, no segments. */
  static SegmentEvaluator segments(Map<String, String> idToRuleText) {
    return idToRuleText.isEmpty() ? SegmentEvaluator.NONE : SegmentRules.compile(idToRuleText);
  }
}
