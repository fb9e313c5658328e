package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.BoughtTogetherModel;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.RepeatPurchaseModel;
import io.shopsense.core.recommend.internal.ItemKnnModel;
import io.shopsense.core.recommend.internal.SessionKnnModel;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The on-disk form of a {@link ModelSet}: one file per present model ({@code personal.model}, {@code similar.model},
 * {@code bundles.model}, {@code repeat.model}, {@code sessions.model}, {@code popular.model}), each the model's own
 * bytes, and {@value #MANIFEST}: the format, version, train time, summary, and the SHA-256 of every model file (a
 * model absent from the manifest is absent from the set). Written under a hidden temporary folder beside the target
 * and renamed into place, so a reader sees a whole set or none. Reading checks every listed file against its checksum
 * before parsing it and names the file that is missing, corrupt or unreadable.
 */
final class ModelSetFiles {
  static final String MANIFEST = "manifest.properties";
  static final int FORMAT = 1;

  private ModelSetFiles() {
  }

  /** The model files, by manifest name; the order is the order in the manifest. */
  private enum Part {
    PERSONAL("personal"), SIMILAR("similar"), BUNDLES("bundles"), REPEAT("repeat"), SESSIONS("sessions"),
    POPULAR("popular");

    final String key;

    Part(String key) {
      this.key = key;
    }

    String file() {
      return key + ".model";
    }
  }

