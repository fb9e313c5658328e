package io.shopsense.core.recommend;

/**
 * The person a model recommends for: a user the model was trained on (by dense index), or an unknown one (new,
 * anonymous, or without personalisation consent), who gets the model's non-personalised fallback.
 */
public sealed interface UserRef permits UserRef.Known, UserRef.Unknown {

  /** A user of the training {@link Interactions}, by its dense index. */
  record Known(int index) implements UserRef {
    public Known {
      if (index < 0) {
        throw new IllegalArgumentException("user index must be >= 0: " + index);
      }
    }
  }

  /** Nobody the model knows. */
  enum Unknown implements UserRef { INSTANCE }

  static UserRef unknown() {
    return Unknown.INSTANCE;
  }
}
