package io.shopsense.core.segment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A person for rules to ask about, over maps: fields by path, interests by tag, events some days before {@link #NOW}. */
final class MapSubject implements SegmentSubject {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  private record Event(String name, int daysAgo, BigDecimal revenue, long units) {}

  private final Map<String, Object> fields = new HashMap<>();
  private final Map<String, Double> interests = new HashMap<>();
  private final List<Event> events = new ArrayList<>();

  MapSubject with(String path, Object value) {
    fields.put(path, value);
    return this;
  }

  MapSubject interest(String tag, double score) {
    interests.put(tag, score);
    return this;
  }

  /** An event on the day {@code daysAgo} days before today (0 is today). */
  MapSubject event(String name, int daysAgo, String revenue, long units) {
    events.add(new Event(name, daysAgo, new BigDecimal(revenue), units));
    return this;
  }

  @Override
  public Object field(String path) {
    return fields.get(path);
  }

  @Override
  public double interest(String tag) {
    return interests.getOrDefault(tag, 0d);
  }

  @Override
  public long count(String event, Integer days) {
    return events.stream().filter(e -> matches(e, event, days)).count();
  }

  @Override
  public BigDecimal sum(String measure, String event, Integer days) {
    return events.stream().filter(e -> matches(e, event, days))
        .map(e -> measure.equals("revenue") ? e.revenue() : BigDecimal.valueOf(e.units()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static boolean matches(Event e, String event, Integer days) {
    return (event == null || event.equals(e.name())) && (days == null || e.daysAgo() < days);
  }

  @Override
  public Long daysSince(Instant instant) {
    return instant == null ? null : Duration.between(instant, NOW).toDays();
  }
}
