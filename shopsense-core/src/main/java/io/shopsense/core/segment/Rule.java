package io.shopsense.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.segment.internal.Evaluation;
import io.shopsense.core.segment.internal.RuleJsonReader;
import io.shopsense.core.segment.internal.RuleJsonWriter;
import io.shopsense.core.segment.internal.RuleParser;
import io.shopsense.core.segment.internal.RuleText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A segment rule: a condition on one person, read from its text or JSON form, evaluated against a
 * {@link SegmentSubject}. Immutable and thread-safe; two rules are equal when their trees are.
 *
 * <h2>Text form</h2>
 *
 * <pre>
 * lifecycle = 'silent' and rfm.monetary &gt;= 4          -- a comment, to the end of the line
 *   and interest('category:outdoor') &gt; 0.3
 *   and count(event = 'Order Completed', within = 30d) = 0
 *
 * rule       = or
 * or         = and {"or" and}
 * and        = unary {"and" unary}
 * unary      = "not" unary | "(" or ")" | "in_segment" "(" string ")" | comparison
 * comparison = operand ( ("=" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") (literal | operand)
 *                      | ["not"] "in" "(" literal {"," literal} ")"
 *                      | "contains" literal                 -- the operand a LIST field
 *                      | "is" ["not"] "null" )
 * operand    = field                                      -- rfm.monetary, traits.plan; see ProfileFields
 *            | "interest" "(" string ")"
 *            | "count" "(" [argument {"," argument}] ")"
 *            | "sum" "(" ("revenue" | "units") {"," argument} ")"
 *            | "days_since" "(" field ")"                  -- a TIME field
 * argument   = "event" "=" string | "within" "=" window     -- each at most once, in any order
 * literal    = string | number | "true" | "false"
 * string     = 'text', '' for a quote inside;  number = -?[0-9]+(.[0-9]+)?;  window = [0-9]+(d|w), 1d to 3650d
 * </pre>
 *
 * <p>{@code not} binds tighter than {@code and}, which binds tighter than {@code or}. Keywords, function names and
 * argument names are read in any case; field names are exact. What the parser can see is checked: known fields, a
 * number against a NUMBER field, a string against a STRING field, an ISO-8601 time ({@code '2024-01-01T00:00:00Z'})
 * or date ({@code '2024-01-01'}, the start of that UTC day) against a TIME field, {@code contains} on a LIST field,
 * true and false only against traits and only with {@code =} and {@code !=}. Traits take any literal. A rule is at
 * most {@value #MAX_LENGTH} characters long, written canonically too, and nests at most {@value #MAX_DEPTH} levels
 * of and/or/not (and as many parentheses).
 *
 * <h2>Meaning</h2>
 *
 * <p>Numbers compare exactly ({@link java.math.BigDecimal#compareTo}: {@code 4 = 4.0}), strings by equality and
 * {@link String#compareTo}, times as instants. A comparison, {@code in}, {@code not in} and {@code contains} are false
 * when a side has no value (SQL-like); {@code not} just negates, so {@code not lifecycle = 'lost'} holds for a person
 * without a lifecycle while {@code lifecycle != 'lost'} does not. Values of different kinds (a trait holding a number,
 * compared with a string) are unequal and unordered: {@code =} and the orderings are false, {@code !=} is true.
 *
 * <h2>JSON form</h2>
 *
 * <p>The same tree, one object per condition: {@code {"and":[{"field":"lifecycle","op":"=","value":"silent"},
 * {"count":{"event":"Order Completed","within":"30d"},"op":"=","value":0}]}}; the whole form is documented on
 * {@link RuleJsonReader}.
 */
public final class Rule {
  /** The longest rule, in characters, as given and as written canonically. */
  public static final int MAX_LENGTH = 20_000;
  /** The deepest nesting of and/or/not, and of parentheses and {@code not}s in the text. */
  public static final int MAX_DEPTH = 64;

  private final Condition condition;
  private final String text;
  private final Evaluation.Matcher matcher;
  private final Set<String> segments;
  private final boolean timeWindows;
  private final boolean traits;

  private Rule(Condition condition, String text) {
    this.condition = condition;
    this.text = text;
    this.matcher = Evaluation.compile(condition);
    Set<String> ids = new TreeSet<>();
    List<Operand> operands = new ArrayList<>();
    collect(condition, ids, operands);
    this.segments = Collections.unmodifiableSet(ids);
    this.timeWindows = operands.stream().anyMatch(o -> o instanceof Operand.DaysSince
        || (o instanceof Operand.Count c && c.within() != null) || (o instanceof Operand.Sum s && s.within() != null));
    this.traits = operands.stream().anyMatch(o -> o instanceof Operand.Field f && f.isTrait());
  }

  /**
   * A rule of a tree built in code.
   *
   * @throws IllegalArgumentException when it nests deeper than {@value #MAX_DEPTH} or is longer than
   *                                  {@value #MAX_LENGTH} characters written out
   */
  public static Rule of(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    if (deeperThan(condition, MAX_DEPTH)) {
      throw new IllegalArgumentException("a rule nests at most " + MAX_DEPTH + " levels of and, or and not");
    }
    String text = RuleText.write(condition);
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(tooLong(text));
    }
    return new Rule(condition, text);
  }

  /**
   * The rule a text says (see the class comment); null reads as empty.
   *
   * @throws RuleSyntaxException with the line and column of the first error
   */
  public static Rule parse(String text) {
    Condition condition = RuleParser.parse(text);
    String canonical = RuleText.write(condition);
    if (canonical.length() > MAX_LENGTH) {
      throw RuleSyntaxException.at(1, 1, tooLong(canonical));
    }
    return new Rule(condition, canonical);
  }

  /**
   * The rule of a JSON text (the form is documented on {@link RuleJsonReader}); null reads as empty.
   *
   * @throws RuleSyntaxException with the JSON pointer of the offending value, or the line and column of text that is
   *                             not JSON
   */
  public static Rule fromJson(String json) {
    return fromTree(RuleJsonReader.read(json));
  }

  /**
   * The rule of a JSON tree.
   *
   * @throws RuleSyntaxException with the JSON pointer of the offending value
   */
  public static Rule fromJson(JsonNode json) {
    return fromTree(RuleJsonReader.read(json));
  }

  private static Rule fromTree(Condition condition) {
    String text = RuleText.write(condition);
    if (text.length() > MAX_LENGTH) {
      throw RuleSyntaxException.atJson("", tooLong(text));
    }
    return new Rule(condition, text);
  }

  /** The rule's tree. */
  public Condition condition() {
    return condition;
  }

  /** The canonical text: {@code Rule.parse(r.toText())} equals {@code r}. */
  public String toText() {
    return text;
  }

  /** The JSON form, a new tree on each call: {@code Rule.fromJson(r.toJson())} equals {@code r}. */
  public JsonNode toJson() {
    return RuleJsonWriter.write(condition);
  }

  /**
   * Whether the person matches. Pure: it only reads the subject and asks {@code inSegment} about the ids of
   * {@link #segmentsReferenced()}.
   */
  public boolean matches(SegmentSubject subject, Predicate<String> inSegment) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(inSegment, "inSegment");
    return matcher.matches(subject, inSegment);
  }

  /** The ids the rule's {@code in_segment} names, sorted. */
  public Set<String> segmentsReferenced() {
    return segments;
  }

  /**
   * Whether membership can change with time alone: the rule counts or sums over a window, or asks
   * {@code days_since}.
   */
  public boolean usesTimeWindows() {
    return timeWindows;
  }

  /** Whether the rule reads a {@code traits.} field. */
  public boolean usesTraits() {
    return traits;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rule r && r.condition.equals(condition);
  }

  @Override
  public int hashCode() {
    return condition.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static void collect(Condition c, Set<String> segments, List<Operand> operands) {
    if (c instanceof Condition.And and) {
      and.conditions().forEach(x -> collect(x, segments, operands));
    } else if (c instanceof Condition.Or or) {
      or.conditions().forEach(x -> collect(x, segments, operands));
    } else if (c instanceof Condition.Not not) {
      collect(not.condition(), segments, operands);
    } else if (c instanceof Condition.InSegment in) {
      segments.add(in.segmentId());
    } else if (c instanceof Condition.Compare compare) {
      operands.add(compare.left());
      if (compare.right() instanceof Operand right) {
        operands.add(right);
      }
    } else if (c instanceof Condition.In in) {
      operands.add(in.operand());
    } else if (c instanceof Condition.Contains contains) {
      operands.add(contains.field());
    } else if (c instanceof Condition.IsNull isNull) {
      operands.add(isNull.operand());
    }
  }

  /** Whether the tree nests more than {@code levels} of and/or/not; looks no deeper than that. */
  private static boolean deeperThan(Condition c, int levels) {
    List<Condition> children;
    if (c instanceof Condition.And and) {
      children = and.conditions();
    } else if (c instanceof Condition.Or or) {
      children = or.conditions();
    } else if (c instanceof Condition.Not not) {
      children = List.of(not.condition());
    } else {
      return false;
    }
    return levels == 0 || children.stream().anyMatch(x -> deeperThan(x, levels - 1));
  }

  private static String tooLong(String text) {
    return "a rule has at most " + MAX_LENGTH + " characters written out canonically, this one has " + text.length();
  }
}
