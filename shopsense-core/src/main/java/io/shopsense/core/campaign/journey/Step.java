package io.shopsense.core.campaign.journey;

import io.shopsense.api.journey.SendSpec;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/** One node of a journey's step graph; {@link #targets()} are the steps it may go to next. */
public sealed interface Step {

  String id();

  List<String> targets();

  /**
   * Waits {@code duration} (may be null), then, when {@code until} is set, until the next time the person's local
   * clock shows that time. At least one of the two is set.
   */
  record Wait(String id, Duration duration, LocalTime until, String next) implements Step {
    @Override
    public List<String> targets() {
      return List.of(next);
    }
  }

  /** Goes to {@code yes} when the condition holds, else to {@code no}. */
  record Branch(String id, Condition condition, String yes, String no) implements Step {
    @Override
    public List<String> targets() {
      return List.of(yes, no);
    }
  }

  /** An A/B split: each person goes to one arm, chosen deterministically from a hash of person, journey and step. */
  record Split(String id, List<Arm> arms) implements Step {
    @Override
    public List<String> targets() {
      return arms.stream().map(Arm::next).toList();
    }
  }

  /** One arm of a split: its name (the variant reported in tracking), weight (positive) and next step. */
  record Arm(String name, double weight, String next) {
  }

  /** Sends a message. */
  record Send(String id, SendSpec spec, String next) implements Step {
    @Override
    public List<String> targets() {
      return List.of(next);
    }
  }

  /** Grants a coupon from a pool. */
  record GrantCoupon(String id, String poolId, String next) implements Step {
    @Override
    public List<String> targets() {
      return List.of(next);
    }
  }

  /** Sets a trait on the person. */
  record UpdateTrait(String id, String trait, String value, String next) implements Step {
    @Override
    public List<String> targets() {
      return List.of(next);
    }
  }

  /** Ends the journey (completed). */
  record Exit(String id) implements Step {
    @Override
    public List<String> targets() {
      return List.of();
    }
  }
}
