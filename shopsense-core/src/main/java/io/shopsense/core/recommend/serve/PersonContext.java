package io.shopsense.core.recommend.serve;

import io.shopsense.api.id.PersonId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the serving path knows of a person besides the model: for cold start and rules. Read only for persons who
 * consented to personalisation.
 *
 * @param region              country (or region) code, or empty when unknown
 * @param segments            the saved segments the person is in
 * @param interests           stated or observed favourite categories, strongest first
 * @param bought              products the person bought (for the already-bought rule)
 */
public record PersonContext(PersonId person, String region, List<String> segments, List<String> interests,
    Set<String> bought) {
  public PersonContext {
    Objects.requireNonNull(person, "person");
    region = region == null ? "" : region;
    segments = List.copyOf(segments);
    interests = List.copyOf(interests);
    bought = Set.copyOf(bought);
  }

  public static PersonContext empty(PersonId person) {
    return new PersonContext(person, "", List.of(), List.of(), Set.of());
  }
}
