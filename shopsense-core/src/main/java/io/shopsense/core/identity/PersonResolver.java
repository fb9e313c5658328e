package io.shopsense.core.identity;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import java.util.Optional;

/** Who a request is for: the live person of a (possibly merged-away) person id, or the owner of an identifier. */
public interface PersonResolver {
  /** The live person of {@code asked} (a merged-away id leads to the survivor); empty when never seen or erased. */
  Optional<PersonId> live(PersonId asked);

  /** The person who owns {@code identifier} now (following merges); empty when nobody owns it. */
  Optional<PersonId> owner(Identifier identifier);
}
