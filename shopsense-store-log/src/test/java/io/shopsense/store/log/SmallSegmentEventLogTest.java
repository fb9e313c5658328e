package io.shopsense.store.log;

import io.shopsense.api.collect.EventLog;
import io.shopsense.store.contract.EventLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event-log contract again with the smallest segments and {@link Durability#WRITE}, so that every scenario of the
 * contract also runs across many segments, sealed and active, and over a rebuilt index.
 */
class SmallSegmentEventLogTest extends EventLogContract {

  @TempDir
  Path dir;

  @Override
  protected EventLog open() {
    return SegmentEventLog.open(dir, new SegmentLogSettings(SegmentLogSettings.MIN_SEGMENT_BYTES, Durability.WRITE));
  }
}
