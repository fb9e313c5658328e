package io.shopsense.core.privacy.internal;

import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a read model (records, maps, lists, typed ids, instants) into the JSON-able values of an export: records
 * and maps become maps, instants their ISO text, single-value ids their value. Reflection over record components, so
 * that an export keeps up with the profile's fields without a list to maintain here.
 */
final class Flatten {
  private static final int MAX_DEPTH = 16;

  private Flatten() {}

  static Object value(Object v) {
    return value(v, 0);
  }

  private static Object value(Object v, int depth) {
    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    if (depth > MAX_DEPTH) {
      return String.valueOf(v);
    }
    if (v instanceof TemporalAccessor || v instanceof Enum<?> || v instanceof java.time.Duration) {
      return v.toString();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(value(k, depth + 1)), value(x, depth + 1)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      c.forEach(x -> out.add(value(x, depth + 1)));
      return out;
    }
    if (v instanceof io.shopsense.api.event.Properties p) {
      return value(p.values(), depth + 1);
    }
    Class<?> type = v.getClass();
    if (type.isRecord()) {
      RecordComponent[] parts = type.getRecordComponents();
      // a typed id (PersonId, UserId, …) is its value
      if (parts.length == 1 && parts[0].getName().equals("value")) {
        return value(read(parts[0], v), depth + 1);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (RecordComponent part : parts) {
        out.put(part.getName(), value(read(part, v), depth + 1));
      }
      return out;
    }
    return v.toString();
  }

  /** Dotted paths to leaf values: {@code behaviour.orders → 3}; lists stay whole. */
  static void leaves(String prefix, Object flat, Map<String, Object> sink) {
    if (flat instanceof Map<?, ?> m && !m.isEmpty()) {
      m.forEach((k, v) -> leaves(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, sink));
    } else {
      sink.put(prefix, flat);
    }
  }

  private static Object read(RecordComponent part, Object record) {
    try {
      return part.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + part.getName() + " of " + record.getClass().getSimpleName(), e);
    }
  }
}
