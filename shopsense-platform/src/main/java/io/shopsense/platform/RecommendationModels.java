package io.shopsense.platform;

import io.shopsense.api.privacy.ErasureRegister;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.serve.CatalogView;
import io.shopsense.core.recommend.serve.ModelSet;
import io.shopsense.core.recommend.serve.ModelSetTrainer;
import io.shopsense.core.recommend.serve.PersonContexts;
import io.shopsense.core.recommend.serve.TrainingSummary;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The recommendation models the platform serves: one {@link ModelSet} at a time, swapped atomically (a request reads
 * {@link #current()} once and is served by one version), with the catalog snapshot the serving path reads beside it.
 *
 * <p>On open it loads the newest set on disk that reads whole (a corrupt newer one is passed over with a warning that
 * names the wrong file), else serves the empty set. {@link #retrain()}, {@link #installPersonal} and
 * {@link #retrainIfErased()} run one at a time: each writes a new version, swaps it in, and prunes old versions.
 *
 * <p>Erasure reaches the models: the check compares the erasure register with the moment the served set's data were
 * read, and when someone was erased since, retrains at once and deletes every other version on disk (any of them may
 * hold the person).
 */
public final class RecommendationModels {
  private static final System.Logger LOG = System.getLogger(RecommendationModels.class.getName());

  /** Where the holder reads its training data (the lake, filtered by consent and erasure). */
  @FunctionalInterface
  interface Source {
    TrainingInput read() throws Exception;
  }

  private final RecommendSettings settings;
  private final Clock clock;
  private final ModelStore store;
  private final Source source;
  private final ErasureRegister erasures;
  private final java.util.function.Supplier<CatalogView> catalogSource;
  private final ModelSetTrainer trainer;
  private final PersonContexts contexts;
  private final ReentrantLock changing = new ReentrantLock();
  private final AtomicReference<Served> served;
  private final AtomicReference<CatalogView> catalog = new AtomicReference<>(CatalogView.EMPTY);
  private final BoughtProducts bought;
  private final List<String> skippedAtLoad;
  private volatile Runnable afterSwap = () -> { };

  /**
   * The served set, where it lies on disk, and when its training data were read (erasures at or after that instant
   * may be in it).
   */
  private record Served(ModelSet set, Optional<ModelStore.Stored> stored, Instant dataReadAt) {}

  RecommendationModels(RecommendSettings settings, Clock clock, Source source, ErasureRegister erasures,
      java.util.function.Supplier<CatalogView> catalogSource, PersonContexts contexts, BoughtProducts bought) {
    this.settings = settings;
    this.clock = clock;
    this.store = new ModelStore(settings.modelsDir());
    this.source = source;
    this.erasures = erasures;
    this.catalogSource = catalogSource;
    this.contexts = contexts;
    this.bought = bought;
    this.trainer = new ModelSetTrainer(clock, settings.training());
    ModelStore.Loaded loaded = store.loadNewest();
    loaded.skipped().forEach(reason -> LOG.log(Level.WARNING,
        "recommendation model set {0} is unreadable and was passed over; serving an older one", reason));
    this.skippedAtLoad = List.copyOf(loaded.skipped());
    ModelSet set = loaded.set().orElse(ModelSet.empty());
    // a set's train time is when its data were read (ModelSetTrainer#train): erasures from then on may be in it
    loaded.set().ifPresent(s -> LOG.log(Level.INFO, "serving recommendation model set {0} from {1}", s.version(),
        loaded.from().orElseThrow().path()));
    this.served = new AtomicReference<>(new Served(set, loaded.from(), set.trainedAt()));
  }

  /** Called after every swap (e.g. to forget cached serving contexts). */
  void afterSwap(Runnable action) {
    this.afterSwap = action;
  }

  /** The set to serve now; never null (the empty set before any training). */
  public ModelSet current() {
    return served.get().set();
  }

  /** The catalog snapshot to serve with; empty until the first {@link #refreshCatalog()} or training. */
  public CatalogView catalog() {
    return catalog.get();
  }

  /** Reads the catalog store again into a new snapshot and serves it. */
  public CatalogView refreshCatalog() {
    CatalogView view = catalogSource.get();
    catalog.set(view);
    return view;
  }

  /** The versions on disk that loading passed over because they did not read (with the reason), newest first. */
  public List<String> skippedAtLoad() {
    return skippedAtLoad;
  }

  /** The model set folders on disk, newest first. */
  public List<Path> versionsOnDisk() {
    return store.list().stream().map(ModelStore.Stored::path).toList();
  }

  /**
   * After a restart, reads again what the served set does not store: the products each person bought (for the
   * already-bought rule). Nothing to do before the first training.
   */
  void warmUp() throws Exception {
    changing.lock();
    try {
      if (!current().version().equals(ModelSet.NONE)) {
        bought.replace(source.read().bought());
        afterSwap.run();
      }
    } finally {
      changing.unlock();
    }
  }

  /**
   * Trains a new set from the shop's data (without persons lacking personalisation consent and erased persons),
   * writes it, serves it, and keeps the newest {@link RecommendSettings#versionsKept()} versions on disk. Waits while
   * another training or installation runs. Returns what the training did.
   */
  public TrainingSummary retrain() throws Exception {
    changing.lock();
    try {
      return retrainLocked(false).summary();
    } finally {
      changing.unlock();
    }
  }

  /**
   * When a person was erased since the served set's data were read, retrains at once and deletes every older version
   * on disk; returns whether it did. Called on a schedule by the platform ({@link RecommendSettings#erasureCheckEvery()})
   * and directly by tests and tools.
   */
  public boolean retrainIfErased() throws Exception {
    changing.lock();
    try {
      Served now = served.get();
      if (now.stored().isEmpty() && now.set().version().equals(ModelSet.NONE)) {
        return false; // nothing trained, nothing that could hold anyone
      }
      if (erasures.erasedSince(now.dataReadAt()).isEmpty()) {
        return false;
      }
      ModelSet set = retrainLocked(true);
      LOG.log(Level.INFO, "a person was erased since model set {0} was trained: retrained as {1} and deleted the"
          + " older versions", now.set().version(), set.version());
      return true;
    } finally {
      changing.unlock();
    }
  }

  /**
   * Serves a new version with {@code personal} as its personal model (e.g. trained by Spark) and the other models of
   * the served set; written, swapped and pruned like a training. Returns the new set.
   */
  public ModelSet installPersonal(RecommenderModel personal) {
    changing.lock();
    try {
      Served now = served.get();
      ModelSet set = trainer.withPersonal(now.set(), personal);
      swap(set, set.trainedAt().isBefore(now.dataReadAt()) ? set.trainedAt() : now.dataReadAt(), false);
      return set;
    } finally {
      changing.unlock();
    }
  }

  private ModelSet retrainLocked(boolean dropOlder) throws Exception {
    Instant readAt = clock.instant();
    CatalogView view = refreshCatalog();
    TrainingInput input = source.read();
    Map<String, String> categories = new HashMap<>();
    view.items().forEach(i -> categories.put(i.fact().item(), i.fact().category()));
    ModelSet set = trainer.train(input.events(), new ModelSetTrainer.Context(categories,
        contexts, input.withoutConsent(), input.erased()), readAt);
    bought.replace(input.bought());
    swap(set, readAt, dropOlder);
    return set;
  }

  private void swap(ModelSet set, Instant dataReadAt, boolean dropOlder) {
    ModelStore.Stored stored = store.save(set);
    served.set(new Served(set, Optional.of(stored), dataReadAt));
    List<Path> deleted = dropOlder ? store.deleteAllBut(stored) : store.prune(settings.versionsKept(),
        Optional.of(stored));
    if (!deleted.isEmpty()) {
      LOG.log(Level.DEBUG, "deleted old recommendation model sets {0}", deleted);
    }
    afterSwap.run();
  }
}
