package io.shopsense.platform.campaign;

import io.shopsense.api.campaign.MessageSuppressed;
import io.shopsense.api.campaign.SuppressionLog;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.api.journey.JourneyActions;
import io.shopsense.api.journey.SendKey;
import io.shopsense.api.journey.SendSpec;
import io.shopsense.api.offer.CouponGrant;
import io.shopsense.api.offer.CouponStore;
import io.shopsense.core.campaign.coupon.CouponService;
import io.shopsense.core.campaign.flow.MessageFlow;
import io.shopsense.core.campaign.flow.SendOutcome;
import io.shopsense.core.campaign.flow.SendRequest;
import io.shopsense.core.campaign.journey.JourneyDefinition;
import io.shopsense.core.campaign.journey.JourneyRepository;
import io.shopsense.core.campaign.journey.Step;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What journey steps do: a send goes through the {@link MessageFlow} under the key
 * {@code journey:<journey> | <step> (#entry after the first) | person}, so that a step run again after a crash
 * finds its message already queued; a coupon grant goes to the coupon service under the step's key; a trait update
 * writes the trait. A message the flow finds unsendable is recorded as a suppression (rule {@code unsendable}) and
 * the journey goes on: retrying would not make a missing address appear.
 */
final class JourneySideEffects implements JourneyActions {
  static final String UNSENDABLE = "unsendable";

  private final MessageFlow flow;
  private final CouponService coupons;
  private final CouponStore couponStore;
  private final JourneyRepository journeys;
  private final TraitStore traits;
  private final SuppressionLog suppressions;
  private final Clock clock;

  JourneySideEffects(MessageFlow flow, CouponService coupons, CouponStore couponStore, JourneyRepository journeys,
      TraitStore traits, SuppressionLog suppressions, Clock clock) {
    this.flow = flow;
    this.coupons = coupons;
    this.couponStore = couponStore;
    this.journeys = journeys;
    this.traits = traits;
    this.suppressions = suppressions;
    this.clock = clock;
  }

  /** The delivery key of a journey step's message; a re-entry's messages are new ones. */
  static DeliveryKey deliveryKey(SendKey key) {
    String step = key.entry() == 1 ? key.stepId() : key.stepId() + "#" + key.entry();
    return new DeliveryKey("journey:" + key.journeyId(), step, key.person());
  }

  @Override
  public void send(PersonId person, SendKey key, SendSpec spec) {
    Instant now = clock.instant();
    DeliveryKey dk = deliveryKey(key);
    SendOutcome outcome = flow.submit(List.of(SendRequest.at(dk, spec, now, couponCode(key).orElse(null)))).get(0);
    if (outcome instanceof SendOutcome.Unsendable u) {
      suppressions.append(List.of(new MessageSuppressed(person, dk.value(), UNSENDABLE, u.reason(), now,
          Optional.empty())));
    }
  }

  /** The code of a coupon an earlier step of the same enrolment granted, if any. */
  private Optional<String> couponCode(SendKey key) {
    JourneyDefinition d = journeys.live().stream().filter(j -> j.id().equals(key.journeyId())).findFirst()
        .orElse(null);
    if (d == null) {
      return Optional.empty();
    }
    for (Step step : d.steps().values()) {
      if (step instanceof Step.GrantCoupon g) {
        SendKey grantKey = new SendKey(key.journeyId(), g.id(), key.person(), key.entry());
        Optional<String> code = couponStore.grant(g.poolId(), grantKey.value()).map(CouponGrant::code);
        if (code.isPresent()) {
          return code;
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public void grantCoupon(PersonId person, SendKey key, String poolId) {
    coupons.grant(poolId, person, key.value()); // a refusal (budget spent, limit reached) is recorded by the pool
  }

  @Override
  public void updateTrait(PersonId person, SendKey key, String trait, String value) {
    traits.set(person, Properties.of(Map.of(trait, value)), clock.instant());
  }
}
