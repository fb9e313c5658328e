package io.shopsense.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.event.Event;
import io.shopsense.api.event.LineItem;
import io.shopsense.api.event.OrderCompleted;
import io.shopsense.api.event.OrderRefunded;
import io.shopsense.api.event.ProductAdded;
import io.shopsense.api.event.TrackEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A person's events counted per event name and UTC day, with the revenue and units they carried: what segment rules
 * count and sum over windows of days ({@code count(event = 'Order Completed', within = 30d)}). Track events count
 * under their name, the other calls under their type ({@code page}, {@code identify}, …). Counts and sums only, so
 * the summary is order-insensitive like {@link Behaviour}. Not thread-safe.
 */
public final class EventWindows {
  /** name → epoch day → cell. */
  private final TreeMap<String, TreeMap<Long, Cell>> days = new TreeMap<>();

  private static final class Cell {
    long count;
    long units;
    BigDecimal revenue = BigDecimal.ZERO;

    void add(Cell o) {
      count += o.count;
      units += o.units;
      revenue = revenue.add(o.revenue);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cell c && count == c.count && units == c.units && revenue.compareTo(c.revenue) == 0;
    }

    @Override
    public int hashCode() {
      return Objects.hash(count, units);
    }
  }

  /** The name an event is counted under. */
  public static String nameOf(Event event) {
    return event instanceof TrackEvent ? event.name() : event.type().wireName();
  }

  /** Folds one event in. */
  public EventWindows add(Event event) {
    Cell cell = new Cell();
    cell.count = 1;
    if (event instanceof OrderCompleted o) {
      cell.revenue = Behaviour.amount(o.order());
      for (LineItem line : o.order().products()) {
        cell.units += Math.max(0, line.quantity());
      }
    } else if (event instanceof OrderRefunded r) {
      cell.revenue = Behaviour.amount(r.order());
      for (LineItem line : r.order().products()) {
        cell.units += Math.max(0, line.quantity());
      }
    } else if (event instanceof ProductAdded a && a.product() != null) {
      cell.units = Math.max(0, a.product().quantity());
    }
    long day = LocalDate.ofInstant(event.meta().timestamp(), ZoneOffset.UTC).toEpochDay();
    days.computeIfAbsent(nameOf(event), n -> new TreeMap<>()).computeIfAbsent(day, d -> new Cell()).add(cell);
    return this;
  }

  /** Folds another summary in. */
  public EventWindows merge(EventWindows other) {
    other.days.forEach((name, byDay) -> {
      TreeMap<Long, Cell> mine = days.computeIfAbsent(name, n -> new TreeMap<>());
      byDay.forEach((day, c) -> mine.computeIfAbsent(day, d -> new Cell()).add(c));
    });
    return this;
  }

  /**
   * The events named {@code name} (any when null) on epoch days in [{@code fromDay}, {@code toDay}]: their count,
   * units and revenue.
   */
  public Totals totals(String name, long fromDay, long toDay) {
    long count = 0;
    long units = 0;
    BigDecimal revenue = BigDecimal.ZERO;
    for (Map.Entry<String, TreeMap<Long, Cell>> e : days.entrySet()) {
      if (name != null && !name.equals(e.getKey())) {
        continue;
      }
      for (Cell c : e.getValue().subMap(fromDay, true, toDay, true).values()) {
        count += c.count;
        units += c.units;
        revenue = revenue.add(c.revenue);
      }
    }
    return new Totals(count, units, revenue);
  }

  /** Sums over a window. */
  public record Totals(long count, long units, BigDecimal revenue) {}

  JsonNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    days.forEach((name, byDay) -> {
      ArrayNode cells = out.putArray(name);
      byDay.forEach((day, c) -> {
        cells.add(day).add(c.count).add(c.units);
        cells.add(c.revenue.signum() == 0 ? "0" : c.revenue.toPlainString());
      });
    });
    return out;
  }

  static EventWindows fromJson(JsonNode node) {
    EventWindows w = new EventWindows();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      TreeMap<Long, Cell> byDay = new TreeMap<>();
      JsonNode a = e.getValue();
      for (int i = 0; i + 3 < a.size(); i += 4) {
        Cell c = new Cell();
        c.count = a.get(i + 1).asLong();
        c.units = a.get(i + 2).asLong();
        c.revenue = new BigDecimal(a.get(i + 3).asText());
        byDay.put(a.get(i).asLong(), c);
      }
      w.days.put(e.getKey(), byDay);
    }
    return w;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventWindows w && days.equals(w.days);
  }

  @Override
  public int hashCode() {
    return days.hashCode();
  }
}
