package io.shopsense.core.privacy;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.core.identity.Identifiers;
import java.util.Locale;

/**
 * The subject of a request as given: one identifier of the person (normalised as the identity resolver stores it) or
 * a person id. Its text ({@code email:…}, {@code person_id:…}) is what the request keeps until an erasure.
 */
public record SubjectRef(Identifier identifier, PersonId personId) {
  private static final int MAX_LENGTH = 1000;

  public SubjectRef {
    if ((identifier == null) == (personId == null)) {
      throw new IllegalArgumentException("a subject is one identifier or one person id");
    }
  }

  /**
   * The subject from the one given field among {@code userId}, {@code anonymousId}, {@code email}, {@code phone},
   * {@code personId}.
   *
   * @throws IllegalArgumentException if none or several are given, or one is blank or too long
   */
  public static SubjectRef of(String userId, String anonymousId, String email, String phone, String personId) {
    int given = 0;
    for (String s : new String[] {userId, anonymousId, email, phone, personId}) {
      if (s != null) {
        given++;
        if (s.isBlank() || s.length() > MAX_LENGTH) {
          throw new IllegalArgumentException("a subject value must be 1 to " + MAX_LENGTH + " characters");
        }
      }
    }
    if (given != 1) {
      throw new IllegalArgumentException("give exactly one of subject.userId, subject.anonymousId, subject.email, "
          + "subject.phone, subject.personId");
    }
    if (personId != null) {
      return new SubjectRef(null, PersonId.of(personId));
    } else if (userId != null) {
      return new SubjectRef(new Identifier(IdentifierKind.USER_ID, userId), null);
    } else if (anonymousId != null) {
      return new SubjectRef(new Identifier(IdentifierKind.ANONYMOUS_ID, anonymousId), null);
    } else if (email != null) {
      return new SubjectRef(new Identifier(IdentifierKind.EMAIL, Identifiers.email(email)), null);
    }
    return new SubjectRef(new Identifier(IdentifierKind.PHONE, Identifiers.phone(phone)), null);
  }

  /** {@code kind:value}, e.g. {@code email:anna@example.com} or {@code person_id:p-1}. */
  public String text() {
    return identifier != null ? identifier.kind().key().toLowerCase(Locale.ROOT) + ":" + identifier.value()
        : "person_id:" + personId.value();
  }

  /**
   * The text with the value masked ({@code email:a***@example.org}, {@code phone:***08}, {@code user_id:us***}): what a
   * request keeps of a subject no one is known by, since nothing is held on them and the identifier need not be.
   */
  public String masked() {
    if (identifier == null) {
      return "person_id:" + mask(personId.value());
    }
    String v = identifier.value();
    String m = switch (identifier.kind()) {
      case EMAIL -> v.indexOf('@') > 0 ? v.charAt(0) + "***" + v.substring(v.indexOf('@')) : mask(v);
      case PHONE -> "***" + v.substring(Math.max(0, v.length() - 2));
      default -> mask(v);
    };
    return identifier.kind().key() + ":" + m;
  }

  private static String mask(String v) {
    return v.substring(0, Math.min(2, v.length() / 3)) + "***";
  }

  /** The subject from its {@link #text()}; empty for a text that is not one (masked or erased). */
  public static java.util.Optional<SubjectRef> parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 1 || colon == text.length() - 1) {
      return java.util.Optional.empty();
    }
    String kind = text.substring(0, colon);
    String value = text.substring(colon + 1);
    if (kind.equals("person_id")) {
      return java.util.Optional.of(new SubjectRef(null, PersonId.of(value)));
    }
    return IdentifierKind.fromKey(kind).map(k -> new SubjectRef(new Identifier(k, value), null));
  }
}
