package io.shopsense.core.segment.internal;

import io.shopsense.core.segment.Condition;
import io.shopsense.core.segment.Literal;
import io.shopsense.core.segment.Operand;
import io.shopsense.core.segment.ProfileFields;
import io.shopsense.core.segment.Rule;
import io.shopsense.core.segment.RuleSyntaxException;
import io.shopsense.core.segment.Term;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The recursive-descent parser of a rule's text form (the grammar is in {@link Rule}'s documentation). Every error is
 * a {@link RuleSyntaxException} at the token that is wrong; the tree's own checks (types, ids, windows) are reported
 * at the token they concern.
 */
public final class RuleParser {
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "null", "true", "false",
      "contains");
  private static final Set<String> FUNCTIONS = Set.of("count", "days_since", "in_segment", "interest", "sum");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern WINDOW = Pattern.compile("[0-9]+[dDwW]");

  private final String text;
  private final List<Token> tokens;
  private int next;
  /** Open parentheses and {@code not}s around the current token: the parser's recursion, bounded. */
  private int groups;

  private RuleParser(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  /** A condition and how many levels of and/or/not it nests. */
  private record Parsed(Condition condition, int depth) {}

  /** The named arguments of {@code count} and {@code sum}. */
  private record Arguments(Token event, Operand.Window within) {
    String eventName() {
      return event == null ? null : event.value();
    }
  }

  /** The condition a rule's text says; null reads as empty. */
  public static Condition parse(String text) {
    String s = text == null ? "" : text;
    RuleParser parser = new RuleParser(s, Lexer.tokens(s));
    Condition condition = parser.or().condition();
    Token end = parser.peek();
    if (end.kind() != Token.Kind.END) {
      throw error(end, "expected 'and', 'or' or the end of the rule, found " + end.describe());
    }
    return condition;
  }

  private Parsed or() {
    return chain("or", this::and, Condition.Or::new);
  }

  private Parsed and() {
    return chain("and", this::unary, Condition.And::new);
  }

  /** Terms joined by the keyword into one node, or the term itself when alone. */
  private Parsed chain(String keyword, Supplier<Parsed> term, Function<List<Condition>, Condition> join) {
    Token start = peek();
    Parsed first = term.get();
    if (!peek().is(keyword)) {
      return first;
    }
    List<Condition> terms = new ArrayList<>(List.of(first.condition()));
    int depth = first.depth();
    while (peek().is(keyword)) {
      next();
      Parsed more = term.get();
      terms.add(more.condition());
      depth = Math.max(depth, more.depth());
    }
    return nested(start, join.apply(terms), depth + 1);
  }

  private Parsed unary() {
    Token not = peek();
    if (!not.is("not")) {
      return primary();
    }
    next();
    enter(not);
    Parsed inner = unary();
    groups--;
    return nested(not, new Condition.Not(inner.condition()), inner.depth() + 1);
  }

  private Parsed primary() {
    Token open = peek();
    if (open.is("(")) {
      next();
      enter(open);
      Parsed inner = or();
      Token close = peek();
      if (!close.is(")")) {
        throw error(close, "expected 'and', 'or' or ')' to close the '(' at line " + open.line() + ", column "
            + open.column() + ", found " + close.describe());
      }
      next();
      groups--;
      return inner;
    }
    if (open.is("in_segment") && peek(1).is("(")) {
      next();
      next();
      Token id = string("a segment id", "in in_segment(…)");
      expect(")", "after the segment id");
      return new Parsed(build(id, () -> new Condition.InSegment(id.value())), 0);
    }
    return new Parsed(predicate(), 0);
  }

  private Condition predicate() {
    Token start = peek();
    Operand left = operand();
    Token t = peek();
    Optional<Condition.Op> op = t.kind() == Token.Kind.SYMBOL ? Condition.Op.of(t.text()) : Optional.empty();
    if (op.isPresent()) {
      next();
      Token value = peek();
      Term right = term("after '" + t.text() + "'");
      return build(value, () -> new Condition.Compare(left, op.get(), right));
    }
    if (t.is("in")) {
      next();
      return in(left, false);
    }
    if (t.is("not")) {
      next();
      if (!peek().is("in")) {
        throw error(peek(), "expected 'in' after 'not', found " + peek().describe());
      }
      next();
      return in(left, true);
    }
    if (t.is("contains")) {
      next();
      if (!(left instanceof Operand.Field field)) {
        throw error(t, "'contains' needs a list field, not " + RuleText.operand(left));
      }
      Token value = peek();
      Literal literal = literal("after 'contains'");
      // a list field can only be given the wrong kind of value; any other field is wrong itself
      return build(field.type().orElse(null) == ProfileFields.Type.LIST ? value : t,
          () -> new Condition.Contains(field, literal));
    }
    if (t.is("is")) {
      next();
      boolean negated = peek().is("not");
      if (negated) {
        next();
      }
      if (!peek().is("null")) {
        throw error(peek(), "expected 'null' after '" + (negated ? "is not" : "is") + "', found " + peek().describe());
      }
      next();
      return new Condition.IsNull(left, negated);
    }
    throw error(t, "expected a comparison operator after '" + Spelling.shorten(text.substring(start.offset(),
        previous().end())) + "', found " + t.describe());
  }

  private Condition in(Operand left, boolean negated) {
    expect("(", "after '" + (negated ? "not in" : "in") + "'");
    List<Literal> values = new ArrayList<>();
    do {
      Token at = peek();
      Literal value = literal("in the list");
      // checked one by one, so that a wrong value is reported where it is
      build(at, () -> new Condition.In(left, negated, List.of(value)));
      values.add(value);
    } while (accept(","));
    expect(")", "after the list's values");
    return new Condition.In(left, negated, values);
  }

  private Operand operand() {
    Token t = peek();
    if (t.kind() != Token.Kind.NAME) {
      throw error(t, "expected a field, a function, 'not' or '(', found " + t.describe());
    }
    String name = t.lower();
    boolean call = peek(1).is("(");
    if (FUNCTIONS.contains(name) && !call) {
      throw error(peek(1), "expected '(' after '" + t.text() + "', found " + peek(1).describe());
    }
    if (call) {
      return function(t, name);
    }
    if (KEYWORDS.contains(name)) {
      throw error(t, "expected a field, a function, 'not' or '(', found " + t.describe());
    }
    next();
    return build(t, () -> new Operand.Field(t.text()));
  }

  private Operand function(Token t, String name) {
    switch (name) {
      case "interest" -> {
        next();
        next();
        Token tag = string("a tag", "in interest(…)");
        expect(")", "after the tag");
        return build(tag, () -> new Operand.Interest(tag.value()));
      }
      case "count" -> {
        next();
        next();
        Arguments args = peek().is(")") ? new Arguments(null, null) : arguments(t);
        close(t);
        return build(args.event() != null ? args.event() : t, () -> new Operand.Count(args.eventName(), args.within()));
      }
      case "sum" -> {
        next();
        next();
        Token m = peek();
        Optional<Operand.Measure> measure = m.kind() == Token.Kind.NAME ? Operand.Measure.of(m.text()) : Optional.empty();
        if (measure.isEmpty()) {
          throw error(m, "expected what to sum, 'revenue' or 'units', found " + m.describe());
        }
        next();
        Arguments args = accept(",") ? arguments(t) : new Arguments(null, null);
        close(t);
        return build(args.event() != null ? args.event() : t,
            () -> new Operand.Sum(measure.get(), args.eventName(), args.within()));
      }
      case "days_since" -> {
        next();
        next();
        Token field = peek();
        if (field.kind() != Token.Kind.NAME) {
          throw error(field, "expected a time field in days_since(…), found " + field.describe());
        }
        next();
        expect(")", "after the field");
        return build(field, () -> new Operand.DaysSince(field.text()));
      }
      case "in_segment" -> throw error(t, "in_segment(…) is a condition of its own, not a value to compare");
      default -> {
        List<String> hints = Spelling.closest(name, FUNCTIONS);
        throw error(t, "unknown function '" + Spelling.shorten(t.text()) + "'" + (hints.isEmpty()
            ? "; functions are count, days_since, in_segment, interest and sum"
            : "; did you mean '" + hints.get(0) + "'?"));
      }
    }
  }

  /** {@code event = '…'} and {@code within = 30d}, each at most once, in any order, separated by commas. */
  private Arguments arguments(Token function) {
    Token event = null;
    Operand.Window within = null;
    Token withinName = null;
    do {
      Token name = peek();
      if (name.is("event") && event == null) {
        next();
        expect("=", "after 'event'");
        event = string("an event name", "after 'event ='");
      } else if (name.is("within") && withinName == null) {
        withinName = name;
        next();
        expect("=", "after 'within'");
        within = window();
      } else if (name.is("event") || name.is("within")) {
        throw error(name, "'" + name.lower() + "' is given twice");
      } else {
        throw error(name, "expected 'event' or 'within' in " + function.lower() + "(…), found " + name.describe());
      }
    } while (accept(","));
    return new Arguments(event, within);
  }

  private Operand.Window window() {
    Token t = peek();
    if (t.kind() != Token.Kind.NUMBER) {
      throw error(t, "expected a window like 30d or 4w, found " + t.describe());
    }
    next();
    return build(t, () -> Operand.Window.parse(t.text()));
  }

  /** A literal, or an operand to compare with. */
  private Term term(String context) {
    Token t = peek();
    if (t.kind() == Token.Kind.NAME && !t.is("true") && !t.is("false")) {
      if (t.is("null")) {
        throw error(t, "nothing equals null: ask 'is null' or 'is not null'");
      }
      if (KEYWORDS.contains(t.lower())) {
        throw error(t, "expected a value " + context + ", found " + t.describe());
      }
      return operand();
    }
    return literal(context);
  }

  private Literal literal(String context) {
    Token t = peek();
    switch (t.kind()) {
      case STRING -> {
        next();
        return new Literal.Text(t.value());
      }
      case NUMBER -> {
        next();
        if (NUMBER.matcher(t.text()).matches()) {
          return build(t, () -> new Literal.Decimal(new BigDecimal(t.text())));
        }
        throw error(t, WINDOW.matcher(t.text()).matches()
            ? "expected a number, found " + t.describe() + ": windows go in count(…) and sum(…)"
            : "malformed number " + t.describe());
      }
      case NAME -> {
        if (t.is("true") || t.is("false")) {
          next();
          return new Literal.Bool(t.is("true"));
        }
        if (t.is("null")) {
          throw error(t, "null is not a value: ask 'is null' or 'is not null'");
        }
      }
      default -> {
        // reported below
      }
    }
    throw error(t, "expected a value (a string, a number, true or false) " + context + ", found " + t.describe());
  }

  private Parsed nested(Token start, Condition condition, int depth) {
    if (depth > Rule.MAX_DEPTH) {
      throw error(start, "a rule nests at most " + Rule.MAX_DEPTH + " levels of and, or and not");
    }
    return new Parsed(condition, depth);
  }

  private void enter(Token t) {
    if (++groups > Rule.MAX_DEPTH) {
      throw error(t, "a rule nests at most " + Rule.MAX_DEPTH + " parentheses and 'not's");
    }
  }

  private Token string(String what, String context) {
    Token t = peek();
    if (t.kind() != Token.Kind.STRING) {
      throw error(t, "expected " + what + " in quotes " + context + ", found " + t.describe());
    }
    next();
    return t;
  }

  private void expect(String symbol, String context) {
    Token t = peek();
    if (!t.is(symbol)) {
      throw error(t, "expected '" + symbol + "' " + context + ", found " + t.describe());
    }
    next();
  }

  /** The ')' that closes the arguments of {@code count} or {@code sum}. */
  private void close(Token function) {
    Token t = peek();
    if (!t.is(")")) {
      throw error(t, "expected ',' or ')' in " + function.lower() + "(…), found " + t.describe());
    }
    next();
  }

  private boolean accept(String symbol) {
    if (peek().is(symbol)) {
      next();
      return true;
    }
    return false;
  }

  /** A node of the tree, its own checks reported at the token. */
  private static <T> T build(Token at, Supplier<T> node) {
    try {
      return node.get();
    } catch (IllegalArgumentException e) {
      throw error(at, e.getMessage());
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(next + ahead, tokens.size() - 1));
  }

  private Token previous() {
    return tokens.get(next - 1);
  }

  private void next() {
    if (next < tokens.size() - 1) {
      next++;
    }
  }

  private static RuleSyntaxException error(Token t, String reason) {
    return RuleSyntaxException.at(t.line(), t.column(), reason);
  }
}
