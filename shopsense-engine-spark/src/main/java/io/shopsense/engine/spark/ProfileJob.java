package io.shopsense.engine.spark;

import io.shopsense.api.event.Properties;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.core.profile.BehaviourView;
import io.shopsense.core.profile.ProfileEngine;
import io.shopsense.core.profile.ProfileModel;
import io.shopsense.core.profile.ProfileState;
import io.shopsense.core.profile.SegmentEvaluator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The batch profile rebuild and segment evaluation over the lake, on Spark: every person's {@link ProfileState}
 * folded from scratch from the lake's events, the {@link ProfileModel} fitted over all of them, and each person's
 * facts and segments derived at {@code now} — with the core's own code at each step, so the result equals the local
 * rebuild's ({@code LakeProfileSource.fold}) person by person.
 *
 * <ol>
 *   <li>read the live {@code events} files and the identity snapshot, attribute each event to its person
 *       ({@link LakeEvents});
 *   <li>fold: {@code EventDecoder.decodeColumns} and {@link ProfileState#add} per event, partial states merged by
 *       person ({@link StateFold});
 *   <li>fit the model with the core's {@code ProfileModel.Fitter} ({@link ModelFit});
 *   <li>derive facts ({@link ProfileEngine#facts}) and segments ({@link ProfileEngine#segmentsOf}) with the fitted
 *       model, and write {@code <out>/profiles/} ({@link ProfileRows}) and {@code <out>/model.json}.
 * </ol>
 *
 * <p><b>Traits.</b> Segments are evaluated with empty traits: traits live in the operational store, not in the lake,
 * so a rule that reads {@code traits.*} sees no value here. Such rules are evaluated by the real-time and local paths
 * only; the job warns when a rule reads traits.
 *
 * <p>No Spring here: the job runs in its own JVM through {@code spark-submit} (see the package documentation).
 */
public final class ProfileJob {
  private static final System.Logger LOG = System.getLogger(ProfileJob.class.getName());

  /** Where the job spent its time, in milliseconds. */
  public record Timings(long foldMillis, long fitMillis, long deriveMillis, long totalMillis) {}

  /**
   * What a run produced.
   *
   * @param model   the fitted model, also written to {@code <out>/model.json}
   * @param persons the number of profiles written (persons with at least one attributed event)
   */
  public record Result(ProfileModel model, long persons, Timings timings) {}

  private ProfileJob() {}

  /** {@code --lake DIR --out DIR [--segments FILE] [--now ISO-INSTANT] [--master URL]}; see {@link JobArguments}. */
  public static void main(String[] args) {
    JobArguments a;
    try {
      a = JobArguments.parse(args, Instant.now());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      throw e;
    }
    SparkSession spark = JobSession.start("shopsense-profile-rebuild", a.master());
    try {
      Result r = run(spark, a.lake(), a.out(), a.segments(), a.now(), a.personalised());
      System.out.printf("shopsense profile rebuild: %d profiles, %d customers in the model, written to %s"
              + " (fold %d ms, fit %d ms, derive and write %d ms, total %d ms)%n", r.persons(),
          r.model().rfm().customers(), a.out().toAbsolutePath(), r.timings().foldMillis(), r.timings().fitMillis(),
          r.timings().deriveMillis(), r.timings().totalMillis());
    } finally {
      spark.stop();
    }
  }

  /**
   * Rebuilds every profile of the lake at {@code lake} and writes them to {@code out}, replacing a previous output.
   *
   * @param spark    the session to run in; not stopped here
   * @param lake     the lake's root: its {@code events} table and {@code identities/links.parquet}; a lake without
   *                 either gives no profiles (and the model of an empty base)
   * @param out      where {@code profiles/} (Parquet) and {@code model.json} go; both paths must be reachable under
   *                 the same name from the driver and every executor (a local or shared file system)
   * @param segments segment id → rule text, compiled by the core's rule language; empty for none
   * @param now      the instant the model is fitted and the facts and segments are derived at
   * @throws IllegalArgumentException when a segment rule does not compile (before any data is read)
   */
  public static Result run(SparkSession spark, Path lake, Path out, Map<String, String> segments, Instant now) {
    return run(spark, lake, out, segments, now, null);
  }

  /**
   * Like {@link #run(SparkSession, Path, Path, Map, Instant)}; persons not in {@code personalised} (the persons with
   * personalisation consent) are in no segment, as on the real-time and local paths. Null evaluates everyone.
   */
  public static Result run(SparkSession spark, Path lake, Path out, Map<String, String> segments, Instant now,
      java.util.Set<String> personalised) {
    if (personalised == null && !segments.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "no --personalised snapshot: every person is evaluated against the "
          + "segments; give the platform's consent snapshot so that persons without personalisation consent are in none");
    }
    long start = System.nanoTime();
    Map<String, String> rules = new LinkedHashMap<>(segments);
    SegmentEvaluator compiled = JobEngine.segments(rules); // fails fast on a bad rule
    if (compiled.usesTraits()) {
      LOG.log(System.Logger.Level.WARNING, "a segment rule reads traits, which are not in the lake: here it sees"
          + " none; the real-time and local paths evaluate it with the person's traits");
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());

    JavaPairRDD<String, byte[]> states = LakeEvents.read(spark, lake).map(StateFold::fold)
        .orElseGet(() -> JavaPairRDD.fromJavaRDD(jsc.<Tuple2<String, byte[]>>emptyRDD()));
    states.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long persons = states.count();
      long folded = System.nanoTime();

      ProfileModel model = ModelFit.fit(states, now);
      long fitted = System.nanoTime();

      Broadcast<String> modelJson = jsc.broadcast(model.toJson());
      Broadcast<Map<String, String>> ruleTexts = jsc.broadcast(rules);
      Broadcast<java.util.Set<String>> allowed = personalised == null ? null
          : jsc.broadcast(java.util.Set.copyOf(personalised));
      JavaRDD<Row> rows = states.mapPartitions(
          part -> derive(part, JobEngine.fitted(modelJson.value(), ruleTexts.value()), now,
              allowed == null ? null : allowed.value()));
      writeProfiles(spark, rows, out.resolve("profiles"));
      writeModel(out, model);
      modelJson.destroy();
      ruleTexts.destroy();
      if (allowed != null) {
        allowed.destroy();
      }
      long end = System.nanoTime();
      return new Result(model, persons, new Timings(millis(start, folded), millis(folded, fitted),
          millis(fitted, end), millis(start, end)));
    } finally {
      states.unpersist(false);
    }
  }

  /** The partition's rows, derived one by one as Spark pulls them. */
  private static Iterator<Row> derive(Iterator<Tuple2<String, byte[]>> part, ProfileEngine engine, Instant now,
      java.util.Set<String> personalised) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return part.hasNext();
      }

      @Override
      public Row next() {
        Tuple2<String, byte[]> p = part.next();
        ProfileState state = ProfileState.decode(p._2(), engine.interestSettings());
        BehaviourView view = state.behaviour().view();
        ProfileFacts facts = engine.facts(state, view, now);
        Set<String> in = personalised == null || personalised.contains(p._1())
            ? engine.segmentsOf(state, view, facts, Properties.EMPTY, now) : Set.of();
        return ProfileRows.row(p._1(), p._2(), facts, in);
      }
    };
  }

  /**
   * Times as the lake writes them (INT64 microseconds adjusted to UTC, read back as an instant by DuckDB and Spark),
   * not Spark's default INT96. The setting is the session's, so it is put back afterwards.
   */
  private static void writeProfiles(SparkSession spark, JavaRDD<Row> rows, Path target) {
    String key = "spark.sql.parquet.outputTimestampType";
    scala.Option<String> before = spark.conf().getOption(key);
    spark.conf().set(key, "TIMESTAMP_MICROS");
    try {
      spark.createDataFrame(rows, ProfileRows.SCHEMA).write().mode(SaveMode.Overwrite)
          .parquet(LakeEvents.uri(target));
    } finally {
      if (before.isDefined()) {
        spark.conf().set(key, before.get());
      } else {
        spark.conf().unset(key);
      }
    }
  }

  private static void writeModel(Path out, ProfileModel model) {
    try {
      Files.createDirectories(out);
      Path tmp = out.resolve(".model.json.tmp");
      Files.writeString(tmp, model.toJson());
      Files.move(tmp, out.resolve("model.json"), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model to " + out, e);
    }
  }

  private static long millis(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
