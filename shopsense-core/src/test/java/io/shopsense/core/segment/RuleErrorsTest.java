package io.shopsense.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RuleErrorsTest {

  static RuleSyntaxException error(String text) {
    RuleSyntaxException e = catchThrowableOfType(() -> Rule.parse(text), RuleSyntaxException.class);
    assertThat(e).as("an error for %s", text).isNotNull();
    return e;
  }

  static void assertError(String text, int line, int column, String reason) {
    RuleSyntaxException e = error(text);
    assertThat(e.reason()).as(text).contains(reason);
    assertThat(List.of(e.line(), e.column())).as("line and column of: %s (%s)", text, e.getMessage())
        .containsExactly(line, column);
    assertThat(e.getMessage()).isEqualTo("line " + line + ", column " + column + ": " + e.reason());
    assertThat(e.jsonPointer()).isEmpty();
  }

  @Test
  void saysWhereAComparisonOperatorIsMissing() {
    RuleSyntaxException e = error("lifecycle = 'silent'\nand rfm.monetary foo");

    assertThat(e.getMessage())
        .isEqualTo("line 2, column 18: expected a comparison operator after 'rfm.monetary', found 'foo'");
  }

  @Test
  void pointsAtUnknownNamesWithCloseMatches() {
    assertError("lifecycle = 'a'\n  and rfm.monetery >= 4", 2, 7,
        "unknown field 'rfm.monetery'; did you mean 'rfm.monetary'?");
    assertError("-- lapsed\nlifecycle = 'silent' and\n  monetary >= 4", 3, 3, "did you mean 'rfm.monetary'?");
    assertError("trait.plan = 'pro'", 1, 1, "did you mean 'traits.plan'?");
    assertError("lifecycle = 'a' or\n  interst('tag:x') > 0", 2, 3, "unknown function 'interst'; did you mean 'interest'?");
    assertError("lifecycle = 'a'\r\n\tand foo = 1", 2, 6, "unknown field 'foo'; fields are lifecycle, intent");
    assertError("count(\n  evnt = 'x') > 0", 2, 3, "expected 'event' or 'within' in count(…), found 'evnt'");
    assertError("sum(price) > 0", 1, 5, "expected what to sum, 'revenue' or 'units', found 'price'");
  }

  @Test
  void pointsAtBadWindowsAndNumbers() {
    assertError("count(\n  within = 30x) > 0", 2, 12, "expected a window like 30d or 4w, found '30x'");
    assertError("count(within = 3651d) > 0", 1, 16, "a window is 1d to 3650d (or 521w), not 3651d");
    assertError("lifecycle = 'a' and\ncount(within = 0d) > 0", 2, 16, "not 0d");
    assertError("sum(units, within = 99999999999w) > 0", 1, 21, "not 99999999999w");
    assertError("count(event = 'a', within = '30d') > 0", 1, 29, "expected a window like 30d or 4w, found the string");
    assertError("rfm.monetary > 30d", 1, 16, "expected a number, found '30d': windows go in count(…) and sum(…)");
    assertError("rfm.monetary > 1.2.3", 1, 16, "malformed number '1.2.3'");
    assertError("rfm.monetary > 1" + "0".repeat(200), 1, 16, "a number has at most 100 digits");
  }

  @Test
  void pointsAtUnterminatedStringsAndStrayCharacters() {
    assertError("lifecycle = 'a'\nor intent = 'b'\nor rfm.segment = 'champions", 3, 18,
        "unterminated string: no closing quote");
    assertError("lifecycle = '''", 1, 13, "unterminated string");
    assertError("lifecycle = 'a'; drop table x; --", 1, 16, "unexpected character ';'");
    assertError("lifecycle ! 'a'", 1, 11, "unexpected character '!'; did you mean '!='?");
    assertError("lifecycle = \"a\"", 1, 13, "unexpected character '\"'; strings are in single quotes");
    assertError("lifecycle = 'a' and\u0000", 1, 20, "unexpected character U+0000");
  }

  @Test
  void pointsAtWhatBreaksTheStructure() {
    assertError("lifecycle = 'a' intent = 'b'", 1, 17, "expected 'and', 'or' or the end of the rule, found 'intent'");
    assertError("(lifecycle = 'a'\n or intent = 'b'", 2, 17,
        "expected 'and', 'or' or ')' to close the '(' at line 1, column 1, found the end of the rule");
    assertError("lifecycle = 'a')", 1, 16, "expected 'and', 'or' or the end of the rule, found ')'");
    assertError("lifecycle = 'a' and", 1, 20, "expected a field, a function, 'not' or '(', found the end of the rule");
    assertError("", 1, 1, "found the end of the rule");
    assertError("-- nothing but a comment\n", 2, 1, "found the end of the rule");
    assertError("and = 1", 1, 1, "expected a field, a function, 'not' or '(', found 'and'");
    assertError("'silent' = lifecycle", 1, 1, "found the string 'silent'");
    assertError("count > 0", 1, 7, "expected '(' after 'count', found '>'");
    assertError("lifecycle in ()", 1, 15, "expected a value (a string, a number, true or false) in the list, found ')'");
    assertError("lifecycle in ('a' 'b')", 1, 19, "expected ')' after the list's values, found the string 'b'");
    assertError("lifecycle not like 'a'", 1, 15, "expected 'in' after 'not', found 'like'");
    assertError("lifecycle is nul", 1, 14, "expected 'null' after 'is', found 'nul'");
    assertError("count(event = 'a', event = 'b') > 0", 1, 20, "'event' is given twice");
    assertError("count(event = 'a' within = 7d) > 0", 1, 19, "expected ',' or ')' in count(…), found 'within'");
    assertError("lifecycle = in_segment('x')", 1, 13, "in_segment(…) is a condition of its own");
  }

  @Test
  void pointsAtValuesOfTheWrongType() {
    assertError("lifecycle = 'a' and\n  rfm.monetary >= 'four'", 2, 19,
        "'rfm.monetary' is a number: compare it with a number, without quotes");
    assertError("lifecycle = 4", 1, 13, "'lifecycle' is a string: compare it with a string in quotes");
    assertError("lifecycle in ('a', 4)", 1, 20, "'lifecycle' is a string");
    assertError("behaviour.lastOrder > '2024-13-01'", 1, 23, "'behaviour.lastOrder' is a time");
    assertError("behaviour.lastOrder > 'yesterday'", 1, 23, "a date like '2024-01-01'");
    assertError("lifecycle = null", 1, 13, "nothing equals null: ask 'is null' or 'is not null'");
    assertError("lifecycle contains 'a'", 1, 11, "'lifecycle' is not a list");
    assertError("behaviour.activeHours contains 13", 1, 32, "holds strings: write the value in quotes");
    assertError("behaviour.devices = 'mobile'", 1, 21, "is a list: ask it with 'contains' or 'is null'");
    assertError("days_since(rfm.recency) > 3", 1, 12, "days_since needs a time field");
    assertError("traits.vip < true", 1, 14, "true and false compare only with = or !=");
    assertError("rfm.monetary > lifecycle", 1, 16, "'rfm.monetary' is a number and 'lifecycle' is a string");
    assertError("lifecycle = 'a' or\n  in_segment('VIP')", 2, 14, "a segment id starts with a lowercase letter");
    assertError("count(event = '') > 0", 1, 15, "an event name is empty");
  }

  @Test
  void refusesDeepNestingWithoutOverflowingTheStack() {
    assertError("(".repeat(5_000) + "lifecycle = 'a'" + ")".repeat(5_000), 1, 65,
        "a rule nests at most 64 parentheses and 'not's");
    assertError("not ".repeat(4_000) + "lifecycle = 'a'", 1, 257, "a rule nests at most 64 parentheses");
    assertThat(Rule.parse("not ".repeat(64) + "lifecycle = 'a'").toText()).startsWith("not not");
    String levels = "lifecycle = 'a' or intent = 'b' and (".repeat(40) + "lifecycle = 'c'" + ")".repeat(40);
    assertThat(error(levels).reason()).isEqualTo("a rule nests at most 64 levels of and, or and not");
  }

  @Test
  void refusesHugeRules() {
    assertError("lifecycle = 'a' or\n" + "x".repeat(30_000), 2, 20_000 - 19 + 1,
        "a rule has at most 20000 characters, this one has 30019");
    String packed = "rfm.monetary=1 or ".repeat(1_100) + "rfm.monetary=1";
    assertThat(packed.length()).isLessThan(20_000);
    assertThat(error(packed).reason()).contains("at most 20000 characters written out canonically");
    assertThat(Rule.parse("lifecycle = '" + "'';--".repeat(3_000) + "'").condition())
        .isEqualTo(RuleParseTest.eq("lifecycle", "';--".repeat(3_000)));
  }

  @Test
  void readsNullAsAnEmptyRule() {
    assertThatThrownBy(() -> Rule.parse(null)).isInstanceOf(RuleSyntaxException.class)
        .hasMessage("line 1, column 1: expected a field, a function, 'not' or '(', found the end of the rule");
  }

  @Test
  void anyTextEitherParsesOrFailsWithAPosition() {
    String[] soup = {"lifecycle", "rfm.monetary", "behaviour.lastOrder", "behaviour.devices", "traits.x", "and", "or",
        "not", "in", "is", "null", "contains", "true", "false", "count", "sum", "interest", "days_since", "in_segment",
        "event", "within", "revenue", "(", ")", ",", "=", "!=", "<>", "<", "<=", ">", ">=", "'a'", "'2024-01-01'", "''",
        "'", "4", "-4.5", "30d", "2w", "0d", "--", "\n", "\r", "\t", ";", "!", "\"", ".", "é", "\uD83D\uDE00", "\u0000",
        "a..b", "1e5", "9".repeat(120)};
    Random random = new Random(20261120);
    int parsed = 0;
    for (int i = 0; i < 1_500; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(12); n >= 0; n--) {
        text.append(soup[random.nextInt(soup.length)]).append(random.nextInt(3) == 0 ? "" : " ");
      }
      try {
        Rule rule = Rule.parse(text.toString());
        assertThat(Rule.parse(rule.toText())).isEqualTo(rule);
        parsed++;
      } catch (RuleSyntaxException e) {
        assertThat(e.line()).isPositive();
        assertThat(e.column()).isPositive();
      }
    }
    assertThat(parsed).as("some of the soup is a rule").isPositive();
  }
}
