package io.shopsense.api.identity;

import io.shopsense.api.id.PersonId;
import java.time.Instant;

/** An identifier owned by a person since {@code linkedAt}. */
public record IdentityLink(Identifier identifier, PersonId person, Instant linkedAt) {}
