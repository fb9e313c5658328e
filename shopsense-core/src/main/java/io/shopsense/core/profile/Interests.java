package io.shopsense.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.event.Event;
import io.shopsense.api.event.LineItem;
import io.shopsense.api.event.OrderCompleted;
import io.shopsense.api.event.ProductAdded;
import io.shopsense.api.event.ProductViewed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A person's interest tags ({@code category:outdoor}, {@code brand:acme}) as a fold over their events: each view,
 * cart addition and purchase adds its weight to the tags of its product on the (UTC) day it happened. The sums per tag
 * and day are integers, so the summary is exact and order-insensitive — any order and any grouping of the same events
 * gives the same summary, as for {@link Behaviour}. Time decay is applied when the scores are read
 * ({@link #scores}): a day's weight counts {@code 2^(-age / halfLife)}. Not thread-safe.
 */
public final class Interests {
  /** How much each kind of event says about an interest, and how fast it fades. */
  public record Settings(int viewWeight, int cartWeight, int purchaseWeight, Duration halfLife) {
    public Settings {
      if (viewWeight < 0 || cartWeight < 0 || purchaseWeight < 0) {
        throw new IllegalArgumentException("interest weights must not be negative");
      }
      if (halfLife.isNegative() || halfLife.isZero()) {
        throw new IllegalArgumentException("the interest half-life must be positive, not " + halfLife);
      }
    }

    /** View 1 < cart 3 < purchase 5 (per unit), fading by half every 30 days. */
    public static Settings defaults() {
      return new Settings(1, 3, 5, Duration.ofDays(30));
    }
  }

  private static final java.util.regex.Pattern LEVELS = java.util.regex.Pattern.compile("[/>]");

  private final Settings settings;
  /** tag → epoch day → summed weight. */
  private final TreeMap<String, TreeMap<Long, Long>> weights = new TreeMap<>();

  public Interests(Settings settings) {
    this.settings = settings;
  }

  /** Folds one event in. */
  public Interests add(Event event) {
    long day = LocalDate.ofInstant(event.meta().timestamp(), ZoneOffset.UTC).toEpochDay();
    if (event instanceof ProductViewed v) {
      tag(v.product(), day, settings.viewWeight());
    } else if (event instanceof ProductAdded a) {
      tag(a.product(), day, settings.cartWeight() * Math.max(1, a.product().quantity()));
    } else if (event instanceof OrderCompleted o) {
      for (LineItem line : o.order().products()) {
        tag(line, day, settings.purchaseWeight() * Math.max(1, line.quantity()));
      }
    }
    return this;
  }

  /** Folds another summary in, as if its events had been added here. */
  public Interests merge(Interests other) {
    other.weights.forEach((tag, days) -> {
      TreeMap<Long, Long> mine = weights.computeIfAbsent(tag, t -> new TreeMap<>());
      days.forEach((day, w) -> mine.merge(day, w, Long::sum));
    });
    return this;
  }

  /**
   * The decayed score of every tag at {@code now}, normalised so that the strongest is 1, strongest first (ties by
   * tag). Days after {@code now} count as today.
   */
  public Map<String, Double> scores(Instant now) {
    long today = LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay();
    double halfLifeDays = settings.halfLife().toSeconds() / 86_400d;
    Map<String, Double> raw = new TreeMap<>();
    double max = 0;
    for (Map.Entry<String, TreeMap<Long, Long>> tag : weights.entrySet()) {
      double score = 0;
      for (Map.Entry<Long, Long> day : tag.getValue().entrySet()) {
        long age = Math.max(0, today - day.getKey());
        score += day.getValue() * Math.pow(2, -age / halfLifeDays);
      }
      raw.put(tag.getKey(), score);
      max = Math.max(max, score);
    }
    double top = max;
    Map<String, Double> out = new LinkedHashMap<>();
    raw.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), top == 0 ? 0 : e.getValue() / top));
    return out;
  }

  private void tag(LineItem item, long day, long weight) {
    if (item == null || weight == 0) {
      return;
    }
    for (String tag : tags(item)) {
      weights.computeIfAbsent(tag, t -> new TreeMap<>()).merge(day, weight, Long::sum);
    }
  }

  /** {@code category:<each level of the path>} and {@code brand:<brand>}, lower case. */
  static List<String> tags(LineItem item) {
    List<String> tags = new ArrayList<>();
    if (item.category() != null) {
      for (String level : LEVELS.split(item.category())) {
        String t = level.strip().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          tags.add("category:" + t);
        }
      }
    }
    if (item.brand() != null && !item.brand().isBlank()) {
      tags.add("brand:" + item.brand().strip().toLowerCase(Locale.ROOT));
    }
    return tags;
  }

  /** The weights as JSON: tag → [day, weight, day, weight, …]. */
  JsonNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    weights.forEach((tag, byDay) -> {
      ArrayNode a = o.putArray(tag);
      byDay.forEach((day, w) -> a.add(day).add(w));
    });
    return o;
  }

  static Interests fromJson(JsonNode o, Settings settings) {
    Interests in = new Interests(settings);
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      TreeMap<Long, Long> byDay = new TreeMap<>();
      JsonNode a = e.getValue();
      for (int i = 0; i + 1 < a.size(); i += 2) {
        byDay.put(a.get(i).asLong(), a.get(i + 1).asLong());
      }
      in.weights.put(e.getKey(), byDay);
    }
    return in;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Interests i && settings.equals(i.settings) && weights.equals(i.weights);
  }

  @Override
  public int hashCode() {
    return weights.hashCode();
  }
}
