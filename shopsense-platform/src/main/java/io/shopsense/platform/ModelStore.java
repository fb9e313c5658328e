package io.shopsense.platform;

import io.shopsense.core.recommend.serve.ModelSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The model sets on disk: one folder per version under the models directory, named {@code <seq>-<version>} with a
 * ten-digit sequence number so that the newest is the one with the highest number, whatever the clock did. Folders
 * with other names (a writer's hidden temporary folder) are ignored. Not thread-safe: its one user (the
 * {@link RecommendationModels} holder) writes and prunes one version at a time.
 */
final class ModelStore {
  private static final Pattern NAME = Pattern.compile("(\\d{10})-(.+)");

  private final Path dir;

  /** One version on disk. */
  record Stored(long seq, String version, Path path) {}

  /**
   * What loading found: the newest set that reads (or none), and why each newer one was passed over.
   *
   * @param skipped one line per unreadable newer version: its folder and the reader's message (which file is wrong)
   */
  record Loaded(Optional<ModelSet> set, Optional<Stored> from, List<String> skipped) {}

  ModelStore(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** The versions on disk, newest first. */
  List<Stored> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Stored> out = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.filter(Files::isDirectory).forEach(p -> {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches()) {
          out.add(new Stored(Long.parseLong(m.group(1)), m.group(2), p));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the model sets in " + dir, e);
    }
    out.sort(Comparator.comparingLong(Stored::seq).reversed());
    return out;
  }

  /** The newest version that reads whole; the newer ones that do not are reported, not deleted. */
  Loaded loadNewest() {
    List<String> skipped = new ArrayList<>();
    for (Stored s : list()) {
      try {
        return new Loaded(Optional.of(ModelSet.read(s.path())), Optional.of(s), skipped);
      } catch (RuntimeException e) {
        skipped.add(s.path().getFileName() + ": " + e.getMessage());
      }
    }
    return new Loaded(Optional.empty(), Optional.empty(), skipped);
  }

  /** Writes the set as the newest version (atomically: a reader sees all of it or nothing). */
  Stored save(ModelSet set) {
    long seq = list().stream().mapToLong(Stored::seq).max().orElse(0) + 1;
    Path path = dir.resolve(String.format("%010d-%s", seq, set.version()));
    set.write(path);
    return new Stored(seq, set.version(), path);
  }

  /** Deletes every version but the newest {@code keep} and {@code alsoKeep}; returns the deleted folders. */
  List<Path> prune(int keep, Optional<Stored> alsoKeep) {
    List<Path> deleted = new ArrayList<>();
    List<Stored> all = list();
    for (int i = keep; i < all.size(); i++) {
      Stored s = all.get(i);
      if (alsoKeep.map(k -> k.path().equals(s.path())).orElse(false)) {
        continue;
      }
      delete(s.path());
      deleted.add(s.path());
    }
    return deleted;
  }

  /** Deletes every version but {@code kept}; returns the deleted folders. */
  List<Path> deleteAllBut(Stored kept) {
    List<Path> deleted = new ArrayList<>();
    for (Stored s : list()) {
      if (!s.path().equals(kept.path())) {
        delete(s.path());
        deleted.add(s.path());
      }
    }
    return deleted;
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the model set " + folder, e);
    }
  }
}
