package io.shopsense.api.identity;

import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.PersonId;
import java.time.Instant;

/**
 * A merge the resolver would have made but refused, to guard against over-merging (two user ids on one person,
 * too many identifiers on one person).
 *
 * @param reason a code, e.g. {@code unique_identifier_conflict:user_id} or {@code identity_cap}
 */
public record RefusedMerge(PersonId person, PersonId other, Identifier identifier, String reason, MessageId cause,
    Instant at) {}
