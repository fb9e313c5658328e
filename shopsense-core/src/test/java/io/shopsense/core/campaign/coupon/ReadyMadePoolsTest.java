package io.shopsense.core.campaign.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.offer.CouponPool;
import io.shopsense.core.campaign.journey.JourneyParser;
import io.shopsense.core.campaign.journey.ReadyMadeJourneys;
import io.shopsense.core.campaign.journey.Step;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReadyMadePoolsTest {
  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  final Map<String, CouponPool> pools = ReadyMadePools.all(T0).stream()
      .collect(Collectors.toMap(CouponPool::id, Function.identity()));

  @Test
  void everyPoolAReadyMadeJourneyGrantsFromExists() {
    JourneyParser parser = new JourneyParser();
    List<String> used = ReadyMadeJourneys.texts().values().stream()
        .flatMap(text -> parser.parse(text, JourneyParser.Format.YAML).steps().values().stream())
        .filter(Step.GrantCoupon.class::isInstance).map(s -> ((Step.GrantCoupon) s).poolId()).toList();

    assertThat(used).isNotEmpty();
    assertThat(pools.keySet()).isEqualTo(new HashSet<>(used));
  }

  @Test
  void poolsGiveUniqueCodesOncePerPersonUnderACountBudgetForAYear() {
    assertThat(pools).hasSize(3);
    for (CouponPool p : pools.values()) {
      assertThat(p.codes()).as(p.id()).isEqualTo(CouponPool.CodeKind.UNIQUE);
      assertThat(p.perPersonLimit()).as(p.id()).isEqualTo(1);
      assertThat(p.budgetCount()).as(p.id()).isPositive();
      assertThat(p.expiresAt()).as(p.id()).isEqualTo(Instant.parse("2027-11-20T10:00:00Z"));
    }
  }

  @Test
  void discountsAreTheAdvertisedOnes() {
    // the templates promise these figures: 10% up to 20 off, 5 off, 15% up to 30 off
    assertThat(pools.get("first-order").discountOn(new BigDecimal("50"))).isEqualByComparingTo("5");
    assertThat(pools.get("first-order").discountOn(new BigDecimal("500"))).isEqualByComparingTo("20");
    assertThat(pools.get("first-order").minimumSpend()).isEqualByComparingTo("30");
    assertThat(pools.get("cart-recovery").discountOn(new BigDecimal("60"))).isEqualByComparingTo("5");
    assertThat(pools.get("cart-recovery").minimumSpend()).isEqualByComparingTo("40");
    assertThat(pools.get("win-back").discountOn(new BigDecimal("100"))).isEqualByComparingTo("15");
    assertThat(pools.get("win-back").discountOn(new BigDecimal("1000"))).isEqualByComparingTo("30");
  }
}
