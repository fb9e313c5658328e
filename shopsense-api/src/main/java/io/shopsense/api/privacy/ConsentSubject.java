package io.shopsense.api.privacy;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Whom a consent record is about: a resolved person, or one identifier (an anonymous visitor's cookie id, a user id,
 * an email, a phone). Consent is recorded under what the person was known by when they gave it, so that it holds
 * before the identity consumer has created the person; a person's consent is read over their person id, the ids of
 * the persons merged into them and every identifier they own (which moves to the survivor of a merge).
 *
 * @param value the person id or the identifier's value (emails lower-case, phones digits only, as the resolver keeps
 *              them)
 */
public record ConsentSubject(Kind kind, String value) {

  /** The kinds of subject; the wire names are those of {@link IdentifierKind#key()} plus {@code person}. */
  public enum Kind {
    PERSON,
    USER_ID,
    ANONYMOUS_ID,
    EMAIL,
    PHONE;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> fromKey(String key) {
      for (Kind k : values()) {
        if (k.key().equalsIgnoreCase(key)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  public ConsentSubject {
    if (kind == null || value == null || value.isBlank()) {
      throw new IllegalArgumentException("a consent subject needs a kind and a value");
    }
  }

  public static ConsentSubject of(PersonId person) {
    return new ConsentSubject(Kind.PERSON, person.value());
  }

  public static ConsentSubject of(Identifier identifier) {
    return new ConsentSubject(Kind.valueOf(identifier.kind().name()), identifier.value());
  }

  /** The identifier this subject stands for, empty for a person. */
  public Optional<Identifier> identifier() {
    return kind == Kind.PERSON ? Optional.empty()
        : Optional.of(new Identifier(IdentifierKind.valueOf(kind.name()), value));
  }

  @Override
  public String toString() {
    return kind.key() + ":" + value;
  }
}
