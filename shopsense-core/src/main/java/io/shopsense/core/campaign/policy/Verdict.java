package io.shopsense.core.campaign.policy;

import java.time.Instant;

/**
 * The policy's answer for one candidate message: send it now, drop it (with the rule and reason), or hold it until a
 * time and check it again then.
 */
public sealed interface Verdict {

  /** The one allow: carries nothing, so it is a constant. */
  Allow ALLOW = new Allow();

  default boolean allowed() {
    return this instanceof Allow;
  }

  /** Send now. */
  final class Allow implements Verdict {
    private Allow() {}

    @Override
    public String toString() {
      return "Allow";
    }
  }

  /** Drop: {@code rule} is the rule's code (e.g. {@code frequency_cap}), {@code reason} says why with the figures. */
  record Reject(String rule, String reason) implements Verdict {}

  /** Not now: check again at {@code until} (quiet hours, a higher-priority message today). */
  record Hold(Instant until, String rule, String reason) implements Verdict {}
}
