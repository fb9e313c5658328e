package io.shopsense.api.campaign;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Optional;

/**
 * A message the contact-pressure policy did not let through: dropped, or held until {@code heldUntil}. Every one is
 * recorded, so that a marketer can see why a person got nothing.
 *
 * @param rule   the rule that answered (e.g. {@code consent}, {@code frequency_cap}, {@code quiet_hours})
 * @param reason why, in words with the figures (e.g. {@code 3 of 3 promotional messages already sent today ...})
 */
public record MessageSuppressed(PersonId person, String messageKey, String rule, String reason, Instant at,
    Optional<Instant> heldUntil) {

  public MessageSuppressed {
    if (person == null || messageKey == null || messageKey.isBlank() || rule == null || rule.isBlank()
        || reason == null || at == null || heldUntil == null) {
      throw new IllegalArgumentException("a suppression needs a person, a message key, a rule, a reason and a time");
    }
  }

  public boolean held() {
    return heldUntil.isPresent();
  }
}
