package io.shopsense.core.profile;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.IdentityLink;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A person's unified profile as read: who they are (identifiers, traits with the personal ones named), what they do
 * (behaviour), their RFM scores and segment, lifecycle stage, interests, the intent of their current session, and
 * the segments they are in.
 *
 * @param asked           the person id or identifier's owner that was asked for, when merged into {@code person}
 * @param personalTraits  the names of the traits that are personal data
 * @param rfm             the scores and named segment, null for a person without orders
 * @param interests       up to 20 tags, strongest first, normalised so the strongest is 1
 * @param intent          the current session's intent, null when no session is going on
 */
public record Profile(
    PersonId person,
    PersonId asked,
    List<IdentityLink> identifiers,
    Map<String, Object> traits,
    List<String> personalTraits,
    BehaviourView behaviour,
    Rfm rfm,
    String lifecycleStage,
    Instant stageSince,
    Map<String, Double> interests,
    String intent,
    List<String> segments,
    Instant updatedAt) {

  /** RFM scores and the named segment (its key and label). */
  public record Rfm(int recency, int frequency, int monetary, String segment, String label) {}
}
