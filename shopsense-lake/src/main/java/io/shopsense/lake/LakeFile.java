package io.shopsense.lake;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One data file of the lake: {@code <table>/event_date=<day>/part-<firstSeq>-<lastSeq>.parquet}, both numbers with 20
 * digits so that names sort by position. The range is the log range the file's writer covered (a whole flush, or the
 * union of the compacted inputs): the file holds only the rows of that range that happened on {@code day}.
 */
record LakeFile(LakeTable table, LocalDate day, long firstSeq, long lastSeq, Path path) {

  private static final Pattern NAME = Pattern.compile("part-(\\d{20})-(\\d{20})\\.parquet");

  static String name(long firstSeq, long lastSeq) {
    return String.format("part-%020d-%020d.parquet", firstSeq, lastSeq);
  }

  /** The file at {@code path} if its name is a data file's name. */
  static Optional<LakeFile> parse(LakeTable table, LocalDate day, Path path) {
    Matcher m = NAME.matcher(path.getFileName().toString());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new LakeFile(table, day, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), path));
  }

  /** True when this file's range contains the other's and is larger: the other was an input of this one. */
  boolean supersedes(LakeFile other) {
    return firstSeq <= other.firstSeq && other.lastSeq <= lastSeq
        && (firstSeq != other.firstSeq || lastSeq != other.lastSeq);
  }
}
