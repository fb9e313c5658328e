package io.shopsense.core.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trained replenishment intervals ({@link RepeatPurchase}): immutable and thread-safe. A consumable with an interval is
 * due for a person when {@code last purchase + interval ≤ now + window}. Due items come with a
 * {@link Reason.DueAgain} reason and score = elapsed time since the last purchase / interval (1 = due exactly now,
 * above 1 = overdue), highest first, ties by product id. Serialises to bytes and back with the same answers.
 */
public final class RepeatPurchaseModel {
  private static final int MAGIC = 0x53535250; // "SSRP"
  private static final int VERSION = 1;

  private final String settingsDigest;
  private final Instant trainedAt;
  private final Duration window;
  private final Map<String, Duration> intervals;
  private final Set<String> consumables;
  private final Map<String, Map<String, Instant>> lastPurchases;

  RepeatPurchaseModel(String settingsDigest, Instant trainedAt, Duration window, Map<String, Duration> intervals,
      Set<String> consumables, Map<String, Map<String, Instant>> lastPurchases) {
    this.settingsDigest = Objects.requireNonNull(settingsDigest);
    this.trainedAt = Objects.requireNonNull(trainedAt);
    this.window = Objects.requireNonNull(window);
    this.intervals = Map.copyOf(intervals);
    this.consumables = Set.copyOf(consumables);
    Map<String, Map<String, Instant>> last = new HashMap<>();
    lastPurchases.forEach((user, row) -> last.put(user, Map.copyOf(row)));
    this.lastPurchases = Map.copyOf(last);
  }

  public String recommender() {
    return RepeatPurchase.NAME;
  }

  public String settingsDigest() {
    return settingsDigest;
  }

  public Instant trainedAt() {
    return trainedAt;
  }

  /** The expected replenishment interval of {@code item}; empty when there were too few repeat gaps. */
  public Optional<Duration> interval(String item) {
    return Optional.ofNullable(intervals.get(item));
  }

  /**
   * Whether {@code item} is a consumable (learned or given). Re-ranking keeps already-bought consumables and drops
   * other already-bought items.
   */
  public boolean isConsumable(String item) {
    return consumables.contains(item);
  }

  /** The consumables, learned or given. */
  public Set<String> consumables() {
    return consumables;
  }

  /** Up to {@code n} consumables due for {@code person} at {@code now}, from the purchases the model was trained on. */
  public List<ScoredItem> dueFor(String person, Instant now, int n) {
    return due(lastPurchases.getOrDefault(person, Map.of()), now, n);
  }

  /**
   * Up to {@code n} consumables due at {@code now} given the last purchase of each item (product id → instant; fresher
   * than the training data when the caller has them). Items that are not consumables or have no interval are never
   * due.
   */
  public List<ScoredItem> due(Map<String, Instant> lastPurchase, Instant now, int n) {
    Objects.requireNonNull(lastPurchase, "lastPurchase");
    Objects.requireNonNull(now, "now");
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0: " + n);
    }
    Instant horizon = now.plus(window);
    List<ScoredItem> out = new ArrayList<>();
    lastPurchase.forEach((item, last) -> {
      Duration interval = intervals.get(item);
      if (interval == null || !consumables.contains(item) || last.plus(interval).isAfter(horizon)) {
        return;
      }
      // elapsed / interval in millis: the share of a cycle used up, comparable across items of different rhythms
      double score = (double) Duration.between(last, now).toMillis() / Math.max(1, interval.toMillis());
      out.add(new ScoredItem(item, score, new Reason.DueAgain(item)));
    });
    out.sort(Comparator.comparingDouble(ScoredItem::score).reversed().thenComparing(ScoredItem::item));
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  /** The model's bytes: magic {@code SSRP}, version, digest, train time, window, intervals, consumables, purchases. */
  public byte[] toBytes() {
    return ModelBytes.write(MAGIC, VERSION, out -> {
      out.writeUTF(settingsDigest);
      ModelBytes.writeInstant(out, trainedAt);
      out.writeLong(window.toMillis());
      Map<String, Duration> sortedIntervals = new TreeMap<>(intervals);
      out.writeInt(sortedIntervals.size());
      for (Map.Entry<String, Duration> e : sortedIntervals.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeLong(e.getValue().toMillis());
      }
      out.writeInt(consumables.size());
      for (String item : new TreeSet<>(consumables)) {
        out.writeUTF(item);
      }
      Map<String, Map<String, Instant>> sortedLast = new TreeMap<>(lastPurchases);
      out.writeInt(sortedLast.size());
      for (Map.Entry<String, Map<String, Instant>> user : sortedLast.entrySet()) {
        out.writeUTF(user.getKey());
        Map<String, Instant> row = new TreeMap<>(user.getValue());
        out.writeInt(row.size());
        for (Map.Entry<String, Instant> e : row.entrySet()) {
          out.writeUTF(e.getKey());
          ModelBytes.writeInstant(out, e.getValue());
        }
      }
    });
  }

  /** Reads what {@link #toBytes()} wrote; throws {@link IllegalArgumentException} on foreign or truncated bytes. */
  public static RepeatPurchaseModel fromBytes(byte[] bytes) {
    return ModelBytes.read(bytes, MAGIC, VERSION, "repeat-purchase", in -> {
      String digest = in.readUTF();
      Instant trainedAt = ModelBytes.readInstant(in);
      Duration window = Duration.ofMillis(in.readLong());
      Map<String, Duration> intervals = new HashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        intervals.put(in.readUTF(), Duration.ofMillis(in.readLong()));
      }
      Set<String> consumables = new TreeSet<>();
      for (int i = in.readInt(); i > 0; i--) {
        consumables.add(in.readUTF());
      }
      Map<String, Map<String, Instant>> last = new HashMap<>();
      for (int u = in.readInt(); u > 0; u--) {
        String user = in.readUTF();
        Map<String, Instant> row = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
          row.put(in.readUTF(), ModelBytes.readInstant(in));
        }
        last.put(user, row);
      }
      return new RepeatPurchaseModel(digest, trainedAt, window, intervals, consumables, last);
    });
  }

}
