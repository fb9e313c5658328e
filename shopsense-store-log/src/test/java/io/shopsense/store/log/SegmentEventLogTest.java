package io.shopsense.store.log;

import io.shopsense.api.collect.EventLog;
import io.shopsense.store.contract.EventLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The event-log contract against the segment log with the shipped settings. */
class SegmentEventLogTest extends EventLogContract {

  @TempDir
  Path dir;

  @Override
  protected EventLog open() {
    return SegmentEventLog.open(dir, SegmentLogSettings.defaults());
  }
}
