package io.shopsense.core.segment.internal;

import io.shopsense.core.segment.Condition;
import io.shopsense.core.segment.Literal;
import io.shopsense.core.segment.Operand;
import io.shopsense.core.segment.SegmentSubject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A tree compiled for evaluation: constants converted and times parsed once, so that evaluating a rule for each of
 * many people only reads the person. Values are compared as {@link io.shopsense.core.segment.Rule} documents: numbers
 * exactly, strings by {@link String#compareTo}, times as instants; a missing value makes every comparison false; values
 * of different kinds are unequal and unordered.
 */
public final class Evaluation {
  private Evaluation() {}

  /** A compiled condition: pure, thread-safe. */
  @FunctionalInterface
  public interface Matcher {
    boolean matches(SegmentSubject subject, Predicate<String> inSegment);
  }

  /** How two values compare. */
  private enum Order { LESS, EQUAL, GREATER, UNEQUAL, MISSING }

  /** A string constant, with the instant it names when it names one (for comparing with a TIME field). */
  private record TextValue(String text, Optional<Instant> time) {}

  public static Matcher compile(Condition c) {
    if (c instanceof Condition.And and) {
      List<Matcher> parts = and.conditions().stream().map(Evaluation::compile).toList();
      return (s, in) -> parts.stream().allMatch(m -> m.matches(s, in));
    }
    if (c instanceof Condition.Or or) {
      List<Matcher> parts = or.conditions().stream().map(Evaluation::compile).toList();
      return (s, in) -> parts.stream().anyMatch(m -> m.matches(s, in));
    }
    if (c instanceof Condition.Not not) {
      Matcher inner = compile(not.condition());
      return (s, in) -> !inner.matches(s, in);
    }
    if (c instanceof Condition.InSegment segment) {
      String id = segment.segmentId();
      return (s, in) -> in.test(id);
    }
    if (c instanceof Condition.Compare compare) {
      Function<SegmentSubject, Object> left = value(compare.left());
      Function<SegmentSubject, Object> right;
      if (compare.right() instanceof Operand o) {
        right = value(o);
      } else {
        Object constant = constant((Literal) compare.right());
        right = s -> constant;
      }
      Condition.Op op = compare.op();
      return (s, in) -> test(op, order(left.apply(s), right.apply(s)));
    }
    if (c instanceof Condition.In membership) {
      Function<SegmentSubject, Object> left = value(membership.operand());
      List<Object> values = membership.values().stream().map(Evaluation::constant).toList();
      boolean negated = membership.negated();
      return (s, in) -> {
        Object v = left.apply(s);
        return v != null && values.stream().anyMatch(x -> order(v, x) == Order.EQUAL) != negated;
      };
    }
    if (c instanceof Condition.Contains contains) {
      String path = contains.field().path();
      Object value = constant(contains.value());
      return (s, in) -> s.field(path) instanceof List<?> list
          && list.stream().anyMatch(e -> order(normalize(e), value) == Order.EQUAL);
    }
    Condition.IsNull isNull = (Condition.IsNull) c;
    Function<SegmentSubject, Object> operand = value(isNull.operand());
    boolean negated = isNull.negated();
    return (s, in) -> (operand.apply(s) == null) != negated;
  }

  private static Function<SegmentSubject, Object> value(Operand operand) {
    if (operand instanceof Operand.Field field) {
      String path = field.path();
      return s -> normalize(s.field(path));
    }
    if (operand instanceof Operand.Interest interest) {
      String tag = interest.tag();
      return s -> normalize(s.interest(tag));
    }
    if (operand instanceof Operand.Count count) {
      String event = count.event();
      Integer days = count.within() == null ? null : count.within().days();
      return s -> BigDecimal.valueOf(s.count(event, days));
    }
    if (operand instanceof Operand.Sum sum) {
      String measure = sum.measure().key();
      String event = sum.event();
      Integer days = sum.within() == null ? null : sum.within().days();
      return s -> normalize(s.sum(measure, event, days));
    }
    String path = ((Operand.DaysSince) operand).path();
    return s -> s.field(path) instanceof Instant at ? normalize(s.daysSince(at)) : null;
  }

  private static Object constant(Literal literal) {
    if (literal instanceof Literal.Text text) {
      return new TextValue(text.value(), text.asInstant());
    }
    if (literal instanceof Literal.Decimal decimal) {
      return decimal.value();
    }
    return ((Literal.Bool) literal).value();
  }

  /** A subject's value with every number as a BigDecimal; null for none, NaN and the infinities included. */
  private static Object normalize(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (v instanceof Number n && !(v instanceof BigDecimal)) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    return v;
  }

  private static Order order(Object a, Object b) {
    if (a == null || b == null) {
      return Order.MISSING;
    }
    Object x = asTheOtherNeeds(a, b);
    Object y = asTheOtherNeeds(b, x);
    int sign;
    if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
      sign = p.compareTo(q);
    } else if (x instanceof String p && y instanceof String q) {
      sign = p.compareTo(q);
    } else if (x instanceof Instant p && y instanceof Instant q) {
      sign = p.compareTo(q);
    } else {
      return x.equals(y) ? Order.EQUAL : Order.UNEQUAL;
    }
    return sign < 0 ? Order.LESS : sign > 0 ? Order.GREATER : Order.EQUAL;
  }

  /** A string as the other side needs it: against a time, the instant it names (when it names one). */
  private static Object asTheOtherNeeds(Object v, Object other) {
    if (v instanceof TextValue t) {
      return other instanceof Instant && t.time().isPresent() ? t.time().get() : t.text();
    }
    if (v instanceof String s && other instanceof Instant) {
      return Times.parse(s).<Object>map(i -> i).orElse(s);
    }
    return v;
  }

  private static boolean test(Condition.Op op, Order order) {
    return switch (op) {
      case EQ -> order == Order.EQUAL;
      case NE -> order != Order.EQUAL && order != Order.MISSING;
      case LT -> order == Order.LESS;
      case LE -> order == Order.LESS || order == Order.EQUAL;
      case GT -> order == Order.GREATER;
      case GE -> order == Order.GREATER || order == Order.EQUAL;
    };
  }
}
