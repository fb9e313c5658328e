package io.shopsense.server.cli;

import io.shopsense.core.recommend.AlsRecommender;
import io.shopsense.core.recommend.EaseRecommender;
import io.shopsense.core.recommend.HybridRecommender;
import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.ItemKnnRecommender;
import io.shopsense.core.recommend.PopularityRecommender;
import io.shopsense.core.recommend.Recommender;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.TimeDecay;
import io.shopsense.core.recommend.UserRef;
import io.shopsense.core.recommend.eval.EvaluationReport;
import io.shopsense.core.recommend.eval.EvaluationSettings;
import io.shopsense.core.recommend.eval.HybridTuner;
import io.shopsense.core.recommend.eval.ModelSelection;
import io.shopsense.core.recommend.eval.OfflineEvaluator;
import io.shopsense.core.recommend.eval.ResultRow;
import io.shopsense.core.recommend.eval.ResultTable;
import io.shopsense.core.recommend.eval.Split;
import io.shopsense.core.recommend.eval.SplitOptions;
import io.shopsense.core.recommend.eval.TemporalSplit;
import io.shopsense.core.recommend.serve.ModelSetTrainer;
import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shopsense eval}: the offline comparison of the recommendation models on one data set. The records are split
 * in time ({@link TemporalSplit}: train strictly before the cutoff, purchases at or after it are the truth, warm
 * users only); each model is trained on the train half with its training time and peak heap growth measured
 * ({@link PeakHeap}); each ranks the whole catalog for every test user (no sampled negatives) the way it would serve:
 * items with a positive personal score first, the rest by the model's popularity fallback; and the
 * {@link ResultTable} is printed as text or Markdown. The {@code hybrid} row blends the other listed models with
 * weights chosen by {@link HybridTuner} on a validation split carved from the train records only (printed), then
 * retrained on the whole train period. Runs in-process, without a server; deterministic for the same
 * data and options (training times and memory aside).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Offline evaluation of the recommendation models: temporal split, full ranking, one table.")
