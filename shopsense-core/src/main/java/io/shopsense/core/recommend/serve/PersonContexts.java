package io.shopsense.core.recommend.serve;

import io.shopsense.api.id.PersonId;
import java.util.Optional;

/** Where the serving path reads a {@link PersonContext}; thread-safe and fast (called once per request). */
@FunctionalInterface
public interface PersonContexts {
  Optional<PersonContext> find(PersonId person);

  PersonContexts NONE = person -> Optional.empty();
}
