package io.shopsense.core.collect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.collect.RejectReason;
import io.shopsense.core.collect.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one event while the field checks walk it. */
final class Checks {
  private final List<Violation> violations = new ArrayList<>();

  void add(RejectReason reason, String path, String message) {
    violations.add(new Violation(reason, path, message));
  }

  int size() {
    return violations.size();
  }

  boolean ok() {
    return violations.isEmpty();
  }

  List<Violation> violations() {
    return violations;
  }

  /**
   * The path of a field under its parent's path ({@code ""} for the event itself). The field checks take the parent's
   * path and build this only when they report a violation: a valid event's many fields then cost no strings.
   */
  static String path(String at, String field) {
    return at.isEmpty() ? field : at + "." + field;
  }

  static boolean present(JsonNode node) {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  /** An optional object; reports a wrong type. Returns the object, or null if absent or wrong. */
  JsonNode object(JsonNode parent, String field, String at) {
    JsonNode n = parent.get(field);
    if (!present(n)) {
      return null;
    }
    if (!n.isObject()) {
      add(RejectReason.INVALID_TYPE, path(at, field), "expected an object");
      return null;
    }
    return n;
  }

  /** An optional string of at most {@code max} characters without control characters. */
  String text(JsonNode parent, String field, String at, int max) {
    JsonNode n = parent.get(field);
    if (!present(n)) {
      return null;
    }
    if (!n.isTextual()) {
      add(RejectReason.INVALID_TYPE, path(at, field), "expected a string");
      return null;
    }
    String s = n.textValue();
    if (s.length() > max) {
      add(RejectReason.INVALID_VALUE, path(at, field), "longer than " + max + " characters");
      return null;
    }
    if (hasLoneSurrogate(s)) {
      add(RejectReason.INVALID_VALUE, path(at, field), "is not valid Unicode (a lone surrogate)");
      return null;
    }
    return s;
  }

  /**
   * An optional id: a string, or an integral number taken as its decimal text. Empty strings count as absent.
   * At most {@code max} characters, no control characters.
   */
  String id(JsonNode parent, String field, String at, int max) {
    JsonNode n = parent.get(field);
    if (!present(n)) {
      return null;
    }
    String s;
    if (n.isTextual()) {
      s = n.textValue().strip();
    } else if (n.isIntegralNumber()) {
      s = n.asText();
    } else {
      add(RejectReason.INVALID_TYPE, path(at, field), "expected a string");
      return null;
    }
    if (s.isEmpty()) {
      return null;
    }
    if (s.length() > max) {
      add(RejectReason.INVALID_VALUE, path(at, field), "longer than " + max + " characters");
      return null;
    }
    if (hasControl(s)) {
      add(RejectReason.INVALID_VALUE, path(at, field), "contains control characters");
      return null;
    }
    if (hasLoneSurrogate(s)) {
      add(RejectReason.INVALID_VALUE, path(at, field), "is not valid Unicode (a lone surrogate)");
      return null;
    }
    return s;
  }

  /** An optional number, at least {@code min} when min is not null. */
  BigDecimal number(JsonNode parent, String field, String at, BigDecimal min) {
    JsonNode n = parent.get(field);
    if (!present(n)) {
      return null;
    }
    if (!n.isNumber()) {
      add(RejectReason.INVALID_TYPE, path(at, field), "expected a number");
      return null;
    }
    BigDecimal d = n.decimalValue();
    if (min != null && d.compareTo(min) < 0) {
      add(RejectReason.INVALID_VALUE, path(at, field), "must be at least " + min.toPlainString());
      return null;
    }
    return d;
  }

  /** An optional whole number within [min, max]. */
  Long whole(JsonNode parent, String field, String at, long min, long max) {
    JsonNode n = parent.get(field);
    if (!present(n)) {
      return null;
    }
    if (!n.isNumber() || (!n.isIntegralNumber() && n.decimalValue().stripTrailingZeros().scale() > 0)) {
      add(RejectReason.INVALID_TYPE, path(at, field), "expected a whole number");
      return null;
    }
    if (!n.canConvertToLong() || n.longValue() < min || n.longValue() > max) {
      add(RejectReason.INVALID_VALUE, path(at, field), "must be between " + min + " and " + max);
      return null;
    }
    return n.longValue();
  }

  /** A surrogate without its pair: JSON's {@code \\uD800} escapes allow it, UTF-8 cannot store it. */
  static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
