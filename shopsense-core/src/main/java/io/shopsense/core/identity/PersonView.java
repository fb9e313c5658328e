package io.shopsense.core.identity;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.IdentityLink;
import io.shopsense.api.identity.MergeRecord;
import io.shopsense.api.identity.RefusedMerge;
import java.util.List;

/**
 * Everything the identity side knows of one person.
 *
 * @param asked the person id that was asked for, when it was merged into {@code id}; else null
 */
public record PersonView(PersonId id, PersonId asked, List<IdentityLink> identifiers, Properties traits,
    List<MergeRecord> merges, List<RefusedMerge> refusals) {}
