package io.shopsense.core.campaign.journey;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether a person may enter a journey again. {@link Mode#ONCE}: once per journey version. {@link Mode#AFTER_EXIT}:
 * again once the previous entry has ended and at least {@code cooldown} (may be zero) has passed since it began.
 * Never while an entry is active.
 */
public record ReentryRule(Mode mode, Duration cooldown) {
  /** The kinds of rule. */
  public enum Mode { ONCE, AFTER_EXIT }

  public static final ReentryRule ONCE = new ReentryRule(Mode.ONCE, Duration.ZERO);

  public ReentryRule {
    Objects.requireNonNull(mode, "mode");
    cooldown = cooldown == null ? Duration.ZERO : cooldown;
  }
}
