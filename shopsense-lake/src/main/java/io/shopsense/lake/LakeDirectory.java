package io.shopsense.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lake's folders and files on disk. Files are written under a temporary name that starts with a dot and ends in
 * {@code .tmp} (so neither a {@code *.parquet} glob nor Spark, which skips hidden files, ever sees them) and renamed
 * into place atomically once complete and synced.
 */
final class LakeDirectory {
  private static final String PARTITION_PREFIX = LakeTable.PARTITION_COLUMN + "=";
  private static final String TEMP_SUFFIX = ".tmp";

  private final Path root;

  LakeDirectory(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  Path tableDir(LakeTable table) {
    return root.resolve(table.tableName());
  }

  Path partitionDir(LakeTable table, LocalDate day) {
    return tableDir(table).resolve(PARTITION_PREFIX + day);
  }

  /** The glob of a table's data files, for {@code read_parquet}: temporary files never match it. */
  String glob(LakeTable table) {
    return tableDir(table) + "/" + PARTITION_PREFIX + "*/*.parquet";
  }

  /** Where a data file is first written: hidden and not ending in {@code .parquet}. */
  static Path tempFor(Path target) {
    return target.resolveSibling("." + target.getFileName() + TEMP_SUFFIX);
  }

  /** The days that have a partition folder in the table, ascending. */
  List<LocalDate> days(LakeTable table) {
    List<LocalDate> days = new ArrayList<>();
    Path dir = tableDir(table);
    if (!Files.isDirectory(dir)) {
      return days;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dir, PARTITION_PREFIX + "*")) {
      for (Path p : dirs) {
        try {
          days.add(LocalDate.parse(p.getFileName().toString().substring(PARTITION_PREFIX.length())));
        } catch (DateTimeParseException notOurs) {
          // a folder someone else put there: not part of the lake
        }
      }
    } catch (NoSuchFileException removedMeanwhile) {
      return days;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    days.sort(Comparator.naturalOrder());
    return days;
  }

  /** The data files of one partition, by first sequence number. */
  List<LakeFile> files(LakeTable table, LocalDate day) {
    List<LakeFile> files = new ArrayList<>();
    Path dir = partitionDir(table, day);
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (DirectoryStream<Path> paths = Files.newDirectoryStream(dir, "part-*.parquet")) {
      for (Path p : paths) {
        LakeFile.parse(table, day, p).ifPresent(files::add);
      }
    } catch (NoSuchFileException removedMeanwhile) {
      // a partition emptied by compaction and removed by the writer while a reader listed it
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(Comparator.comparingLong(LakeFile::firstSeq).thenComparingLong(LakeFile::lastSeq));
    return files;
  }

  /** Every data file of the table, by day and then by position. */
  List<LakeFile> files(LakeTable table) {
    List<LakeFile> files = new ArrayList<>();
    for (LocalDate day : days(table)) {
      files.addAll(files(table, day));
    }
    return files;
  }

  /** The files of the table a reader should see ({@link #live}), by day and then by position. */
  List<LakeFile> liveFiles(LakeTable table) {
    List<LakeFile> files = new ArrayList<>();
    for (LocalDate day : days(table)) {
      files.addAll(live(files(table, day)));
    }
    return files;
  }

  /**
   * The files of one partition that a reader should see: all but those superseded by another file of the list (the
   * inputs of a compaction whose output is installed but which are not deleted yet).
   */
  static List<LakeFile> live(List<LakeFile> partition) {
    List<LakeFile> live = new ArrayList<>(partition.size());
    for (LakeFile f : partition) {
      if (partition.stream().noneMatch(other -> other.supersedes(f))) {
        live.add(f);
      }
    }
    return live;
  }

  /** The files of one partition superseded by another file of it: left over by an interrupted compaction. */
  static List<LakeFile> superseded(List<LakeFile> partition) {
    List<LakeFile> superseded = new ArrayList<>(partition);
    superseded.removeAll(live(partition));
    return superseded;
  }

  /** True when the table has at least one data file. Stops at the first one found. */
  boolean hasFiles(LakeTable table) {
    for (LocalDate day : days(table)) {
      try (DirectoryStream<Path> paths = Files.newDirectoryStream(partitionDir(table, day), "part-*.parquet")) {
        if (paths.iterator().hasNext()) {
          return true;
        }
      } catch (NoSuchFileException removedMeanwhile) {
        // a partition emptied and removed by a writer while we looked
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }

  /** Deletes the temporary files left by an interrupted write or compaction; returns how many. */
  int deleteTempFiles() {
    int deleted = 0;
    for (LakeTable table : LakeTable.values()) {
      for (LocalDate day : days(table)) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(partitionDir(table, day), ".*" + TEMP_SUFFIX)) {
          for (Path t : temps) {
            Files.deleteIfExists(t);
            deleted++;
          }
        } catch (NoSuchFileException removedMeanwhile) {
          // nothing to delete
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return deleted;
  }

  /** Makes sure the partition folder exists, durably, and returns it. */
  Path createPartition(LakeTable table, LocalDate day) throws IOException {
    Path dir = partitionDir(table, day);
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      syncDirectory(dir.getParent());
    }
    return dir;
  }

  /**
   * Puts a completely written temporary file in place: syncs its content, renames it atomically to {@code target}
   * and syncs the folder, so that after this returns the file survives a crash under its final name.
   */
  static void install(Path temp, Path target) throws IOException {
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(target.getParent());
  }

  /** Deletes data files and syncs their folder; removes the folder when it is left empty. */
  static void delete(List<LakeFile> files) throws IOException {
    for (LakeFile f : files) {
      Files.deleteIfExists(f.path());
    }
    files.stream().map(f -> f.path().getParent()).distinct().forEach(LakeDirectory::removeIfEmpty);
  }

  private static void removeIfEmpty(Path dir) {
    try {
      syncDirectory(dir);
      Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException stillUsed) {
      // other files remain: keep the folder
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void syncDirectory(Path dir) throws IOException {
    // forcing a directory makes a rename or delete in it durable (POSIX); not supported everywhere, hence tolerant
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException notSupported) {
      if (!Files.isDirectory(dir)) {
        throw notSupported instanceof IOException io ? io : new IOException(notSupported);
      }
    }
  }

  /**
   * Takes the lake's writer lock ({@code <lake>/.writer.lock}): one process writes (or compacts) a lake at a time.
   * Throws {@link IllegalStateException} when another writer holds it.
   */
  FileLock lockForWriting() {
    try {
      Files.createDirectories(root);
      FileChannel ch = FileChannel.open(root.resolve(".writer.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException sameJvm) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new IllegalStateException("the lake at " + root + " is already being written by another writer");
      }
      return lock;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
