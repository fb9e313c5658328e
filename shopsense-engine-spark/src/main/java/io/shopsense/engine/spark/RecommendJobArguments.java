package io.shopsense.engine.spark;

import io.shopsense.core.recommend.RecommenderModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * The command line of the recommendation jobs ({@link AlsJob}, {@link ItemCooccurrenceJob}), read like
 * {@link JobArguments}: {@code --name value} pairs, unknown names refused with the usage. Every job takes
 * {@code --lake DIR --out FILE [--now ISO-INSTANT] [--master URL]} and the consent inputs of
 * {@link TrainingPersons} ({@code --personalised FILE}, {@code --exclude FILE}, at least one); a job adds its own
 * options with their defaults.
 *
 * @param lake    the lake's root directory
 * @param out     the model file to write ({@code RecommenderModel.toBytes()}), replaced atomically
 * @param now     the model's train time (default: the clock's instant)
 * @param master  the Spark master, or null to take spark-submit's
 * @param persons whose data may train
 * @param options the job's own options, every one present (given or default), as text
 */
record RecommendJobArguments(Path lake, Path out, Instant now, String master, TrainingPersons persons,
    Map<String, String> options) {

  static final String COMMON_USAGE = "--lake DIR --out FILE (--personalised FILE | --exclude FILE | both)"
      + " [--now ISO-INSTANT] [--master URL]";

  /**
   * Reads {@code args}; {@code defaults} are the job's own options (name with its dashes → default text).
   *
   * @throws IllegalArgumentException with {@code usage} when an argument is missing, unknown or malformed
   */
  static RecommendJobArguments parse(String[] args, Instant clockNow, Map<String, String> defaults, String usage) {
    Set<String> names = new HashSet<>(Set.of("--lake", "--out", "--now", "--master", "--personalised",
        "--exclude"));
    names.addAll(defaults.keySet());
    Map<String, String> values = JobArguments.pairs(args, names, usage);
    Path lake = JobArguments.lake(values);
    Instant now = JobArguments.now(values, clockNow);
    TrainingPersons persons;
    try {
      persons = new TrainingPersons(Optional.ofNullable(values.get("--personalised")).map(Path::of),
          Optional.ofNullable(values.get("--exclude")).map(Path::of));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + "\n" + usage, e);
    }
    Map<String, String> options = new LinkedHashMap<>(defaults);
    defaults.keySet().forEach(k -> {
      if (values.containsKey(k)) {
        options.put(k, values.get(k));
      }
    });
    return new RecommendJobArguments(lake, Path.of(values.get("--out")), now, values.get("--master"), persons,
        Map.copyOf(options));
  }

  /** A model a job trained, and the line its main prints about it. */
  record Trained(RecommenderModel model, String summary) {}

  /** The work of a job's main between reading its arguments and writing its model. */
  @FunctionalInterface
  interface Training<S> {
    Trained train(SparkSession spark, RecommendJobArguments arguments, S settings);
  }

  /**
   * A recommendation job's {@code main}: reads the arguments and the job's settings (printing the usage and
   * rethrowing when they are wrong, before Spark starts), trains in a session of its own, writes the model file and
   * prints the summary.
   */
  static <S> void main(String[] args, String appName, Map<String, String> defaults, String usage,
      Function<RecommendJobArguments, S> settingsOf, Training<S> training) {
    RecommendJobArguments a;
    S settings;
    try {
      a = parse(args, Instant.now(), defaults, usage);
      settings = settingsOf.apply(a);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      throw e;
    }
    SparkSession spark = JobSession.start(appName, a.master());
    try {
      Trained trained = training.train(spark, a, settings);
      a.writeModel(trained.model().toBytes());
      System.out.println(trained.summary() + "; written to " + a.out().toAbsolutePath());
    } finally {
      spark.stop();
    }
  }

  /** A job option as an integer of at least {@code min}. */
  int intOption(String name, int min) {
    String text = options.get(name);
    try {
      int v = Integer.parseInt(text.strip());
      if (v < min) {
        throw new IllegalArgumentException(name + " must be >= " + min + ", not " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs an integer, not " + text, e);
    }
  }

  /** A job option as a finite number of at least {@code min}. */
  double doubleOption(String name, double min) {
    String text = options.get(name);
    try {
      double v = Double.parseDouble(text.strip());
      if (!(v >= min) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(name + " must be a finite number >= " + min + ", not " + text);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a number, not " + text, e);
    }
  }

  /** Writes the model's bytes to {@link #out} through a temporary file and an atomic move. */
  void writeModel(byte[] bytes) {
    try {
      Path target = out.toAbsolutePath();
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model to " + out, e);
    }
  }
}
