package io.shopsense.api.collect;

import io.shopsense.api.id.SourceId;
import java.time.LocalDate;

/** A count of one metric for one source on one day (UTC, by time received). */
public record QualityCount(LocalDate day, SourceId source, QualityMetric metric, long count) {}
