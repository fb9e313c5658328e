package io.shopsense.api.journey;

import io.shopsense.api.id.PersonId;

/**
 * The side effects of journey steps, called by the journey engine on its own thread while it advances an enrolment.
 * Implementations must be idempotent per {@link SendKey}: the engine may call again with the same key after a crash
 * between the call and saving the enrolment's next step, and the second call must do nothing. A call that throws
 * leaves the enrolment at its step, to be tried again on a later tick.
 */
public interface JourneyActions {

  /** Hands a message to the contact policy and channels (which may still suppress it, with a reason). */
  void send(PersonId person, SendKey key, SendSpec spec);

  /** Grants the person a coupon from the pool (subject to the pool's budget and per-person limits). */
  void grantCoupon(PersonId person, SendKey key, String poolId);

  /** Sets a trait on the person's profile ({@code value} as text; the profile decides its type). */
  void updateTrait(PersonId person, SendKey key, String trait, String value);
}
