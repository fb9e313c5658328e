package io.shopsense.core.imports.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The column mapping of the generic CSV format, read from options: {@code map.<column>=<path>[:<kind>]} puts a
 * column's value at a field path of the event ({@code userId}, {@code properties.product_id},
 * {@code context.location.country}); kinds are {@code string} (the default), {@code number}, {@code integer},
 * {@code boolean}, {@code json} and {@code timestamp} (the default for {@code timestamp}, {@code originalTimestamp}
 * and {@code sentAt}). {@code set.<path>=<text>} puts a constant. Empty cells are left out.
 */
final class CsvMapping {
  static final String MAP = "map.";
  static final String SET = "set.";
  private static final Pattern PATH = Pattern.compile("[A-Za-z_$][\\w$-]*(\\.[A-Za-z_$][\\w$-]*)*");

  enum Kind { STRING, NUMBER, INTEGER, BOOLEAN, JSON, TIMESTAMP }

  record Column(String column, String[] path, Kind kind) {}

  record Constant(String[] path, String value) {}

  private final List<Column> columns = new ArrayList<>();
  private final List<Constant> constants = new ArrayList<>();
  private final DateTimeFormatter format;
  private final ZoneId zone;
  private final LocalTimes localTimes;

  CsvMapping(Map<String, String> options) {
    List<String> paths = new ArrayList<>();
    options.forEach((key, value) -> {
      if (key.startsWith(MAP)) {
        String column = key.substring(MAP.length());
        int colon = value.lastIndexOf(':');
        String path = (colon < 0 ? value : value.substring(0, colon)).strip();
        Kind kind = colon < 0 ? defaultKind(path) : kind(key, value.substring(colon + 1));
        columns.add(new Column(column, split(key, path), kind));
        paths.add(path);
      } else if (key.startsWith(SET)) {
        String path = key.substring(SET.length());
        constants.add(new Constant(split(key, path), value));
        paths.add(path);
      }
    });
    constants.sort(Comparator.comparing(c -> String.join(".", c.path())));
    for (String a : paths) {
      for (String b : paths) {
        if (a.equals(b) ? paths.indexOf(a) != paths.lastIndexOf(a) : b.startsWith(a + ".")) {
          throw new IllegalArgumentException("field " + a + " is mapped twice or holds another mapped field");
        }
      }
    }
    String pattern = options.get("timestamp-format");
    try {
      format = pattern == null ? null : DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("option timestamp-format: not a date-time pattern such as "
          + "'dd/MM/yyyy HH:mm'");
    }
    zone = Options.zone(options, "zone", "UTC");
    localTimes = new LocalTimes(zone);
  }

  List<Column> columns() {
    return columns;
  }

  boolean maps(String path) {
    return columns.stream().anyMatch(c -> String.join(".", c.path()).equals(path))
        || constants.stream().anyMatch(c -> String.join(".", c.path()).equals(path));
  }

  /** Sets the constants on a new event. */
  void constants(ObjectNode event) {
    for (Constant c : constants) {
      parent(event, c.path()).put(c.path()[c.path().length - 1], c.value());
    }
  }

  /** Puts the cell's value at the column's path; returns the problem (naming the column, not the value), or null. */
  String put(ObjectNode event, Column c, String cell) {
    String text = cell.strip();
    if (text.isEmpty()) {
      return null;
    }
    ObjectNode parent = parent(event, c.path());
    String field = c.path()[c.path().length - 1];
    try {
      switch (c.kind()) {
        case NUMBER -> parent.put(field, new BigDecimal(text));
        case INTEGER -> parent.put(field, Long.parseLong(text));
        case BOOLEAN -> parent.put(field, bool(text));
        case JSON -> parent.set(field, JsonCodec.parse(text));
        case TIMESTAMP -> {
          Instant t = instant(text);
          if (t == null) {
            return "column " + c.column() + ": not a date-time" + (format == null ? " (ISO-8601 or yyyy-MM-dd HH:mm:ss)"
                : " in the format of option timestamp-format");
          }
          parent.put(field, t.toString());
        }
        default -> parent.put(field, text);
      }
      return null;
    } catch (NumberFormatException e) {
      return "column " + c.column() + ": not a " + (c.kind() == Kind.INTEGER ? "whole number" : "number");
    } catch (UncheckedIOException e) {
      return "column " + c.column() + ": not valid JSON";
    } catch (IllegalArgumentException e) {
      return "column " + c.column() + ": " + e.getMessage();
    }
  }

  private Instant instant(String text) {
    try {
      if (format != null) {
        TemporalAccessor t = format.parseBest(text, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        if (t instanceof OffsetDateTime o) {
          return o.toInstant();
        }
        if (t instanceof LocalDateTime l) {
          return l.atZone(zone).toInstant();
        }
        return ((LocalDate) t).atStartOfDay(zone).toInstant();
      }
      if (text.length() > 19 && (text.endsWith("Z") || text.charAt(text.length() - 6) == '+'
          || text.charAt(text.length() - 6) == '-')) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      }
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(zone).toInstant();
      }
      return localTimes.parse(text);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean bool(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> {
        return true;
      }
      case "false", "no", "n", "0" -> {
        return false;
      }
      default -> throw new IllegalArgumentException("not true or false");
    }
  }

  private static ObjectNode parent(ObjectNode event, String[] path) {
    ObjectNode node = event;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode child = node.get(path[i]);
      node = child instanceof ObjectNode o ? o : node.putObject(path[i]);
    }
    return node;
  }

  private static Kind defaultKind(String path) {
    return path.equals("timestamp") || path.equals("originalTimestamp") || path.equals("sentAt") ? Kind.TIMESTAMP
        : Kind.STRING;
  }

  private static Kind kind(String key, String name) {
    try {
      return Kind.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("option " + key + ": unknown kind '" + name
          + "'; known: string, number, integer, boolean, json, timestamp");
    }
  }

  private static String[] split(String key, String path) {
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException("option " + key + ": '" + path
          + "' is not a field path such as properties.product_id");
    }
    return path.split("\\.");
  }
}
