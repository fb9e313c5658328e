package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.BoughtTogether;
import io.shopsense.core.recommend.BoughtTogetherModel;
import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.ItemKnnRecommender;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.RepeatPurchase;
import io.shopsense.core.recommend.RepeatPurchaseModel;
import io.shopsense.core.recommend.SessionKnnRecommender;
import io.shopsense.core.recommend.internal.ItemKnnModel;
import io.shopsense.core.recommend.internal.SessionKnnModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Trains every model of a {@link ModelSet} from one snapshot of the shop's data: the personal hybrid (see
 * {@link PersonalTraining}), item-kNN, bought-together rules over orders, repeat purchase, session-kNN over browsing
 * sessions, and scoped popularity. The caller has already left out the events of persons without personalisation
 * consent and of erased persons (and counts them in the summary).
 *
 * <p>A shop with little data gets a set with fewer models, never an exception: with fewer than
 * {@link Settings#minInteractions()} interactions no collaborative model is trained; a model whose data say nothing
 * (no rule, no consumable, no session) is left out. The version is the UTC train time and a short digest of what was
 * trained; the train time comes from the injected clock. Stateless apart from its settings; one trainer may train many
 * sets, one at a time or concurrently.
 */
public final class ModelSetTrainer {
  private static final DateTimeFormatter VERSION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final Settings settings;

  /**
   * @param minInteractions    fewer interaction records than this train no collaborative model (≥ 1)
   * @param minValidationUsers the hybrid is tuned only when this many warm persons bought in the validation window
   *                           (≥ 1); else its members weigh the same
   * @param validationWindow   the end of the training records held out to tune the hybrid (positive)
   * @param hybridSteps        the tuning grid's resolution: weights in multiples of 1 / steps (≥ 1)
   * @param popularityHalfLife how fast popularity fades (positive)
   * @param easeMaxItems       EASE^R joins the hybrid only up to this many items: it is dense, items² doubles twice
   * @param weights            the weight of each interaction kind
   */
  public record Settings(int minInteractions, int minValidationUsers, Duration validationWindow, int hybridSteps,
      Duration popularityHalfLife, int easeMaxItems, InteractionWeights weights) {
    /** 20 interactions, 20 validation buyers over the last 14 days, a grid of tenths, 14 days half-life, EASE up to 5k. */
    public static final Settings DEFAULT = new Settings(20, 20, Duration.ofDays(14), 10, Duration.ofDays(14), 5_000,
        InteractionWeights.DEFAULT);

    public Settings {
      if (minInteractions < 1) {
        throw new IllegalArgumentException("minInteractions must be >= 1: " + minInteractions);
      }
      if (minValidationUsers < 1) {
        throw new IllegalArgumentException("minValidationUsers must be >= 1: " + minValidationUsers);
      }
      requirePositive(validationWindow, "validationWindow");
      if (hybridSteps < 1) {
        throw new IllegalArgumentException("hybridSteps must be >= 1: " + hybridSteps);
      }
      requirePositive(popularityHalfLife, "popularityHalfLife");
      if (easeMaxItems < 0 || easeMaxItems > 46_340) {
        throw new IllegalArgumentException("easeMaxItems must be in [0, 46340]: " + easeMaxItems);
      }
      Objects.requireNonNull(weights, "weights");
    }

    private static void requirePositive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration: " + d);
      }
    }

    public Settings withMinInteractions(int min) {
      return new Settings(min, minValidationUsers, validationWindow, hybridSteps, popularityHalfLife, easeMaxItems,
          weights);
    }
  }

  /** What the caller knows besides the events: counts for the summary, categories and contexts for popularity. */
  public record Context(Map<String, String> itemCategories, PersonContexts persons, long withoutConsent,
      long erased) {
    public Context {
      itemCategories = Map.copyOf(itemCategories);
      Objects.requireNonNull(persons, "persons");
    }

    public static final Context NONE = new Context(Map.of(), PersonContexts.NONE, 0, 0);
  }

  public ModelSetTrainer(Clock clock, Settings settings) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Trains a new set, started now; {@code events} is read once. */
  public ModelSet train(Iterable<TrainingEvent> events, Context context) {
    return train(events, context, clock.instant());
  }

  /**
   * Trains a new set whose data were read from {@code startedAt} on (its {@link ModelSet#trainedAt()}: an erasure at
   * or after it may be in the set); {@code events} is read once.
   */
  public ModelSet train(Iterable<TrainingEvent> events, Context context, Instant startedAt) {
    Instant now = Objects.requireNonNull(startedAt, "startedAt");
    List<TrainingEvent> all = new ArrayList<>();
    events.forEach(all::add);
    List<Interaction> records = all.stream().map(TrainingEvent::interaction).toList();
    Map<String, Long> millis = new LinkedHashMap<>();
    boolean enough = records.size() >= settings.minInteractions();
    Optional<RecommenderModel> personal = enough
        ? timed(millis, "personal", () -> new PersonalTraining(clock, settings).train(records, now)
            .map(PersonalTraining.Outcome::model))
        : Optional.empty();
    Optional<ItemKnnModel> similar = enough ? timed(millis, ItemKnnModel.NAME, () -> similar(records))
        : Optional.empty();
    Optional<BoughtTogetherModel> bundles = timed(millis, BoughtTogether.NAME, () -> bundles(all));
    Optional<RepeatPurchaseModel> repeat = timed(millis, RepeatPurchase.NAME, () -> repeat(records));
    Optional<SessionKnnModel> sessions = enough ? timed(millis, SessionKnnModel.NAME, () -> sessions(all))
        : Optional.empty();
    ScopedPopularity popular = timed(millis, "popularity", () -> popularity(records, now, context));
    Set<String> persons = new HashSet<>();
    Set<String> items = new HashSet<>();
    records.forEach(r -> {
      persons.add(r.user());
      items.add(r.item());
    });
    TrainingSummary summary = new TrainingSummary(persons.size(), items.size(), records.size(),
        context.withoutConsent(), context.erased(), millis);
    long fingerprint = 0;
    for (Interaction r : records) {
      fingerprint += r.hashCode(); // order-free: the same records in any order give the same version
    }
    String version = version(now, records.size() + ":" + fingerprint, personal, similar, bundles, repeat, sessions);
    return new ModelSet(version, now, personal, similar, bundles, repeat, sessions, popular, summary);
  }

  private Optional<ItemKnnModel> similar(List<Interaction> records) {
    Interactions matrix = Interactions.of(records, settings.weights());
    return matrix.itemCount() < 2 ? Optional.empty()
        : Optional.of(new ItemKnnRecommender(clock, ItemKnnRecommender.Settings.DEFAULT).train(matrix));
  }

  /** Orders as baskets: the purchases of one order id (else of one person at one instant). */
  private Optional<BoughtTogetherModel> bundles(List<TrainingEvent> events) {
    Map<String, Set<String>> baskets = new TreeMap<>();
    for (TrainingEvent e : events) {
      Interaction r = e.interaction();
      if (r.kind() == InteractionKind.PURCHASE) {
        String key = e.basket().isEmpty() ? "person:" + r.user() + "@" + r.time() : "order:" + e.basket();
        baskets.computeIfAbsent(key, k -> new TreeSet<>()).add(r.item());
      }
    }
    if (baskets.values().stream().noneMatch(b -> b.size() > 1)) {
      return Optional.empty();
    }
    Collection<Set<String>> lists = baskets.values();
    BoughtTogetherModel model = new BoughtTogether(clock, BoughtTogether.Settings.DEFAULT).train(lists);
    return model.ruleCount() == 0 ? Optional.empty() : Optional.of(model);
  }

  private Optional<RepeatPurchaseModel> repeat(List<Interaction> records) {
    RepeatPurchaseModel model = new RepeatPurchase(clock, RepeatPurchase.Settings.DEFAULT).train(records);
    return model.consumables().isEmpty() ? Optional.empty() : Optional.of(model);
  }

  /** Past sessions as rows: the session id takes the person's place. */
  private Optional<SessionKnnModel> sessions(List<TrainingEvent> events) {
    List<Interaction> bySession = new ArrayList<>();
    for (TrainingEvent e : events) {
      if (!e.session().isEmpty()) {
        Interaction r = e.interaction();
        bySession.add(new Interaction(e.session(), r.item(), r.kind(), r.quantity(), r.time()));
      }
    }
    Interactions matrix = Interactions.of(bySession, settings.weights());
    return matrix.userCount() == 0 || matrix.itemCount() < 2 ? Optional.empty()
        : Optional.of(new SessionKnnRecommender(clock, SessionKnnRecommender.Settings.DEFAULT).train(matrix));
  }

  private ScopedPopularity popularity(List<Interaction> records, Instant now, Context context) {
    return ScopedPopularity.EMPTY;
  }

  private static <T> T timed(Map<String, Long> millis, String model, Supplier<T> training) {
    long start = System.nanoTime();
    T result = training.get();
    millis.put(model, (System.nanoTime() - start) / 1_000_000);
    return result;
  }

  /**
   * A set with {@code personal} in place of {@code current}'s personal model (e.g. one trained by Spark) and the rest
   * of {@code current}, under a new version of this clock's time; the summary stays that of {@code current}. Its train
   * time is the older of the two models' (the set holds data read as early as that).
   */
  public ModelSet withPersonal(ModelSet current, RecommenderModel personal) {
    Objects.requireNonNull(personal, "personal");
    Instant now = clock.instant();
    Instant trainedAt = current.version().equals(ModelSet.NONE) || personal.trainedAt().isBefore(current.trainedAt())
        ? personal.trainedAt() : current.trainedAt();
    String version = VERSION_TIME.format(now) + "-" + shortDigest(now + "\n" + current.version() + "\n"
        + personal.recommender() + "=" + personal.settingsDigest() + "@" + personal.trainedAt());
    return new ModelSet(version, trainedAt, Optional.of(personal), current.similar(), current.bundles(), current.repeat(),
        current.sessions(), current.popular(), current.summary());
  }

  /** {@code yyyyMMddTHHmmssZ-<8 hex>}: the digest covers the train instant, the records and every model's digest. */
  private static String version(Instant now, String records, Optional<RecommenderModel> personal,
      Optional<ItemKnnModel> similar, Optional<BoughtTogetherModel> bundles, Optional<RepeatPurchaseModel> repeat,
      Optional<SessionKnnModel> sessions) {
    StringBuilder text = new StringBuilder(now.toString()).append('\n').append(records).append('\n');
    personal.ifPresent(m -> text.append("personal=").append(m.settingsDigest()).append('\n'));
    similar.ifPresent(m -> text.append("similar=").append(m.settingsDigest()).append('\n'));
    bundles.ifPresent(m -> text.append("bundles=").append(m.settingsDigest()).append('\n'));
    repeat.ifPresent(m -> text.append("repeat=").append(m.settingsDigest()).append('\n'));
    sessions.ifPresent(m -> text.append("sessions=").append(m.settingsDigest()).append('\n'));
    return VERSION_TIME.format(now) + "-" + shortDigest(text.toString());
  }

  static String shortDigest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
