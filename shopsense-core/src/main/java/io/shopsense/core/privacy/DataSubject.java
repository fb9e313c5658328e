package io.shopsense.core.privacy;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.id.UserId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The person a request is about, resolved once before any section or step runs, so that a step that runs after the
 * identities are erased still knows what to look for. Held in memory only, never stored.
 *
 * @param person      the live person id
 * @param persons     {@code person} and every person id merged into it
 * @param identifiers every identifier the person owns (after merges)
 * @param traits      the person's traits
 */
public record DataSubject(PersonId person, List<PersonId> persons, List<Identifier> identifiers, Properties traits) {

  /** Traits whose values identify the person well enough to search raw records for them. */
  private static final Set<String> SEARCHABLE_TRAITS = Set.of("email", "phone", "mobile", "name", "firstname",
      "lastname", "username", "address", "street");

  public DataSubject {
    persons = List.copyOf(persons);
    identifiers = List.copyOf(identifiers);
  }

  public Set<AnonymousId> anonymousIds() {
    Set<AnonymousId> out = new LinkedHashSet<>();
    identifiers.stream().filter(i -> i.kind() == IdentifierKind.ANONYMOUS_ID)
        .forEach(i -> out.add(AnonymousId.of(i.value())));
    return out;
  }

  public Set<UserId> userIds() {
    Set<UserId> out = new LinkedHashSet<>();
    identifiers.stream().filter(i -> i.kind() == IdentifierKind.USER_ID).forEach(i -> out.add(UserId.of(i.value())));
    return out;
  }

  /**
   * The values to search raw records (quarantined events, files) for: every identifier, and the text of the traits
   * that name or reach the person (name, contact details, street address). Broad traits such as a city are left out,
   * since they would match other persons' records.
   */
  public Set<String> searchValues() {
    Set<String> out = new LinkedHashSet<>();
    identifiers.forEach(i -> out.add(i.value()));
    traits.values().forEach((name, value) -> {
      String n = name.toLowerCase(Locale.ROOT).replaceAll("[_\\- ]", "");
      if (SEARCHABLE_TRAITS.contains(n) && value instanceof String s && s.strip().length() >= 3) {
        out.add(s.strip());
      }
    });
    return out;
  }
}
