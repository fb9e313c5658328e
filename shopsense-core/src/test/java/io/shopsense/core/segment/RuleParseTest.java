package io.shopsense.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.core.segment.Condition.And;
import io.shopsense.core.segment.Condition.Compare;
import io.shopsense.core.segment.Condition.Not;
import io.shopsense.core.segment.Condition.Op;
import io.shopsense.core.segment.Condition.Or;
import io.shopsense.core.segment.Operand.Field;
import io.shopsense.core.segment.Operand.Window;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleParseTest {
  static final String EXAMPLE = "lifecycle = 'silent' and rfm.monetary >= 4 and interest('category:outdoor') > 0.3 "
      + "and count(event = 'Order Completed', within = 30d) = 0";

  static Compare eq(String field, String value) {
    return new Compare(new Field(field), Op.EQ, new Literal.Text(value));
  }

  @Test
  void readsTheExampleIntoItsTree() {
    Rule rule = Rule.parse(EXAMPLE);

    assertThat(rule.condition()).isEqualTo(new And(List.of(
        eq("lifecycle", "silent"),
        new Compare(new Field("rfm.monetary"), Op.GE, Literal.Decimal.of(4)),
        new Compare(new Operand.Interest("category:outdoor"), Op.GT, new Literal.Decimal(new BigDecimal("0.3"))),
        new Compare(new Operand.Count("Order Completed", new Window(30, Window.Unit.DAYS)), Op.EQ,
            Literal.Decimal.of(0)))));
    assertThat(rule.toText()).isEqualTo(EXAMPLE);
    assertThat(rule.usesTimeWindows()).isTrue();
    assertThat(rule.usesTraits()).isFalse();
    assertThat(rule.segmentsReferenced()).isEmpty();
  }

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    Compare a = eq("lifecycle", "a");
    Compare b = eq("intent", "b");
    Compare c = eq("rfm.segment", "c");

    assertThat(Rule.parse("lifecycle = 'a' or intent = 'b' and not rfm.segment = 'c'").condition())
        .isEqualTo(new Or(List.of(a, new And(List.of(b, new Not(c))))));
    assertThat(Rule.parse("not lifecycle = 'a' and intent = 'b' or rfm.segment = 'c'").condition())
        .isEqualTo(new Or(List.of(new And(List.of(new Not(a), b)), c)));
    assertThat(Rule.parse("(lifecycle = 'a' or intent = 'b') and rfm.segment = 'c'").condition())
        .isEqualTo(new And(List.of(new Or(List.of(a, b)), c)));
    assertThat(Rule.parse("not (lifecycle = 'a' and intent = 'b')").condition())
        .isEqualTo(new Not(new And(List.of(a, b))));
    assertThat(Rule.parse("lifecycle = 'a' and intent = 'b' and rfm.segment = 'c'").condition())
        .as("a chain is one node").isEqualTo(new And(List.of(a, b, c)));
  }

  @Test
  void writesParenthesesOnlyWhereTheTreeNeedsThem() {
    assertThat(Rule.parse("((lifecycle = 'a')) or (intent = 'b' and (rfm.segment = 'c'))").toText())
        .isEqualTo("lifecycle = 'a' or intent = 'b' and rfm.segment = 'c'");
    assertThat(Rule.parse("lifecycle = 'a' and (intent = 'b' and rfm.segment = 'c')").toText())
        .as("a group the author made is kept, so the text reads back as the same tree")
        .isEqualTo("lifecycle = 'a' and (intent = 'b' and rfm.segment = 'c')");
    assertThat(Rule.parse("not not (lifecycle = 'a' or intent = 'b')").toText())
        .isEqualTo("not not (lifecycle = 'a' or intent = 'b')");
  }

  @Test
  void readsKeywordsFunctionsAndArgumentsInAnyCase() {
    Rule upper = Rule.parse("lifecycle IS NOT NULL AND "
        + "COUNT(WITHIN = 2W, EVENT = 'Order Completed') >= 1 Or NOT Sum(REVENUE) > 10 or intent In ('a') "
        + "or behaviour.devices CONTAINS 'mobile' or traits.vip = TRUE");

    assertThat(upper.toText()).isEqualTo("lifecycle is not null and count(event = 'Order Completed', within = 2w) >= 1"
        + " or not sum(revenue) > 10 or intent in ('a') or behaviour.devices contains 'mobile' or traits.vip = true");
  }

  @Test
  void readsEveryOperatorAndOperand() {
    String text = """
        rfm.monetary = 1 and rfm.monetary != 2 and rfm.monetary <> 3 and rfm.monetary < -4.5
          and rfm.monetary <= 5 and rfm.monetary > rfm.frequency and rfm.monetary >= 7
          and lifecycle in ('new', 'active') and lifecycle not in ('lost')
          and behaviour.favouriteCategories contains 'outdoor'
          and behaviour.lastOrder is null and behaviour.lastSeen is not null
          and days_since(behaviour.lastOrder) > 30 and sum(units, within = 4w, event = 'Order Completed') > 2
          and count() > 0 and in_segment('vip') and not in_segment('churned')
          and behaviour.lastOrder >= '2024-01-01' and behaviour.firstSeen < '2024-06-01T08:00:00+02:00'
        """;

    Rule rule = Rule.parse(text);

    assertThat(rule.toText()).isEqualTo("rfm.monetary = 1 and rfm.monetary != 2 and rfm.monetary != 3"
        + " and rfm.monetary < -4.5 and rfm.monetary <= 5 and rfm.monetary > rfm.frequency and rfm.monetary >= 7"
        + " and lifecycle in ('new', 'active') and lifecycle not in ('lost')"
        + " and behaviour.favouriteCategories contains 'outdoor'"
        + " and behaviour.lastOrder is null and behaviour.lastSeen is not null"
        + " and days_since(behaviour.lastOrder) > 30 and sum(units, event = 'Order Completed', within = 4w) > 2"
        + " and count() > 0 and in_segment('vip') and not in_segment('churned')"
        + " and behaviour.lastOrder >= '2024-01-01' and behaviour.firstSeen < '2024-06-01T08:00:00+02:00'");
    assertThat(rule.segmentsReferenced()).containsExactly("churned", "vip");
    assertThat(Rule.parse(rule.toText())).isEqualTo(rule);
  }

  @Test
  void skipsCommentsAndReadsRulesOverLines() {
    Rule rule = Rule.parse("""
        -- lapsed high spenders
        lifecycle = 'silent'   -- no order for a while
          and rfm.monetary >= 4 -- top two fifths
        """);

    assertThat(rule.toText()).isEqualTo("lifecycle = 'silent' and rfm.monetary >= 4");
  }

  @Test
  void readsQuotesInsideStringsAndKeepsSqlLookingTextAsAValue() {
    assertThat(Rule.parse("lifecycle = 'it''s'").condition()).isEqualTo(eq("lifecycle", "it's"));
    assertThat(Rule.parse("lifecycle = '; drop table x; --'").condition())
        .isEqualTo(eq("lifecycle", "; drop table x; --"));
    assertThat(Rule.parse("lifecycle = ''''").condition()).isEqualTo(eq("lifecycle", "'"));
    assertThat(Rule.parse("lifecycle = 'two\nlines -- not a comment'").condition())
        .isEqualTo(eq("lifecycle", "two\nlines -- not a comment"));
    assertThat(Rule.parse("lifecycle = 'it''s'").toText()).isEqualTo("lifecycle = 'it''s'");
  }

  @Test
  void keepsAWindowsUnitAndCountsItsDays() {
    Operand.Count count = (Operand.Count) ((Compare) Rule.parse("count(within = 2w) > 0").condition()).left();

    assertThat(count.within()).isEqualTo(new Window(2, Window.Unit.WEEKS));
    assertThat(count.within().days()).isEqualTo(14);
    assertThat(count.within().toString()).isEqualTo("2w");
    assertThat(Rule.parse("count(within = 3650d) > 0").toText()).isEqualTo("count(within = 3650d) > 0");
    assertThat(Rule.parse("count(within = 521w) > 0").toText()).isEqualTo("count(within = 521w) > 0");
  }

  @Test
  void countArgumentsComeInAnyOrderAndAreWrittenEventFirst() {
    assertThat(Rule.parse("count(within = 7d, event = 'Product Viewed') > 3"))
        .isEqualTo(Rule.parse("count(event = 'Product Viewed', within = 7d) > 3"));
  }

  @Test
  void tellsWhatARuleDependsOn() {
    assertThat(Rule.parse("traits.plan = 'pro'").usesTraits()).isTrue();
    assertThat(Rule.parse("rfm.monetary > 3").usesTimeWindows()).isFalse();
    assertThat(Rule.parse("count(event = 'x') > 3").usesTimeWindows()).as("all time").isFalse();
    assertThat(Rule.parse("sum(revenue, within = 1d) > 3").usesTimeWindows()).isTrue();
    assertThat(Rule.parse("days_since(behaviour.lastSeen) > 3").usesTimeWindows()).isTrue();
    assertThat(Rule.parse("behaviour.lastSeen > '2024-01-01'").usesTimeWindows()).as("a fixed date").isFalse();
    assertThat(Rule.parse("in_segment('b') or in_segment('a') and not in_segment('b')").segmentsReferenced())
        .containsExactly("a", "b");
  }

  @Test
  void treesBuiltInCodeAreCheckedToo() {
    assertThatThrownBy(() -> new Compare(new Field("rfm.monetary"), Op.EQ, new Literal.Text("x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'rfm.monetary' is a number");
    assertThatThrownBy(() -> new And(List.of(eq("lifecycle", "a"))))
        .hasMessageContaining("'and' joins two or more conditions, not 1");
    Condition deep = eq("lifecycle", "a");
    for (int i = 0; i < 65; i++) {
      deep = new Not(deep);
    }
    Condition tooDeep = deep;
    assertThatThrownBy(() -> Rule.of(tooDeep)).hasMessageContaining("at most 64 levels");
    assertThat(Rule.of(((Not) deep).condition()).toText()).startsWith("not not");
  }
}
