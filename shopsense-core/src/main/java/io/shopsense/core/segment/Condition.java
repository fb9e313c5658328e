package io.shopsense.core.segment;

import io.shopsense.core.segment.internal.FieldNames;
import io.shopsense.core.segment.internal.RuleText;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule's tree. Each node checks itself on construction, types included (a string against {@code rfm.monetary},
 * {@code contains} on a field that is not a list), so that any tree that exists can be printed, read back and
 * evaluated; the readers add the position.
 */
public sealed interface Condition permits Condition.And, Condition.Or, Condition.Not, Condition.Compare,
    Condition.In, Condition.Contains, Condition.IsNull, Condition.InSegment {

  /** All of two or more conditions. */
  record And(List<Condition> conditions) implements Condition {
    public And {
      conditions = atLeastTwo(conditions, "and");
    }
  }

  /** Any of two or more conditions. */
  record Or(List<Condition> conditions) implements Condition {
    public Or {
      conditions = atLeastTwo(conditions, "or");
    }
  }

  /** The opposite of a condition's result (no null logic: {@code not} of a false comparison with null is true). */
  record Not(Condition condition) implements Condition {
    public Not {
      Objects.requireNonNull(condition, "condition");
    }
  }

  /** {@code left op right}; false when either side has no value. */
  record Compare(Operand left, Op op, Term right) implements Condition {
    public Compare {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(right, "right");
      notAList(left);
      if (right instanceof Operand r) {
        notAList(r);
        if (left.type().isPresent() && r.type().isPresent() && left.type().get() != r.type().get()) {
          throw new IllegalArgumentException(describe(left) + " is " + article(left.type().get()) + " and "
              + describe(r) + " is " + article(r.type().get()) + ": they cannot be compared");
        }
      } else {
        checkValue(left, (Literal) right);
        if (right instanceof Literal.Bool && op != Op.EQ && op != Op.NE) {
          throw new IllegalArgumentException("true and false compare only with = or !=");
        }
      }
    }
  }

  /** {@code operand in (v, …)}, or {@code not in}; false when the operand has no value, either way. */
  record In(Operand operand, boolean negated, List<Literal> values) implements Condition {
    public In {
      Objects.requireNonNull(operand, "operand");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("an 'in' list has at least one value");
      }
      notAList(operand);
      values.forEach(v -> checkValue(operand, v));
    }
  }

  /** {@code field contains value}: the list field has an element equal to the value; false without a list. */
  record Contains(Operand.Field field, Literal value) implements Condition {
    public Contains {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
      Optional<ProfileFields.Type> type = field.type();
      if (type.isPresent() && type.get() != ProfileFields.Type.LIST) {
        throw new IllegalArgumentException("'" + field.path() + "' is not a list; 'contains' needs a list ("
            + FieldNames.ofType(ProfileFields.Type.LIST) + ") or a trait");
      }
      if (type.isPresent() && !(value instanceof Literal.Text)) {
        throw new IllegalArgumentException("'" + field.path() + "' holds strings: write the value in quotes");
      }
    }
  }

  /** {@code operand is null}, or {@code is not null}. */
  record IsNull(Operand operand, boolean negated) implements Condition {
    public IsNull {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** {@code in_segment('id')}: the person is in that segment (see {@link SegmentSet} for the order). */
  record InSegment(String segmentId) implements Condition {
    public InSegment {
      SegmentIds.validate(segmentId);
    }
  }

  /** A comparison operator. */
  enum Op {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** How the operator is written ({@code !=} for not-equal, which also reads {@code <>}). */
    public String symbol() {
      return symbol;
    }

    /** The operator written {@code symbol}, {@code <>} included. */
    public static Optional<Op> of(String symbol) {
      if ("<>".equals(symbol)) {
        return Optional.of(NE);
      }
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return Optional.of(op);
        }
      }
      return Optional.empty();
    }
  }

  private static List<Condition> atLeastTwo(List<Condition> conditions, String name) {
    List<Condition> copy = List.copyOf(conditions);
    if (copy.size() < 2) {
      throw new IllegalArgumentException("'" + name + "' joins two or more conditions, not " + copy.size());
    }
    return copy;
  }

  private static void notAList(Operand operand) {
    if (operand.type().orElse(null) == ProfileFields.Type.LIST) {
      throw new IllegalArgumentException(describe(operand) + " is a list: ask it with 'contains' or 'is null'");
    }
  }

  /** Whether a literal suits the operand's type: what {@code =} and {@code in} accept. */
  private static void checkValue(Operand operand, Literal value) {
    ProfileFields.Type type = operand.type().orElse(null);
    if (type == null) {
      return;
    }
    String what = describe(operand) + " is " + article(type);
    if (value instanceof Literal.Bool) {
      throw new IllegalArgumentException(what + ", not true or false");
    }
    if (type == ProfileFields.Type.NUMBER && !(value instanceof Literal.Decimal)) {
      throw new IllegalArgumentException(what + ": compare it with a number, without quotes");
    }
    if (type == ProfileFields.Type.STRING && !(value instanceof Literal.Text)) {
      throw new IllegalArgumentException(what + ": compare it with a string in quotes");
    }
    if (type == ProfileFields.Type.TIME
        && !(value instanceof Literal.Text t && t.asInstant().isPresent())) {
      throw new IllegalArgumentException(
          what + ": compare it with a time like '2024-01-01T00:00:00Z' or a date like '2024-01-01'");
    }
  }

  private static String describe(Operand operand) {
    return operand instanceof Operand.Field f ? "'" + f.path() + "'" : RuleText.operand(operand);
  }

  private static String article(ProfileFields.Type type) {
    return switch (type) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TIME -> "a time";
      case LIST -> "a list";
    };
  }
}
