package io.shopsense.core.campaign.content;

import io.shopsense.api.id.PersonId;
import java.util.Map;
import java.util.Objects;

/**
 * What a template may say about one person. Everything but the person is optional (null or empty): a template that
 * uses an absent optional field renders it empty; a coupon code is required by a template that uses it.
 *
 * @param name       how to address the person
 * @param traits     profile traits by name
 * @param stage      the lifecycle stage (potential, new, active, silent, churned)
 * @param rfmSegment the named RFM segment
 * @param couponCode the coupon granted for this message
 */
public record PersonContext(PersonId person, String name, Map<String, String> traits, String stage,
    String rfmSegment, String couponCode) {
  public PersonContext {
    Objects.requireNonNull(person, "person");
    traits = traits == null ? Map.of() : Map.copyOf(traits);
  }

  public PersonContext withCoupon(String code) {
    return new PersonContext(person, name, traits, stage, rfmSegment, code);
  }
}
