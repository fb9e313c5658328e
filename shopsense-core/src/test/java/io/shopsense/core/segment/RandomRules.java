package io.shopsense.core.segment;

import io.shopsense.core.segment.Condition.Op;
import io.shopsense.core.segment.Operand.Window;
import io.shopsense.core.segment.ProfileFields.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random well-typed rule trees from a seed: every operand, operator and literal kind, strings with quotes, comments,
 * line breaks and characters beyond ASCII, traits named like keywords.
 */
final class RandomRules {
  private static final String[] PIECES = {"a", "Order Completed", "'", "''", "--", "\n", "\r\n", "\t", " ", "é", "漢",
      "\uD83D\uDE00", "\"", "\\", ";", "drop table x", "and", "or", ")", "(", "%", "_", "0", "category:outdoor"};
  private static final String[] TRAIT_NAMES = {"plan", "vip", "and", "in", "null", "not", "count", "_x", "a1", "is"};
  private static final Type[] COMPARABLE = {Type.NUMBER, Type.STRING, Type.TIME, null};

  private final Random random;

  RandomRules(long seed) {
    this.random = new Random(seed);
  }

  Condition condition(int depth) {
    int pick = random.nextInt(10);
    if (depth > 0 && pick < 2) {
      return new Condition.And(conditions(depth - 1));
    }
    if (depth > 0 && pick < 4) {
      return new Condition.Or(conditions(depth - 1));
    }
    if (depth > 0 && pick < 5) {
      return new Condition.Not(condition(depth - 1));
    }
    return predicate();
  }

  private List<Condition> conditions(int depth) {
    List<Condition> out = new ArrayList<>();
    for (int i = 2 + random.nextInt(3); i > 0; i--) {
      out.add(condition(depth));
    }
    return out;
  }

  private Condition predicate() {
    Type type = COMPARABLE[random.nextInt(COMPARABLE.length)];
    return switch (random.nextInt(6)) {
      case 0 -> {
        List<Literal> values = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
          values.add(literal(type));
        }
        yield new Condition.In(operand(type), random.nextBoolean(), values);
      }
      case 1 -> random.nextBoolean()
          ? new Condition.Contains(field(Type.LIST), new Literal.Text(text()))
          : new Condition.Contains(field(null), literal(null));
      case 2 -> new Condition.IsNull(random.nextBoolean() ? field(Type.LIST) : operand(type), random.nextBoolean());
      case 3 -> new Condition.InSegment(segmentId());
      default -> {
        Operand left = operand(type);
        if (random.nextInt(4) == 0) {
          Type rightType = type == null ? COMPARABLE[random.nextInt(COMPARABLE.length)] : random.nextBoolean() ? type : null;
          yield new Condition.Compare(left, op(), operand(rightType));
        }
        Literal right = literal(type);
        yield new Condition.Compare(left, right instanceof Literal.Bool ? (random.nextBoolean() ? Op.EQ : Op.NE) : op(),
            right);
      }
    };
  }

  private Op op() {
    return Op.values()[random.nextInt(Op.values().length)];
  }

  /** An operand of the type; null for a trait. */
  private Operand operand(Type type) {
    if (type != Type.NUMBER) {
      return field(type);
    }
    return switch (random.nextInt(5)) {
      case 0 -> new Operand.Interest(text());
      case 1 -> new Operand.Count(random.nextBoolean() ? text() : null, window());
      case 2 -> new Operand.Sum(Operand.Measure.values()[random.nextInt(2)], random.nextBoolean() ? text() : null,
          window());
      case 3 -> new Operand.DaysSince(field(Type.TIME).path());
      default -> field(Type.NUMBER);
    };
  }

  private Operand.Field field(Type type) {
    if (type == null) {
      return new Operand.Field("traits." + TRAIT_NAMES[random.nextInt(TRAIT_NAMES.length)]);
    }
    List<String> names = ProfileFields.all().entrySet().stream().filter(e -> e.getValue() == type)
        .map(Map.Entry::getKey).toList();
    return new Operand.Field(names.get(random.nextInt(names.size())));
  }

  private Window window() {
    if (random.nextBoolean()) {
      return null;
    }
    return random.nextBoolean() ? new Window(1 + random.nextInt(3650), Window.Unit.DAYS)
        : new Window(1 + random.nextInt(521), Window.Unit.WEEKS);
  }

  /** A literal for the type; any kind, true and false included, for a trait. */
  private Literal literal(Type type) {
    int kind = type == Type.NUMBER ? 0 : type == Type.STRING ? 1 : type == Type.TIME ? 2 : random.nextInt(4);
    return switch (kind) {
      case 0 -> new Literal.Decimal(new BigDecimal(BigInteger.valueOf(random.nextLong() % 10_000_000),
          random.nextInt(4)));
      case 1 -> new Literal.Text(text());
      case 2 -> new Literal.Text(time());
      default -> new Literal.Bool(random.nextBoolean());
    };
  }

  private String time() {
    Instant at = Instant.ofEpochSecond(946_684_800L + (long) random.nextInt(1_000_000_000));
    return switch (random.nextInt(3)) {
      case 0 -> LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
      case 1 -> at.toString();
      default -> at.atOffset(ZoneOffset.ofHours(random.nextInt(25) - 12)).toString();
    };
  }

  /** A non-empty string of pieces. */
  private String text() {
    StringBuilder s = new StringBuilder();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      s.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  private String segmentId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_-";
    StringBuilder id = new StringBuilder().append(alphabet.charAt(random.nextInt(36)));
    for (int i = random.nextInt(12); i > 0; i--) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
