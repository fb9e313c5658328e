package io.shopsense.api.identity;

import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.UserId;

/** One identifier of a person: its kind and value (emails are kept as given; the resolver normalises them). */
public record Identifier(IdentifierKind kind, String value) {
  public Identifier {
    if (kind == null || value == null || value.isBlank()) {
      throw new IllegalArgumentException("an identifier needs a kind and a value");
    }
  }

  public static Identifier of(AnonymousId id) {
    return new Identifier(IdentifierKind.ANONYMOUS_ID, id.value());
  }

  public static Identifier of(UserId id) {
    return new Identifier(IdentifierKind.USER_ID, id.value());
  }

  @Override
  public String toString() {
    return kind.key() + ":" + value;
  }
}