public class EvalCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** The data sets the command reads. */
  enum Source { GENERATED, ONLINE_RETAIL }

  @Option(names = "--source", defaultValue = "generated", converter = SourceConverter.class,
      description = "generated | online-retail (default: ${DEFAULT-VALUE})")
  Source source;

  @Option(names = "--events", defaultValue = "1000000", description = "generated events (default: ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--seed", defaultValue = "1", description = "generated shop seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--data", description = "the shared data folder (default: $SHOPSENSE_DATA, else ../shared/data)")
  Path data;

  @Option(names = "--cutoff", description = "the split time T, an ISO instant (default: the last 30 days of the"
      + " data are the test period)")
  Instant cutoff;

  @Option(names = "--test-days", defaultValue = "30", description = "the test period when no --cutoff is given"
      + " (default: ${DEFAULT-VALUE})")
  int testDays;

  @Option(names = "--k", defaultValue = "20", description = "Recall@k and HR@k; NDCG and list metrics use"
      + " min(k, 10) (default: ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--models", defaultValue = "popularity,itemknn,ease,als,hybrid", split = ",",
      description = "models to compare, of popularity, itemknn, ease, als, hybrid; the hybrid blends the other"
          + " listed models (all four when none is listed) (default: ${DEFAULT-VALUE})")
  List<String> models;

  @Option(names = "--validation-days", defaultValue = "30", description = "the hybrid's weights are tuned on the"
      + " last this many days before the cutoff, carved from the train period only (default: ${DEFAULT-VALUE})")
  int validationDays;

  @Option(names = "--hybrid-steps", defaultValue = "4", description = "the hybrid's weight grid: multiples of"
      + " 1/steps summing to 1 (default: ${DEFAULT-VALUE})")
  int hybridSteps;

  @Option(names = "--als-grid", description = "the core ALS's settings are chosen over these"
      + " FACTORS:LAMBDA:ALPHA points on the same validation split as the hybrid's weights, and the chosen ALS is both"
      + " the als row and the hybrid's member (default: the platform trainer's grid, 64:0.1:20,64:10:0.3,64:1:1)")
  String alsGrid;

  /** The ALS settings chosen on the validation split (the defaults until chosen). */
  private AlsRecommender.Settings als = AlsRecommender.Settings.DEFAULT;

  @Option(names = "--popularity-half-life", defaultValue = "P30D",
      description = "time decay of the popularity model, relative to the cutoff (default: ${DEFAULT-VALUE})")
  Duration popularityHalfLife;

  @Option(names = "--sample", defaultValue = "100", description = "percent of people kept, chosen by a hash of their"
      + " id (default: ${DEFAULT-VALUE})")
  int samplePercent;

  @Option(names = "--markdown", description = "print the table as Markdown")
  boolean markdown;

  @Option(names = "--with-spark", description = "add a spark-als row: Spark MLlib's implicit ALS, tuned over"
      + " --spark-grid on the same validation split as the hybrid, fitted in a child JVM (./shopsense builds its"
      + " classpath)")
  boolean withSpark;

  @Option(names = "--spark-grid", defaultValue = "32:0.01:1,32:0.01:10,32:0.1:1,32:0.1:10,64:0.01:1,64:0.01:10,"
      + "64:0.1:1,64:0.1:10,64:0.3:1,64:1.0:1,64:0.1:0.3,128:0.1:1,128:0.3:1,128:0.3:0.3",
      description = "spark-als grid, RANK:REGPARAM:ALPHA points (default: ${DEFAULT-VALUE})")
  String sparkGrid;

  @Option(names = "--spark-iterations", defaultValue = "15", description = "spark-als iterations, as the core ALS's"
      + " default (default: ${DEFAULT-VALUE})")
  int sparkIterations;

  @Option(names = "--spark-heap", defaultValue = "4g", description = "the Spark JVM's -Xmx (default: ${DEFAULT-VALUE})")
  String sparkHeap;

  @Option(names = "--spark-classpath", description = "the engine-spark job jar and Spark's jars (default:"
      + " $SHOPSENSE_SPARK_CLASSPATH, which ./shopsense sets)")
  String sparkClasspath;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (samplePercent < 1 || samplePercent > 100) {
      throw new CliException("--sample must be a percentage in 1..100, got " + samplePercent);
    }
    for (String model : models) {
      if (!List.of("popularity", "itemknn", "ease", "als", "hybrid").contains(model)) {
        throw new CliException("unknown model '" + model + "': choose from popularity, itemknn, ease, als, hybrid");
      }
    }
    // checked before the data is read: a missing classpath should not cost a whole run
    SparkAlsContender spark = withSpark ? new SparkAlsContender(
        sparkClasspath != null ? sparkClasspath : System.getenv("SHOPSENSE_SPARK_CLASSPATH"),
        SparkAlsContender.Point.parseGrid(sparkGrid), sparkIterations, sparkHeap, out) : null;
    long t0 = System.nanoTime();
    EvalData input = load();
    List<Interaction> records = input.records();
    if (records.isEmpty()) {
      throw new CliException("no interactions in " + input.source());
    }
    Instant last = records.stream().map(Interaction::time).max(Instant::compareTo).orElseThrow();
    Instant first = records.stream().map(Interaction::time).min(Instant::compareTo).orElseThrow();
    Instant t = cutoff != null ? cutoff : last.minus(Duration.ofDays(testDays));
    Split split = TemporalSplit.split(records, SplitOptions.at(t));
    out.printf(Locale.ROOT, "data: %s, %,d interactions from %s to %s, %,d catalog items (read in %.1f s)%n",
        input.source(), records.size(), first, last, input.catalog().size(), (System.nanoTime() - t0) / 1e9);
    out.printf(Locale.ROOT, "split at %s: %,d train and %,d test interactions; %,d warm test users with %,d"
            + " purchased (user, item) pairs, %,d of them of items never seen in train; %,d cold users left out%n",
        t, split.train().size(), split.test().size(), split.truth().size(), split.truthPairs(),
        split.coldItemPairs(), split.coldUsers().size());
    if (split.truth().isEmpty()) {
      throw new CliException("no warm user purchased after " + t + ": move --cutoff");
    }
    EvaluationSettings settings = new EvaluationSettings(k, Math.min(k, 10), Math.min(k, 10), true);
    OfflineEvaluator evaluator = new OfflineEvaluator(split, input.catalog(), input.similarity(), settings);
    Clock clock = Clock.fixed(t, ZoneOffset.UTC);
    Interactions matrix = Interactions.of(split.train(), InteractionWeights.DEFAULT);
    out.printf(Locale.ROOT, "train matrix: %,d users x %,d items, %,d cells%n", matrix.userCount(),
        matrix.itemCount(), matrix.cellCount());
    if (models.contains("als") || (models.contains("hybrid") && hybridMembers().contains("als"))) {
      chooseAls(out, split.train(), t.minus(Duration.ofDays(validationDays)));
    }
    List<ResultRow> rows = new ArrayList<>();
    for (String name : models) {
      PeakHeap.Measured<RecommenderModel> trained;
      try {
        if (name.equals("hybrid")) {
          trained = trainHybrid(out, split.train(), t, matrix, clock);
        } else {
          Recommender recommender = recommender(name, clock);
          Interactions trainOn = name.equals("popularity") ? decayed(split.train(), t) : matrix;
          trained = PeakHeap.measure(() -> recommender.train(trainOn));
        }
      } catch (IllegalArgumentException e) {
        out.printf(Locale.ROOT, "%s: not trained: %s%n", name, e.getMessage());
        continue;
      }
      long e0 = System.nanoTime();
      EvaluationReport report = evaluator.evaluate(ranker(trained.value()));
      out.printf(Locale.ROOT, "%s: trained in %.1f s, evaluated in %.1f s%n", name, trained.nanos() / 1e9,
          (System.nanoTime() - e0) / 1e9);
      rows.add(new ResultRow(name, report, Duration.ofNanos(trained.nanos()), trained.peakBytes()));
    }
    if (spark != null) {
      rows.add(spark.row(split.train(), t, t.minus(Duration.ofDays(validationDays)), matrix, evaluator, input,
          settings));
    }
    if (rows.isEmpty()) {
      throw new CliException("no model could be trained on this data");
    }
    ResultTable table = new ResultTable(rows);
    out.println();
    out.print(markdown ? table.renderMarkdown() : table.renderText());
    out.printf(Locale.ROOT, "%nfull ranking over %,d catalog items, train items excluded; ILD by %s; peak mem is"
        + " heap growth while training (sampled every ms, after a GC); %d cores, max heap %,d MiB%n",
        input.catalog().size(), input.similarityName(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    return 0;
  }

  /**
   * Tunes the hybrid's weights on a validation split carved from the train records only ({@link HybridTuner} never
   * sees the test period), prints them, then trains the hybrid with those weights on the whole train period; the
   * measured training is that final one (the tuning time is printed beside it).
   */
  private PeakHeap.Measured<RecommenderModel> trainHybrid(PrintWriter out, List<Interaction> train, Instant t,
      Interactions matrix, Clock clock) throws Exception {
    List<String> names = hybridMembers();
    List<HybridRecommender.Member> members = new ArrayList<>();
    for (String name : names) {
      members.add(new HybridRecommender.Member(recommender(name, clock), 1));
    }
    HybridRecommender untuned = new HybridRecommender(clock, members);
    Instant validationCutoff = t.minus(Duration.ofDays(validationDays));
    long t0 = System.nanoTime();
    HybridTuner.Result tuned = HybridTuner.tune(untuned, train, validationCutoff, InteractionWeights.DEFAULT,
        (records, at) -> memberMatrices(names, records, at), hybridSteps);
    StringBuilder weights = new StringBuilder();
    for (int m = 0; m < names.size(); m++) {
      weights.append(m == 0 ? "" : ", ").append(names.get(m)).append(' ')
          .append(String.format(Locale.ROOT, "%.2f", tuned.weights()[m]));
    }
    out.printf(Locale.ROOT, "hybrid: weights %s, chosen of %d on the validation split at %s (%,d users; NDCG@10"
            + " %.4f, Recall@20 %.4f; tuned in %.1f s)%n", weights, tuned.candidates(), validationCutoff,
        tuned.users(), tuned.ndcg(), tuned.recall(), (System.nanoTime() - t0) / 1e9);
    HybridRecommender hybrid = untuned.withWeights(tuned.weights());
    List<Interactions> matrices = memberMatrices(names, train, t);
    return PeakHeap.measure(() -> hybrid.train(matrix, matrices));
  }

  /** The non-hybrid models listed, in order, or all four when none is. */
  List<String> hybridMembers() {
    List<String> listed = models.stream().filter(m -> !m.equals("hybrid")).distinct().toList();
    return listed.isEmpty() ? List.of("popularity", "itemknn", "ease", "als") : listed;
  }

  /** Each member's matrix of {@code records}: popularity decays to {@code at}, the others see all history. */
  private List<Interactions> memberMatrices(List<String> names, List<Interaction> records, Instant at) {
    Interactions plain = Interactions.of(records, InteractionWeights.DEFAULT);
    return names.stream().map(n -> n.equals("popularity") ? decayed(records, at) : plain).toList();
  }

  /** "Recent popularity": the matrix fades with age relative to {@code at}. */
  private Interactions decayed(List<Interaction> records, Instant at) {
    return Interactions.of(records, InteractionWeights.DEFAULT, Optional.of(new TimeDecay(popularityHalfLife, at)));
  }

  private EvalData load() throws Exception {
    if (source == Source.GENERATED) {
      Instant now = Instant.parse("2026-11-01T00:00:00Z");
      EvalData all = GeneratedInteractions.of(DemoShop.of(DemoSettings.of(seed, events, now)));
      return samplePercent == 100 ? all : new EvalData(all.source() + ", " + samplePercent + "% of people",
          all.records().stream().filter(r -> kept(r.user())).toList(), all.catalog(), all.similarity(),
          all.similarityName());
    }
    Path file = dataFolder().resolve(OnlineRetailInteractions.FILE);
    if (!Files.exists(file)) {
      throw new CliException("no Online Retail file at " + file + ": pass --data or set SHOPSENSE_DATA");
    }
    return OnlineRetailInteractions.read(file, this::kept);
  }

  /** The sample: a fixed share of people by a hash of their id, so a smaller sample is a subset of a larger one. */
  private boolean kept(String user) {
    return samplePercent == 100 || Math.floorMod(user.hashCode() * 0x9E3779B9, 100) < samplePercent;
  }

  private Path dataFolder() {
    if (data != null) {
      return data;
    }
    String env = System.getenv("SHOPSENSE_DATA");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data");
  }

  private Recommender recommender(String name, Clock clock) {
    return switch (name) {
      case "popularity" -> new PopularityRecommender(clock);
      case "itemknn" -> new ItemKnnRecommender(clock, ItemKnnRecommender.Settings.DEFAULT);
      case "ease" -> new EaseRecommender(clock, EaseRecommender.Settings.DEFAULT);
      case "als" -> new AlsRecommender(clock, als);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * Chooses the core ALS's settings over {@code --als-grid} on the validation split carved from the train records
   * only ({@link ModelSelection}), so ALS is tuned as honestly as the hybrid's weights and Spark's ALS.
   */
  private void chooseAls(PrintWriter out, List<Interaction> train, Instant validationCutoff) {
    AlsRecommender.Settings d = AlsRecommender.Settings.DEFAULT;
    List<AlsRecommender.Settings> settings = alsGrid == null ? ModelSetTrainer.Settings.DEFAULT.alsGrid()
        : SparkAlsContender.Point.parseGrid(alsGrid, "--als-grid", "FACTORS:LAMBDA:ALPHA").stream()
            .map(p -> new AlsRecommender.Settings(p.rank(), p.regParam(), p.alpha(), d.iterations(), d.cgSteps(),
                d.seed(), d.annAboveItems(), d.annM(), d.annEf())).toList();
    if (settings.size() == 1) {
      als = settings.get(0);
      return;
    }
    Clock clock = Clock.fixed(validationCutoff, ZoneOffset.UTC);
    long t0 = System.nanoTime();
    ModelSelection.Result chosen = ModelSelection.choose(
        settings.stream().map(s -> new AlsRecommender(clock, s)).toList(), train, validationCutoff,
        InteractionWeights.DEFAULT);
    als = settings.get(chosen.chosen());
    StringBuilder scores = new StringBuilder();
    for (int i = 0; i < settings.size(); i++) {
      AlsRecommender.Settings s = settings.get(i);
      scores.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%d:%s:%s %.4f", s.factors(), s.lambda(),
          s.alpha(), chosen.ndcg()[i]));
    }
    out.printf(Locale.ROOT, "als: factors %d, lambda %s, alpha %s chosen of %d on the validation split at %s (%,d"
            + " users; NDCG@10 %s; chosen in %.1f s)%n", als.factors(), als.lambda(), als.alpha(), settings.size(),
        validationCutoff, chosen.users(), scores, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * The model's full ranking for a person, as it would serve: items with a positive personal score by that score,
   * then every other item by the model's popularity fallback (ties by item index, as the model breaks them). A
   * person the model does not know gets the popularity order.
   */
  static Function<String, List<String>> ranker(RecommenderModel model) {
    Interactions items = model.interactions();
    double[] popularity = model.scoreAll(UserRef.unknown());
    return user -> {
      UserRef ref = model.user(user);
      double[] personal = ref instanceof UserRef.Known ? model.scoreAll(ref) : new double[popularity.length];
      Integer[] order = new Integer[popularity.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> {
        boolean pa = personal[a] > 0;
        boolean pb = personal[b] > 0;
        if (pa != pb) {
          return pa ? -1 : 1;
        }
        int c = pa ? Double.compare(personal[b], personal[a]) : Double.compare(popularity[b], popularity[a]);
        return c != 0 ? c : Integer.compare(a, b);
      });
      List<String> ranking = new ArrayList<>(order.length);
      for (Integer i : order) {
        ranking.add(items.itemId(i));
      }
      return ranking;
    };
  }

  /** Accepts the names as written in the docs ({@code online-retail}) as well as the enum constants. */
  static final class SourceConverter implements picocli.CommandLine.ITypeConverter<Source> {
    @Override
    public Source convert(String value) {
      return Source.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }
}
