package io.shopsense.core.campaign.content;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a signed link asserts: its purpose, for whom, from which message, where it leads ({@code target}, empty when
 * the purpose has no target) and until when it holds.
 */
public record LinkClaims(LinkPurpose purpose, PersonId person, String messageKey, String target, Instant expiresAt) {
  public LinkClaims {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(messageKey, "messageKey");
    Objects.requireNonNull(expiresAt, "expiresAt");
    target = target == null ? "" : target;
  }
}
