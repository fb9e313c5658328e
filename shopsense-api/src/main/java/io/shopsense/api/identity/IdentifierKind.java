package io.shopsense.api.identity;

import java.util.Locale;
import java.util.Optional;

/** The kinds of identifier a person can own. */
public enum IdentifierKind {
  ANONYMOUS_ID,
  USER_ID,
  EMAIL,
  PHONE;

  /** The lower-case name used in settings and APIs, e.g. {@code user_id}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<IdentifierKind> fromKey(String key) {
    for (IdentifierKind k : values()) {
      if (k.key().equalsIgnoreCase(key)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
