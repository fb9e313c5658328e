package io.shopsense.core.campaign.journey;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated journey: identity and version, what enrols (trigger) and what ends an enrolment early
 * (events in {@code exitOn}), the re-entry rule, the first step and the steps by id (in definition order). The
 * {@code zone} is used for local-time waits of people whose zone is unknown. Made by {@link JourneyParser}.
 */
public record JourneyDefinition(String id, String name, int version, Trigger trigger, ReentryRule reentry,
    List<EventFilter> exitOn, String start, Map<String, Step> steps, ZoneId zone) {

  public JourneyDefinition {
    exitOn = List.copyOf(exitOn);
    steps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
  }

  /** The step with the id (which validation guaranteed exists when it came from a target). */
  public Step step(String stepId) {
    Step step = steps.get(stepId);
    if (step == null) {
      throw new IllegalArgumentException("journey " + id + " v" + version + " has no step " + stepId);
    }
    return step;
  }
}
