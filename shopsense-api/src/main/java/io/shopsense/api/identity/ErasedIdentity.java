package io.shopsense.api.identity;

import io.shopsense.api.id.PersonId;
import java.util.List;

/**
 * What {@link IdentityGraph#erase} removed: the person rows (the person and every person merged into it) and how many
 * identifier, merge and refusal rows.
 */
public record ErasedIdentity(List<PersonId> persons, long identifiers, long merges, long refusals) {
  public ErasedIdentity {
    persons = List.copyOf(persons);
  }
}
