package io.shopsense.demo;

import static io.shopsense.demo.DemoFixtures.ingest;
import static io.shopsense.demo.DemoFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.core.collect.internal.EventPreparer;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DemoShopScalingTest {

  @ParameterizedTest(name = "{0} events")
  @ValueSource(longs = {1_000, 100_000})
  void generatesRoughlyTheTargetNumberOfValidEvents(long target) {
    DemoSettings s = settings(42, target);
    DemoShop shop = DemoShop.of(s);
    EventPreparer preparer = DemoFixtures.preparer();

    long valid = shop.events().filter(e -> ingest(preparer, e, s.end()).ok()).count();
    DemoSummary summary = shop.summary();

    assertThat(valid).isEqualTo(summary.events());
    assertThat(summary.events()).isBetween(target / 2, target * 3 / 2);
    assertThat(summary.orders()).isPositive();
    assertThat(summary.customers()).isPositive();
    assertThat(summary.products()).isEqualTo(shop.products().size());
  }

  @Test
  void aLargerTargetMeansMorePeopleAndProducts() {
    DemoShop small = DemoShop.of(settings(42, 1_000));
    DemoShop large = DemoShop.of(settings(42, 100_000));

    assertThat(large.people()).isGreaterThan(50 * small.people());
    assertThat(large.products().size()).isGreaterThan(5 * small.products().size());
  }

  @Test
  void givenPeopleAndProductsAreUsedAsGiven() {
    DemoShop shop = DemoShop.of(settings(42, 1_000).withCustomers(250).withProducts(60));

    assertThat(shop.people()).isEqualTo(250);
    assertThat(shop.products()).hasSize(60);
    assertThat(shop.summary().people()).isLessThanOrEqualTo(250).isGreaterThan(100);
  }

  @Test
  void aShorterPeriodHasFewerEventsPerPerson() {
    DemoShop month = DemoShop.of(settings(42, 1_000).withCustomers(300)
        .withPeriod(DemoFixtures.NOW.minus(Duration.ofDays(30)), DemoFixtures.NOW));
    DemoShop halfYear = DemoShop.of(settings(42, 1_000).withCustomers(300));

    assertThat(month.summary().events()).isLessThan(halfYear.summary().events() / 2);
    assertThat(month.summary().first()).isAfterOrEqualTo(DemoFixtures.NOW.minus(Duration.ofDays(30)));
  }
}
