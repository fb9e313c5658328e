package io.shopsense.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEvaluationTest {

  static boolean matches(String rule, SegmentSubject subject) {
    return Rule.parse(rule).matches(subject, id -> false);
  }

  static MapSubject lapsedOutdoorFan() {
    return new MapSubject().with("lifecycle", "silent").with("rfm.monetary", 5)
        .interest("category:outdoor", 0.8)
        .event("Order Completed", 45, "120.00", 2)
        .event("Product Viewed", 3, "0", 0);
  }

  @Test
  void theExampleMatchesALapsedBigSpenderWhoLovesTheOutdoors() {
    Rule rule = Rule.parse(RuleParseTest.EXAMPLE);

    assertThat(rule.matches(lapsedOutdoorFan(), id -> false)).isTrue();
    assertThat(rule.matches(lapsedOutdoorFan().with("lifecycle", "active"), id -> false)).isFalse();
    assertThat(rule.matches(lapsedOutdoorFan().with("rfm.monetary", 3), id -> false)).isFalse();
    assertThat(rule.matches(lapsedOutdoorFan().interest("category:outdoor", 0.3), id -> false))
        .as("0.3 is not above 0.3").isFalse();
    assertThat(rule.matches(lapsedOutdoorFan().event("Order Completed", 29, "10", 1), id -> false))
        .as("an order 29 days ago is within 30d").isFalse();
    assertThat(rule.matches(lapsedOutdoorFan().event("Order Completed", 30, "10", 1), id -> false))
        .as("30 days ago is not").isTrue();
  }

  @Test
  void comparesNumbersExactlyWhateverTheirJavaType() {
    for (Object four : List.of(4, 4L, 4.0d, new BigDecimal("4.00"), BigInteger.valueOf(4), (short) 4, 4.0f)) {
      MapSubject s = new MapSubject().with("rfm.monetary", four);
      assertThat(matches("rfm.monetary = 4", s)).as("%s = 4", four).isTrue();
      assertThat(matches("rfm.monetary = 4.0", s)).isTrue();
      assertThat(matches("rfm.monetary != 4", s)).isFalse();
      assertThat(matches("rfm.monetary < 4.01", s)).isTrue();
      assertThat(matches("rfm.monetary < 4", s)).isFalse();
      assertThat(matches("rfm.monetary <= 4", s)).isTrue();
      assertThat(matches("rfm.monetary > 3.99", s)).isTrue();
      assertThat(matches("rfm.monetary > 4", s)).isFalse();
      assertThat(matches("rfm.monetary >= 4", s)).isTrue();
      assertThat(matches("rfm.monetary >= -4", s)).isTrue();
    }
    assertThat(matches("behaviour.discountShare < 0.35", new MapSubject().with("behaviour.discountShare", 0.1 + 0.2)))
        .as("doubles compare by their decimal value").isTrue();
  }

  @Test
  void comparesStringsByEqualityAndLexicographically() {
    MapSubject s = new MapSubject().with("lifecycle", "new");

    assertThat(matches("lifecycle = 'new'", s)).isTrue();
    assertThat(matches("lifecycle = 'New'", s)).as("exact").isFalse();
    assertThat(matches("lifecycle != 'lost'", s)).isTrue();
    assertThat(matches("lifecycle > 'lost' and lifecycle < 'potential'", s)).isTrue();
    assertThat(matches("lifecycle >= 'new' and lifecycle <= 'new'", s)).isTrue();
    assertThat(matches("lifecycle in ('active', 'new')", s)).isTrue();
    assertThat(matches("lifecycle not in ('active', 'new')", s)).isFalse();
    assertThat(matches("lifecycle not in ('active', 'lost')", s)).isTrue();
  }

  @Test
  void containsAsksForAnElementOfAList() {
    MapSubject s = new MapSubject().with("behaviour.favouriteCategories", List.of("outdoor", "shoes"))
        .with("behaviour.activeHours", List.of("9", "13")).with("traits.scores", List.of(1L, 2L));

    assertThat(matches("behaviour.favouriteCategories contains 'outdoor'", s)).isTrue();
    assertThat(matches("behaviour.favouriteCategories contains 'kitchen'", s)).isFalse();
    assertThat(matches("behaviour.activeHours contains '13'", s)).isTrue();
    assertThat(matches("traits.scores contains 2", s)).isTrue();
    assertThat(matches("behaviour.devices contains 'mobile'", s)).as("no list").isFalse();
    assertThat(matches("not behaviour.devices contains 'mobile'", s)).isTrue();
    assertThat(matches("traits.scores is not null and behaviour.devices is null", s)).isTrue();
  }

  @Test
  void aMissingValueMakesEveryComparisonFalseAndNotJustNegates() {
    MapSubject nobody = new MapSubject();

    for (String rule : List.of("lifecycle = 'lost'", "lifecycle != 'lost'", "lifecycle < 'z'", "lifecycle >= ''",
        "lifecycle in ('lost')", "lifecycle not in ('lost')", "rfm.monetary != 3", "traits.plan != 'pro'",
        "days_since(behaviour.lastOrder) >= 0", "behaviour.lastOrder < '2100-01-01'", "rfm.monetary > rfm.recency",
        "behaviour.favouriteCategories contains 'x'")) {
      assertThat(matches(rule, nobody)).as(rule).isFalse();
      assertThat(matches("not " + rule, nobody)).as("not " + rule).isTrue();
    }
    assertThat(matches("lifecycle is null", nobody)).isTrue();
    assertThat(matches("lifecycle is not null", nobody)).isFalse();
    assertThat(matches("rfm.monetary is null", new MapSubject().with("rfm.monetary", Double.NaN)))
        .as("NaN is no value").isTrue();
    assertThat(matches("count() = 0 and sum(revenue) = 0 and interest('x') = 0", nobody))
        .as("counts, sums and interests are 0, not missing").isTrue();
  }

  @Test
  void valuesOfDifferentKindsAreUnequalAndUnordered() {
    MapSubject s = new MapSubject().with("traits.age", 42L).with("traits.vip", true).with("traits.code", "42");

    assertThat(matches("traits.age = '42'", s)).isFalse();
    assertThat(matches("traits.age != '42'", s)).isTrue();
    assertThat(matches("traits.age > '1'", s)).isFalse();
    assertThat(matches("traits.age < '1'", s)).isFalse();
    assertThat(matches("traits.age = 42 and traits.code = '42'", s)).isTrue();
    assertThat(matches("traits.vip = true and traits.vip != false", s)).isTrue();
    assertThat(matches("traits.vip = 'true'", s)).isFalse();
    assertThat(matches("traits.age not in ('42', true)", s)).isTrue();
    assertThat(matches("traits.age = traits.code", s)).isFalse();
  }

  @Test
  void comparesTimeFieldsWithInstantsAndDates() {
    MapSubject s = new MapSubject().with("behaviour.lastOrder", Instant.parse("2024-01-01T00:00:00Z"))
        .with("behaviour.firstSeen", Instant.parse("2023-12-31T23:59:59Z"));

    assertThat(matches("behaviour.lastOrder >= '2024-01-01'", s)).as("a date is the start of its UTC day").isTrue();
    assertThat(matches("behaviour.lastOrder = '2024-01-01'", s)).isTrue();
    assertThat(matches("behaviour.lastOrder = '2024-01-01T01:00:00+01:00'", s)).as("same instant").isTrue();
    assertThat(matches("behaviour.lastOrder > '2024-01-01T00:00:00Z'", s)).isFalse();
    assertThat(matches("behaviour.firstSeen < '2024-01-01'", s)).isTrue();
    assertThat(matches("behaviour.lastOrder > behaviour.firstSeen", s)).isTrue();
    assertThat(matches("behaviour.lastOrder in ('2023-01-01', '2024-01-01')", s)).isTrue();
    assertThat(matches("behaviour.lastSeen >= '2024-01-01'", s)).isFalse();
  }

  @Test
  void countsDaysSinceATimeField() {
    MapSubject s = new MapSubject().with("behaviour.lastOrder", MapSubject.NOW.minus(Duration.ofHours(24 * 90 + 5)));

    assertThat(matches("days_since(behaviour.lastOrder) = 90", s)).isTrue();
    assertThat(matches("days_since(behaviour.lastOrder) > 60 and days_since(behaviour.lastOrder) <= 90", s)).isTrue();
    assertThat(matches("days_since(behaviour.lastSeen) is null", s)).isTrue();
  }

  @Test
  void countsAndSumsOverWindowsOrAllTime() {
    MapSubject s = new MapSubject()
        .event("Order Completed", 0, "10.50", 1)
        .event("Order Completed", 6, "20", 2)
        .event("Order Completed", 7, "30", 3)
        .event("Order Completed", 400, "100", 4)
        .event("Product Viewed", 1, "0", 0);

    assertThat(matches("count() = 5", s)).isTrue();
    assertThat(matches("count(within = 7d) = 3", s)).as("today and the six days before").isTrue();
    assertThat(matches("count(event = 'Order Completed', within = 1w) = 2", s)).isTrue();
    assertThat(matches("count(event = 'Order Completed') = 4", s)).isTrue();
    assertThat(matches("count(event = 'Refund Issued') = 0", s)).isTrue();
    assertThat(matches("sum(revenue, event = 'Order Completed', within = 8d) = 60.5", s)).isTrue();
    assertThat(matches("sum(units) = 10", s)).isTrue();
    assertThat(matches("sum(units, within = 3650d) > sum(units, within = 7d)", s)).isTrue();
  }

  @Test
  void comparesInterests() {
    MapSubject s = new MapSubject().interest("brand:acme", 0.42).interest("category:shoes", 0.2);

    assertThat(matches("interest('brand:acme') > 0.4 and interest('brand:acme') < 0.43", s)).isTrue();
    assertThat(matches("interest('brand:acme') > interest('category:shoes')", s)).isTrue();
    assertThat(matches("interest('brand:unknown') = 0", s)).isTrue();
  }

  @Test
  void asksTheCallerAboutOtherSegments() {
    Rule rule = Rule.parse("in_segment('vip') and not in_segment('churned')");
    MapSubject anyone = new MapSubject();

    assertThat(rule.matches(anyone, Set.of("vip")::contains)).isTrue();
    assertThat(rule.matches(anyone, Set.of("vip", "churned")::contains)).isFalse();
    assertThat(rule.matches(anyone, Set.<String>of()::contains)).isFalse();
  }
}
