package io.shopsense.core.usage;

import io.shopsense.api.UnitOfWork;
import io.shopsense.api.collect.ConsumerOffsets;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.api.privacy.UsageCount;
import io.shopsense.api.privacy.UsageKind;
import io.shopsense.api.privacy.UsageLog;
import io.shopsense.api.profile.ProfileChange;
import io.shopsense.api.profile.ProfileChanges;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts "segment entered" in the usage log (purpose {@link Purpose#PERSONALISATION}: segments are built from the
 * person's behaviour) by following the profile change feed with an offset of its own, {@value #NAME} in
 * {@link ConsumerOffsets}. Each batch's counts and the offset after it commit in one unit of work, so a crash never
 * counts a change twice or not at all. The feed's numbers follow commit order (one profile writer), so nothing
 * committed later with a smaller number is missed. One follower per store: two processes following the same
 * PostgreSQL schema would each count. Not thread-safe: run it on one thread.
 */
public final class SegmentUsageFollower {
  public static final String NAME = "usage-segments";

  private final ProfileChanges changes;
  private final UsageLog usage;
  private final ConsumerOffsets offsets;
  private final UnitOfWork unitOfWork;
  private final int batchSize;

  public SegmentUsageFollower(ProfileChanges changes, UsageLog usage, ConsumerOffsets offsets, UnitOfWork unitOfWork,
      int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive");
    }
    this.changes = changes;
    this.usage = usage;
    this.offsets = offsets;
    this.unitOfWork = unitOfWork;
    this.batchSize = batchSize;
  }

  /** Reads the feed after the committed offset up to its end; returns the number of changes read. */
  public long catchUp() {
    long read = 0;
    while (true) {
      long offset = offsets.get(NAME);
      List<ProfileChange> batch = changes.after(offset, batchSize);
      if (batch.isEmpty()) {
        return read;
      }
      List<UsageCount> counts = new ArrayList<>();
      for (ProfileChange c : batch) {
        if (c.kind() == ProfileChange.Kind.SEGMENT_ENTERED) {
          counts.add(new UsageCount(c.person(), LocalDate.ofInstant(c.at(), ZoneOffset.UTC), Purpose.PERSONALISATION,
              UsageKind.SEGMENT_ENTERED, 1));
        }
      }
      long last = batch.get(batch.size() - 1).seq();
      unitOfWork.run(() -> {
        usage.recordAll(counts);
        offsets.commit(NAME, last);
        return null;
      });
      read += batch.size();
    }
  }
}
