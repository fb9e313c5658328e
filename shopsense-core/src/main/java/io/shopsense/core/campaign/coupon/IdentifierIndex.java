package io.shopsense.core.campaign.coupon;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.offer.SharedIdentifiers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory {@link SharedIdentifiers}: identifiers (kind and value, e-mails compared without case and Gmail-style
 * dots and {@code +tags}, phone numbers by their digits) registered per person, and who else holds each. Enough for a
 * small shop and for tests; a large one backs the port with the identity graph. Thread-safe.
 */
public final class IdentifierIndex implements SharedIdentifiers {
  private final Map<String, Set<PersonId>> holders = new ConcurrentHashMap<>();
  private final Map<PersonId, Set<String>> byPerson = new ConcurrentHashMap<>();

  /** Records that the person holds the identifier; kind is e.g. {@code email}, {@code phone}, {@code device}. */
  public void register(PersonId person, String kind, String value) {
    String key = kind + ":" + canonical(kind, value);
    holders.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(person);
    byPerson.computeIfAbsent(person, p -> ConcurrentHashMap.newKeySet()).add(key);
  }

  @Override
  public List<Shared> sharedWith(PersonId person) {
    List<Shared> out = new ArrayList<>();
    Set<PersonId> seen = new LinkedHashSet<>();
    for (String key : byPerson.getOrDefault(person, Set.of())) {
      String kind = key.substring(0, key.indexOf(':'));
      for (PersonId other : holders.getOrDefault(key, Set.of())) {
        if (!other.equals(person) && seen.add(other)) {
          out.add(new Shared(other, kind));
        }
      }
    }
    return out;
  }

  /** The form two spellings of one identifier share. */
  static String canonical(String kind, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if ("email".equals(kind)) {
      int at = v.indexOf('@');
      if (at > 0) {
        String local = v.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
          local = local.substring(0, plus);
        }
        String domain = v.substring(at + 1);
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
          local = local.replace(".", "");
          domain = "gmail.com";
        }
        return local + "@" + domain;
      }
    }
    if ("phone".equals(kind)) {
      return v.replaceAll("[^0-9]", "");
    }
    return v;
  }
}
