package io.shopsense.lake;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Retention of raw events in the lake: deletes whole day partitions ({@code <table>/event_date=<day>/}) before a first
 * day to keep. A partition is deleted file by file (each delete durable), then its folder; a crash leaves a partition
 * with fewer files, which the next run finishes. Called by {@link LakeWriter#deleteDaysBefore} or, while no writer
 * runs, through {@link #deleteDaysBefore(LakeSettings, LocalDate)}.
 */
public final class LakeRetention {
  private static final System.Logger LOG = System.getLogger(LakeRetention.class.getName());

  private LakeRetention() {}

  /** As {@link LakeWriter#deleteDaysBefore}, for a lake no writer holds (takes its writer lock meanwhile). */
  public static List<String> deleteDaysBefore(LakeSettings settings, LocalDate firstKept) throws IOException {
    LakeDirectory dir = new LakeDirectory(settings.directory());
    FileLock lock = dir.lockForWriting();
    try {
      return deleteDaysBefore(dir, firstKept);
    } finally {
      lock.channel().close();
    }
  }

  static List<String> deleteDaysBefore(LakeDirectory dir, LocalDate firstKept) throws IOException {
    List<String> deleted = new ArrayList<>();
    for (LakeTable table : LakeTable.values()) {
      for (LocalDate day : dir.days(table)) {
        if (!day.isBefore(firstKept)) {
          break; // days are ascending
        }
        Path partition = dir.partitionDir(table, day);
        try (Stream<Path> files = Files.walk(partition)) {
          for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
            Files.deleteIfExists(p);
          }
        }
        LakeDirectory.syncDirectory(partition.getParent());
        deleted.add(dir.root().relativize(partition).toString());
      }
    }
    if (!deleted.isEmpty()) {
      LOG.log(System.Logger.Level.INFO, () -> "lake retention: deleted " + deleted.size() + " day partition(s) before "
          + firstKept);
    }
    return deleted;
  }
}
