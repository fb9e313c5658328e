package io.shopsense.api.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object in JDK types: values are {@code String}, {@code Boolean}, {@code Long}, {@code BigInteger},
 * {@code BigDecimal}, {@code List} of values, {@code Map<String, Object>} of values, or {@code null}.
 * Immutable; kept whole so that nothing the sender put into an event is lost.
 */
public record Properties(Map<String, Object> values) {
  public static final Properties EMPTY = new Properties(Map.of());

  public Properties {
    values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static Properties of(Map<String, ?> values) {
    return values == null ? EMPTY : new Properties(new LinkedHashMap<>(values));
  }

  public boolean has(String key) {
    return values.get(key) != null;
  }

  public Object get(String key) {
    return values.get(key);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The value as text, if it is a string, number or boolean; numbers keep their plain form. */
  public Optional<String> text(String key) {
    Object v = values.get(key);
    if (v instanceof String s) {
      return Optional.of(s);
    }
    if (v instanceof BigDecimal d) {
      return Optional.of(d.toPlainString());
    }
    if (v instanceof Number || v instanceof Boolean) {
      return Optional.of(v.toString());
    }
    return Optional.empty();
  }

  /** The value as a decimal, if it is a number or a string that parses as one. */
  public Optional<BigDecimal> decimal(String key) {
    return Optional.ofNullable(toDecimal(values.get(key)));
  }

  /** The value as a whole number, if it is an integral number (or a string of one). */
  public Optional<Long> whole(String key) {
    BigDecimal d = toDecimal(values.get(key));
    if (d == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(d.longValueExact());
    } catch (ArithmeticException notWhole) {
      return Optional.empty();
    }
  }

  public Optional<Boolean> bool(String key) {
    Object v = values.get(key);
    return v instanceof Boolean b ? Optional.of(b) : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  public Optional<Properties> object(String key) {
    Object v = values.get(key);
    return v instanceof Map<?, ?> m ? Optional.of(new Properties((Map<String, Object>) m)) : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  public List<Object> list(String key) {
    Object v = values.get(key);
    return v instanceof List<?> l ? (List<Object>) l : List.of();
  }

  static BigDecimal toDecimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }
}
