package io.shopsense.core.identity;

import io.shopsense.api.event.Alias;
import io.shopsense.api.event.Event;
import io.shopsense.api.event.Identify;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The identifiers an event shows to belong together, normalised. */
public final class Identifiers {
  private Identifiers() {}

  /** The user id first (it decides uniqueness conflicts), then the anonymous id, then trait identifiers. */
  static Set<Identifier> of(Event event, Set<IdentifierKind> traitKinds) {
    Set<Identifier> ids = new LinkedHashSet<>();
    event.meta().user().ifPresent(u -> ids.add(Identifier.of(u)));
    event.meta().anonymous().ifPresent(a -> ids.add(Identifier.of(a)));
    if (event instanceof Identify identify) {
      if (traitKinds.contains(IdentifierKind.EMAIL)) {
        identify.traits().text("email").map(Identifiers::email)
            .ifPresent(e -> ids.add(new Identifier(IdentifierKind.EMAIL, e)));
      }
      if (traitKinds.contains(IdentifierKind.PHONE)) {
        identify.traits().text("phone").map(Identifiers::phone).filter(p -> p.length() >= 6)
            .ifPresent(p -> ids.add(new Identifier(IdentifierKind.PHONE, p)));
      }
    }
    return ids;
  }

  /** The alias's previous id, of whichever kind it is known under (a user id when it is not known yet). */
  static Identifier previous(Alias alias, java.util.function.Predicate<Identifier> known) {
    Identifier asAnonymous = new Identifier(IdentifierKind.ANONYMOUS_ID, alias.previousId());
    if (known.test(asAnonymous)) {
      return asAnonymous;
    }
    return new Identifier(IdentifierKind.USER_ID, alias.previousId());
  }

  public static String email(String raw) {
    return raw.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Digits only, keeping a leading plus: "+86 138-0000-0000" and "+8613800000000" are one phone. Digits of other
   * scripts (full-width "１３８", Arabic-Indic…) become their ASCII digit, so one phone typed two ways is one phone.
   */
  public static String phone(String raw) {
    StringBuilder sb = new StringBuilder();
    String s = raw.strip();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int digit = Character.digit(c, 10);
      if (digit >= 0) {
        sb.append((char) ('0' + digit));
      } else if ((c == '+' || c == '\uFF0B') && sb.length() == 0) {
        sb.append('+');
      }
    }
    return sb.toString();
  }
}
