package io.shopsense.core.recommend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Trained frequently-bought-together rules ({@link BoughtTogether}): immutable and thread-safe. Answers complements of
 * one item (product page, post-purchase) and a bundle for a set of items (cart), each suggestion with an
 * {@link Reason.OftenBoughtWith} reason naming the item that implies it. Suggestions are ranked by confidence, then
 * lift, then product id, so equal inputs give equal lists. Serialises to bytes and back with the same answers.
 */
public final class BoughtTogetherModel {
  private static final int MAGIC = 0x53534254; // "SSBT"
  private static final int VERSION = 1;
  private static final Comparator<Rule> BEST_FIRST = Comparator.comparingDouble(Rule::confidence).reversed()
      .thenComparing(Comparator.comparingDouble(Rule::lift).reversed())
      .thenComparing(Rule::consequent)
      .thenComparing(Rule::antecedent);

  private final String settingsDigest;
  private final Instant trainedAt;
  private final int basketCount;
  private final Map<String, List<Rule>> byAntecedent;

  /**
   * One rule {@code antecedent → consequent}: {@code count} baskets hold both; support, confidence and lift as defined
   * in {@link BoughtTogether}.
   */
  public record Rule(String antecedent, String consequent, int count, double support, double confidence,
      double lift) {
    public Rule {
      Objects.requireNonNull(antecedent, "antecedent");
      Objects.requireNonNull(consequent, "consequent");
    }
  }

  BoughtTogetherModel(String settingsDigest, Instant trainedAt, int basketCount, Collection<Rule> rules) {
    this.settingsDigest = Objects.requireNonNull(settingsDigest);
    this.trainedAt = Objects.requireNonNull(trainedAt);
    this.basketCount = basketCount;
    Map<String, List<Rule>> index = new HashMap<>();
    for (Rule r : rules) {
      index.computeIfAbsent(r.antecedent(), k -> new ArrayList<>()).add(r);
    }
    index.replaceAll((k, list) -> {
      list.sort(BEST_FIRST);
      return List.copyOf(list);
    });
    this.byAntecedent = Map.copyOf(index);
  }

  public String recommender() {
    return BoughtTogether.NAME;
  }

  public String settingsDigest() {
    return settingsDigest;
  }

  public Instant trainedAt() {
    return trainedAt;
  }

  /** How many baskets it was mined from. */
  public int basketCount() {
    return basketCount;
  }

  /** The kept rules with {@code item} as antecedent, best first; empty for an unknown item. */
  public List<Rule> rulesFrom(String item) {
    return byAntecedent.getOrDefault(item, List.of());
  }

  /** Number of kept rules. */
  public int ruleCount() {
    return byAntecedent.values().stream().mapToInt(List::size).sum();
  }

  /** Up to {@code n} items often bought with {@code item}, best first; score = the rule's confidence. */
  public List<ScoredItem> complementsOf(String item, int n) {
    return bundleFor(Set.of(item), n);
  }

  /**
   * Up to {@code n} items to add to {@code items} (a cart), never one of them, best first. Each candidate takes its
   * strongest rule from any item of the set (score = that rule's confidence, reason = its antecedent); taking the
   * maximum rather than a sum keeps one strong tie from being outvoted by many weak ones.
   */
  public List<ScoredItem> bundleFor(Collection<String> items, int n) {
    Objects.requireNonNull(items, "items");
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0: " + n);
    }
    Set<String> have = new HashSet<>(items);
    Map<String, Rule> best = new HashMap<>();
    for (String a : have) {
      for (Rule r : rulesFrom(a)) {
        if (!have.contains(r.consequent())) {
          best.merge(r.consequent(), r, (x, y) -> BEST_FIRST.compare(x, y) <= 0 ? x : y);
        }
      }
    }
    return best.values().stream().sorted(BEST_FIRST).limit(n)
        .map(r -> new ScoredItem(r.consequent(), r.confidence(), new Reason.OftenBoughtWith(r.antecedent())))
        .toList();
  }

  /** The model's bytes: magic {@code SSBT}, version, digest, train time, basket count, the rules. */
  public byte[] toBytes() {
    return ModelBytes.write(MAGIC, VERSION, out -> {
      out.writeUTF(settingsDigest);
      ModelBytes.writeInstant(out, trainedAt);
      out.writeInt(basketCount);
      List<Rule> all = byAntecedent.values().stream().flatMap(List::stream).sorted(BEST_FIRST).toList();
      out.writeInt(all.size());
      for (Rule r : all) {
        out.writeUTF(r.antecedent());
        out.writeUTF(r.consequent());
        out.writeInt(r.count());
        out.writeDouble(r.support());
        out.writeDouble(r.confidence());
        out.writeDouble(r.lift());
      }
    });
  }

  /** Reads what {@link #toBytes()} wrote; throws {@link IllegalArgumentException} on foreign or truncated bytes. */
  public static BoughtTogetherModel fromBytes(byte[] bytes) {
    return ModelBytes.read(bytes, MAGIC, VERSION, "bought-together", in -> {
      String digest = in.readUTF();
      Instant trainedAt = ModelBytes.readInstant(in);
      int baskets = in.readInt();
      int count = in.readInt();
      List<Rule> rules = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        rules.add(new Rule(in.readUTF(), in.readUTF(), in.readInt(), in.readDouble(), in.readDouble(),
            in.readDouble()));
      }
      return new BoughtTogetherModel(digest, trainedAt, baskets, rules);
    });
  }
}
