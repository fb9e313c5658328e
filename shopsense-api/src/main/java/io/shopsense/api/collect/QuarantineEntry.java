package io.shopsense.api.collect;

import io.shopsense.api.id.SourceId;
import java.time.Instant;

/**
 * A record in the quarantine.
 *
 * @param raw       the record as it stands now: as received, or as fixed by a person
 * @param attempts  how many replays failed
 * @param resultSeq after a replay, the event's sequence number in the log; else null
 * @param note      a person's note, such as the reason for discarding; may be empty
 */
public record QuarantineEntry(
    long id,
    SourceId source,
    Instant receivedAt,
    String reason,
    String detail,
    String raw,
    String origin,
    QuarantineStatus status,
    int attempts,
    Instant updatedAt,
    Long resultSeq,
    String note) {}
