package io.shopsense.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the lake's files back in line with a position of the event log up to which they are known to be complete:
 * the writer's committed offset when it starts, or its own durable position after a failed flush.
 *
 * <ol>
 *   <li>temporary files (a write or a compaction interrupted before its rename) are deleted;</li>
 *   <li>data files whose range starts after the position are deleted: they come from a flush that was never
 *       committed and may be incomplete (a crash between the files of one flush), and the events will be handed
 *       over, and written, again;</li>
 *   <li>files superseded by another file of their partition are deleted: a compaction installed its output but
 *       was interrupted before it deleted its inputs.</li>
 * </ol>
 *
 * A file that starts at or before the position but ends after it cannot be made by the writer (flushes start after
 * every position it reported, compactions merge committed files only); should one exist, it is kept and the
 * returned position moves to its end, so that its events are not written twice.
 */
final class LakeRecovery {
  private static final System.Logger LOG = System.getLogger(LakeRecovery.class.getName());

  /**
   * What recovery did.
   *
   * @param durable the position up to which the remaining files are complete ({@code position}, or further when a
   *                file straddled it)
   */
  record Outcome(long durable, int tempFiles, int uncommittedFiles, int supersededFiles) {
    boolean changedAnything() {
      return tempFiles + uncommittedFiles + supersededFiles > 0;
    }
  }

  private LakeRecovery() {}

  static Outcome recover(LakeDirectory dir, long position) {
    int temps = dir.deleteTempFiles();
    int uncommitted = 0;
    int superseded = 0;
    long durable = position;
    try {
      for (LakeTable table : LakeTable.values()) {
        for (LocalDate day : dir.days(table)) {
          List<LakeFile> files = dir.files(table, day);
          List<LakeFile> after = new ArrayList<>();
          for (LakeFile f : files) {
            if (f.firstSeq() > position) {
              after.add(f);
            }
          }
          LakeDirectory.delete(after);
          uncommitted += after.size();
          files.removeAll(after);
          List<LakeFile> merged = LakeDirectory.superseded(files);
          LakeDirectory.delete(merged);
          superseded += merged.size();
          files.removeAll(merged);
          for (LakeFile f : files) {
            if (f.lastSeq() > position) {
              LOG.log(System.Logger.Level.WARNING, "lake file " + f.path().getFileName() + " of " + day
                  + " reaches past position " + position + "; kept, its events are not written again");
              durable = Math.max(durable, f.lastSeq());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot recover the lake at " + dir.root(), e);
    }
    Outcome outcome = new Outcome(durable, temps, uncommitted, superseded);
    if (outcome.changedAnything()) {
      LOG.log(System.Logger.Level.INFO, "lake recovered to position " + position + ": deleted " + temps
          + " temporary, " + uncommitted + " uncommitted and " + superseded + " already merged file(s)");
    }
    return outcome;
  }
}
