package io.shopsense.core.segment.internal;

import io.shopsense.core.segment.Condition;
import io.shopsense.core.segment.Literal;
import io.shopsense.core.segment.Operand;
import io.shopsense.core.segment.Term;
import java.util.List;

/**
 * The canonical text of a tree: keywords in lower case, single spaces, {@code !=} for not-equal, parentheses only
 * where the tree needs them. An {@code and} inside an {@code and} (or an {@code or} inside an {@code or}) keeps its
 * parentheses, so that the text reads back as the same tree.
 */
public final class RuleText {
  private RuleText() {}

  public static String write(Condition condition) {
    StringBuilder out = new StringBuilder();
    condition(condition, out);
    return out.toString();
  }

  /** An operand as a rule writes it. */
  public static String operand(Operand operand) {
    StringBuilder out = new StringBuilder();
    operand(operand, out);
    return out.toString();
  }

  private static void condition(Condition c, StringBuilder out) {
    if (c instanceof Condition.And and) {
      join(and.conditions(), " and ", true, out);
    } else if (c instanceof Condition.Or or) {
      join(or.conditions(), " or ", false, out);
    } else if (c instanceof Condition.Not not) {
      out.append("not ");
      grouped(not.condition(), not.condition() instanceof Condition.And || not.condition() instanceof Condition.Or,
          out);
    } else if (c instanceof Condition.Compare compare) {
      operand(compare.left(), out);
      out.append(' ').append(compare.op().symbol()).append(' ');
      term(compare.right(), out);
    } else if (c instanceof Condition.In in) {
      operand(in.operand(), out);
      out.append(in.negated() ? " not in (" : " in (");
      for (int i = 0; i < in.values().size(); i++) {
        out.append(i == 0 ? "" : ", ");
        term(in.values().get(i), out);
      }
      out.append(')');
    } else if (c instanceof Condition.Contains contains) {
      out.append(contains.field().path()).append(" contains ");
      term(contains.value(), out);
    } else if (c instanceof Condition.IsNull isNull) {
      operand(isNull.operand(), out);
      out.append(isNull.negated() ? " is not null" : " is null");
    } else if (c instanceof Condition.InSegment in) {
      out.append("in_segment(");
      quote(in.segmentId(), out);
      out.append(')');
    }
  }

  private static void join(List<Condition> conditions, String separator, boolean inAnd, StringBuilder out) {
    for (int i = 0; i < conditions.size(); i++) {
      out.append(i == 0 ? "" : separator);
      Condition c = conditions.get(i);
      grouped(c, c instanceof Condition.Or || (inAnd && c instanceof Condition.And), out);
    }
  }

  private static void grouped(Condition c, boolean parentheses, StringBuilder out) {
    out.append(parentheses ? "(" : "");
    condition(c, out);
    out.append(parentheses ? ")" : "");
  }

  private static void term(Term term, StringBuilder out) {
    if (term instanceof Operand operand) {
      operand(operand, out);
    } else if (term instanceof Literal.Text text) {
      quote(text.value(), out);
    } else if (term instanceof Literal.Decimal decimal) {
      out.append(decimal.value().toPlainString());
    } else if (term instanceof Literal.Bool bool) {
      out.append(bool.value());
    }
  }

  private static void operand(Operand operand, StringBuilder out) {
    if (operand instanceof Operand.Field field) {
      out.append(field.path());
    } else if (operand instanceof Operand.Interest interest) {
      out.append("interest(");
      quote(interest.tag(), out);
      out.append(')');
    } else if (operand instanceof Operand.Count count) {
      out.append("count(");
      arguments(count.event(), count.within(), false, out);
      out.append(')');
    } else if (operand instanceof Operand.Sum sum) {
      out.append("sum(").append(sum.measure().key());
      arguments(sum.event(), sum.within(), true, out);
      out.append(')');
    } else if (operand instanceof Operand.DaysSince days) {
      out.append("days_since(").append(days.path()).append(')');
    }
  }

  private static void arguments(String event, Operand.Window within, boolean afterOther, StringBuilder out) {
    boolean comma = afterOther;
    if (event != null) {
      out.append(comma ? ", " : "").append("event = ");
      quote(event, out);
      comma = true;
    }
    if (within != null) {
      out.append(comma ? ", " : "").append("within = ").append(within);
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('\'').append(s.replace("'", "''")).append('\'');
  }
}
