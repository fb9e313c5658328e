package io.shopsense.api.collect;

import io.shopsense.api.id.SourceId;
import java.time.LocalDate;

/** How many records of a source were rejected for a reason on a day (UTC, by time received). */
public record RejectedCount(LocalDate day, SourceId source, String reason, long count) {}
