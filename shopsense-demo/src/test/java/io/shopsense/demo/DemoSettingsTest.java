package io.shopsense.demo;

import static io.shopsense.demo.DemoFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

  @Test
  void defaultsToTheHundredEightyDaysBeforeNowInDollars() {
    DemoSettings s = DemoSettings.of(7, 10_000, NOW);

    assertThat(s.seed()).isEqualTo(7);
    assertThat(s.targetEvents()).isEqualTo(10_000);
    assertThat(s.end()).isEqualTo(NOW);
    assertThat(s.start()).isEqualTo(NOW.minus(Duration.ofDays(180)));
    assertThat(s.period()).isEqualTo(Duration.ofDays(180));
    assertThat(s.currency()).isEqualTo("USD");
    assertThat(s.customers()).isZero();
    assertThat(s.products()).isZero();
  }

  @Test
  void withersChangeOneSettingAndKeepTheOthers() {
    DemoSettings s = DemoSettings.of(7, 10_000, NOW).withCurrency("EUR").withCustomers(300).withProducts(50)
        .withSeed(8).withTargetEvents(20_000).withPeriod(NOW.minus(Duration.ofDays(30)), NOW);

    assertThat(s).isEqualTo(new DemoSettings(8, 20_000, NOW.minus(Duration.ofDays(30)), NOW, "EUR", 300, 50));
  }

  @Test
  void rejectsATargetOutsideTheSupportedRange() {
    assertThatThrownBy(() -> DemoSettings.of(1, 99, NOW)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("targetEvents");
    assertThatThrownBy(() -> DemoSettings.of(1, DemoSettings.MAX_EVENTS + 1, NOW))
        .hasMessageContaining("targetEvents");
  }

  @Test
  void rejectsAPeriodThatIsEmptyTooShortOrTooLongForLiveIngest() {
    DemoSettings s = DemoSettings.of(1, 1_000, NOW);
    assertThatThrownBy(() -> s.withPeriod(NOW, NOW)).hasMessageContaining("must be before end");
    assertThatThrownBy(() -> s.withPeriod(NOW, NOW.minusSeconds(1))).hasMessageContaining("must be before end");
    assertThatThrownBy(() -> s.withPeriod(NOW.minus(Duration.ofHours(5)), NOW)).hasMessageContaining("shorter");
    assertThatThrownBy(() -> s.withPeriod(NOW.minus(Duration.ofDays(731)), NOW)).hasMessageContaining("730 days");
    assertThat(s.withPeriod(NOW.minus(Duration.ofDays(730)), NOW).period()).isEqualTo(Duration.ofDays(730));
  }

  @Test
  void rejectsACurrencyThatIsNoIsoCode() {
    DemoSettings s = DemoSettings.of(1, 1_000, NOW);
    assertThatThrownBy(() -> s.withCurrency("usd")).hasMessageContaining("currency");
    assertThatThrownBy(() -> s.withCurrency("EURO")).hasMessageContaining("currency");
    assertThatThrownBy(() -> s.withCurrency(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void rejectsImpossibleOverrides() {
    DemoSettings s = DemoSettings.of(1, 1_000, NOW);
    assertThatThrownBy(() -> s.withCustomers(-1)).hasMessageContaining("customers");
    assertThatThrownBy(() -> s.withCustomers(DemoSettings.MAX_CUSTOMERS + 1)).hasMessageContaining("customers");
    assertThatThrownBy(() -> s.withProducts(5)).hasMessageContaining("products");
    assertThatThrownBy(() -> s.withProducts(DemoSettings.MAX_PRODUCTS + 1)).hasMessageContaining("products");
    assertThatThrownBy(() -> DemoSettings.of(1, 1_000, (Instant) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void derivesTheCatalogSizeFromThePeople() {
    assertThat(DemoSettings.productsFor(10)).isEqualTo(40);
    assertThat(DemoSettings.productsFor(2_500)).isEqualTo(500);
    assertThat(DemoSettings.productsFor(250_000)).isEqualTo(5_000);
    assertThat(DemoSettings.productsFor(2_000_000)).isEqualTo(14_142);
  }
}