  static void write(ModelSet set, Path directory) {
    Path target = directory.toAbsolutePath();
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      if (Files.exists(target) && !isEmptyDirectory(target)) {
        throw new IllegalStateException("cannot write a model set into " + target + ": it already holds files");
      }
      Files.createDirectories(temp);
      Map<String, String> manifest = new TreeMap<>();
      manifest.put("format", Integer.toString(FORMAT));
      manifest.put("version", set.version());
      manifest.put("trained-at", set.trainedAt().toString());
      TrainingSummary s = set.summary();
      manifest.put("summary.persons", Long.toString(s.persons()));
      manifest.put("summary.items", Long.toString(s.items()));
      manifest.put("summary.interactions", Long.toString(s.interactions()));
      manifest.put("summary.without-consent", Long.toString(s.withoutConsent()));
      manifest.put("summary.erased", Long.toString(s.erased()));
      s.millisByModel().forEach((model, millis) -> manifest.put("summary.millis." + model, Long.toString(millis)));
      writePart(temp, manifest, Part.PERSONAL, set.personal().map(RecommenderModel::toBytes));
      writePart(temp, manifest, Part.SIMILAR, set.similar().map(RecommenderModel::toBytes));
      writePart(temp, manifest, Part.BUNDLES, set.bundles().map(BoughtTogetherModel::toBytes));
      writePart(temp, manifest, Part.REPEAT, set.repeat().map(RepeatPurchaseModel::toBytes));
      writePart(temp, manifest, Part.SESSIONS, set.sessions().map(RecommenderModel::toBytes));
      // the empty popularity (nothing trained yet) has no bytes of its own: it is absent and read back as EMPTY
      writePart(temp, manifest, Part.POPULAR, set.popular() == ScopedPopularity.EMPTY ? Optional.empty()
          : Optional.of(set.popular().toBytes()));
      StringBuilder text = new StringBuilder("# ShopSense model set\n");
      manifest.forEach((k, v) -> text.append(k).append('=').append(escape(v)).append('\n'));
      Files.writeString(temp.resolve(MANIFEST), text, StandardCharsets.UTF_8);
      Files.deleteIfExists(target);
      Files.createDirectories(target.getParent());
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model set " + set.version() + " to " + target, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void writePart(Path dir, Map<String, String> manifest, Part part, Optional<byte[]> bytes)
      throws IOException {
    if (bytes.isEmpty()) {
      return;
    }
    Files.write(dir.resolve(part.file()), bytes.get());
    manifest.put("file." + part.key + ".sha256", sha256(bytes.get()));
  }

  static ModelSet read(Path directory) {
    Path manifestFile = directory.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      throw new IllegalArgumentException("no " + MANIFEST + " in " + directory + ": not a model set");
    }
    Properties m = new Properties();
    try {
      m.load(new StringReader(Files.readString(manifestFile, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(MANIFEST + " in " + directory + " is unreadable: " + e.getMessage(), e);
    }
    String format = required(m, "format", directory);
    if (!format.equals(Integer.toString(FORMAT))) {
      throw new IllegalArgumentException(MANIFEST + " in " + directory + " has format " + format
          + "; this build reads " + FORMAT);
    }
    String version = required(m, "version", directory);
    Instant trainedAt;
    try {
      trainedAt = Instant.parse(required(m, "trained-at", directory));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(MANIFEST + " in " + directory + ": trained-at is not an instant", e);
    }
    TrainingSummary summary = summary(m, directory);
    Optional<RecommenderModel> personal = part(directory, m, Part.PERSONAL, RecommenderModel::fromBytes);
    Optional<ItemKnnModel> similar = part(directory, m, Part.SIMILAR, b -> as(ItemKnnModel.class,
        RecommenderModel.fromBytes(b)));
    Optional<BoughtTogetherModel> bundles = part(directory, m, Part.BUNDLES, BoughtTogetherModel::fromBytes);
    Optional<RepeatPurchaseModel> repeat = part(directory, m, Part.REPEAT, RepeatPurchaseModel::fromBytes);
    Optional<SessionKnnModel> sessions = part(directory, m, Part.SESSIONS, b -> as(SessionKnnModel.class,
        RecommenderModel.fromBytes(b)));
    ScopedPopularity popular = part(directory, m, Part.POPULAR, ScopedPopularity::fromBytes)
        .orElse(ScopedPopularity.EMPTY);
    return new ModelSet(version, trainedAt, personal, similar, bundles, repeat, sessions, popular, summary);
  }

  private static TrainingSummary summary(Properties m, Path directory) {
    Map<String, Long> millis = new TreeMap<>();
    for (String key : m.stringPropertyNames()) {
      if (key.startsWith("summary.millis.")) {
        millis.put(key.substring("summary.millis.".length()), number(m, key, directory));
      }
    }
    return new TrainingSummary(number(m, "summary.persons", directory), number(m, "summary.items", directory),
        number(m, "summary.interactions", directory), number(m, "summary.without-consent", directory),
        number(m, "summary.erased", directory), millis);
  }

  /** The part's model when the manifest lists it; its file must exist, match its checksum and parse. */
  private static <T> Optional<T> part(Path directory, Properties m, Part part, Function<byte[], T> parse) {
    String expected = m.getProperty("file." + part.key + ".sha256");
    if (expected == null) {
      return Optional.empty();
    }
    Path file = directory.resolve(part.file());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(part.file() + " in " + directory + " is missing or unreadable", e);
    }
    String found = sha256(bytes);
    if (!found.equals(expected)) {
      throw new IllegalArgumentException(part.file() + " in " + directory + " is corrupt: its SHA-256 is " + found
          + ", the manifest says " + expected);
    }
    try {
      return Optional.of(parse.apply(bytes));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(part.file() + " in " + directory + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static <T> T as(Class<T> type, Object model) {
    if (!type.isInstance(model)) {
      throw new IllegalArgumentException("expected a " + type.getSimpleName() + ", found a "
          + model.getClass().getSimpleName());
    }
    return type.cast(model);
  }

  private static String required(Properties m, String key, Path directory) {
    String value = m.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(MANIFEST + " in " + directory + " has no " + key);
    }
    return value;
  }

  private static long number(Properties m, String key, Path directory) {
    try {
      return Long.parseLong(required(m, key, directory));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(MANIFEST + " in " + directory + ": " + key + " is not a number", e);
    }
  }

  /** Escapes what {@link Properties#load} would read otherwise: backslashes and line breaks. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a hidden leftover beside the sets is ignored by readers and deleted with old versions
    }
  }
}
