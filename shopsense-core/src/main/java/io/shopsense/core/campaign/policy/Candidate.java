package io.shopsense.core.campaign.policy;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.id.PersonId;
import java.time.ZoneId;

/**
 * A message about to be sent, as the policy sees it. Its key names where it comes from: {@link #forCampaign} and
 * {@link #forJourneyStep} build the keys the channels use as idempotency keys.
 *
 * @param topic    what it is about (e.g. {@code new-arrivals}); empty string when nothing in particular
 * @param priority higher wins when promotional messages compete for a person on one day
 * @param zone     the person's time zone, in which days, weeks and quiet hours are counted
 */
public record Candidate(PersonId person, String messageKey, Channel channel, ContentCategory category, String topic,
    int priority, ZoneId zone) {

  public Candidate {
    if (person == null) {
      throw new IllegalArgumentException("a candidate message needs a person");
    }
    if (messageKey == null || messageKey.isBlank() || messageKey.length() > 400) {
      throw new IllegalArgumentException("a candidate message needs a key of 1 to 400 characters, got " + messageKey);
    }
    if (channel == null || category == null) {
      throw new IllegalArgumentException("candidate " + messageKey + " needs a channel and a content category");
    }
    if (zone == null) {
      throw new IllegalArgumentException("candidate " + messageKey + " needs the person's time zone");
    }
    topic = topic == null ? "" : topic.strip();
  }

  /** A broadcast's message to the person: key {@code campaign:<campaign>:<person>}. */
  public static Candidate forCampaign(String campaignId, PersonId person, Channel channel, ContentCategory category,
      String topic, int priority, ZoneId zone) {
    requireId(campaignId, "campaign id");
    return new Candidate(person, "campaign:" + campaignId + ":" + person.value(), channel, category, topic, priority,
        zone);
  }

  /** A journey step's message to the person: key {@code journey:<journey>:<step>:<person>}. */
  public static Candidate forJourneyStep(String journeyId, String stepId, PersonId person, Channel channel,
      ContentCategory category, String topic, int priority, ZoneId zone) {
    requireId(journeyId, "journey id");
    requireId(stepId, "step id");
    return new Candidate(person, "journey:" + journeyId + ":" + stepId + ":" + person.value(), channel, category,
        topic, priority, zone);
  }

  private static void requireId(String id, String what) {
    if (id == null || id.isBlank() || id.indexOf(':') >= 0) {
      throw new IllegalArgumentException("a " + what + " is non-blank text without ':', got " + id);
    }
  }
}
