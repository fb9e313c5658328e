package io.shopsense.core.recommend.rules;

import java.util.Objects;

/** The answer of an {@link ItemPolicy}: allow the item, or reject it with a reason. */
public sealed interface Verdict permits Verdict.Allow, Verdict.Reject {

  /** The item may be shown. */
  enum Allow implements Verdict { INSTANCE }

  /** The item must not be shown, because of {@code reason}. */
  record Reject(DropReason reason) implements Verdict {
    public Reject {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static Verdict allow() {
    return Allow.INSTANCE;
  }

  static Verdict reject(DropReason reason) {
    return new Reject(reason);
  }

  default boolean allowed() {
    return this instanceof Allow;
  }
}
