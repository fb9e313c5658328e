package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.offer.CouponPool;
import io.shopsense.api.offer.GrantResult;
import io.shopsense.api.offer.Offer;
import io.shopsense.api.offer.VariantStats;
import io.shopsense.platform.campaign.Campaigns;
import io.shopsense.store.contract.delivery.SettableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offers through the platform: the bandit hands each person one variant (the same one when asked again) among those
 * whose pool has budget, with its coupon; a spent budget takes its variant out; an order redeeming a variant's coupon,
 * arriving as an event, counts as that variant's conversion.
 */
class OfferBanditTest {
  @TempDir
  Path dir;

  @Test
  void allocatesWithinTheBudgetsAndCountsTheConversionOfARedeemedCoupon() throws Exception {
    Instant now = Instant.parse("2026-11-20T12:00:00Z");
    SettableClock clock = new SettableClock(now);
    try (Platform p = PlatformFixture.openOnClock(dir, clock, c -> c)) {
      Campaigns campaigns = p.campaigns();
      campaigns.coupons().savePool(pool("five-off", "5", 50L));
      campaigns.coupons().savePool(pool("ten-off", "10", 3L)); // a small budget: spent after three people
      campaigns.stores().offers().saveOffer(new Offer("autumn", List.of(new Offer.Variant("five", "five-off"),
          new Offer.Variant("ten", "ten-off"))));

      PlatformFixture.ingest(p, now, "{'type':'identify','userId':'u-0','traits':{'name':'Ann'}}");
      PlatformFixture.awaitPipeline(p);
      PersonId ann = p.persons().find(new Identifier(IdentifierKind.USER_ID, "u-0")).orElseThrow().id();
      Campaigns.OfferGrant first = campaigns.offerFor("autumn", ann).orElseThrow();
      assertThat(campaigns.offerFor("autumn", ann).orElseThrow().allocation().variantId())
          .as("asked again, the same variant").isEqualTo(first.allocation().variantId());
      for (int i = 1; i < 20; i++) {
        assertThat(campaigns.offerFor("autumn", PersonId.of("p-other-" + i))).isPresent();
      }
      List<VariantStats> stats = campaigns.stores().offers().stats("autumn");
      assertThat(stats.stream().mapToLong(VariantStats::exposures).sum()).isEqualTo(20);
      assertThat(stats).filteredOn(s -> s.variantId().equals("ten")).singleElement()
          .satisfies(s -> assertThat(s.exposures()).as("within its budget of 3").isLessThanOrEqualTo(3));
      assertThat(campaigns.stores().offers().allocations("autumn", 0, 100)).hasSize(20);

      String code = ((GrantResult.Granted) first.grant()).grant().code();
      clock.advance(Duration.ofMinutes(5));
      PlatformFixture.ingest(p, clock.instant(), "{'type':'track','event':'Order Completed','userId':'u-0',"
          + "'timestamp':'" + clock.instant() + "','properties':{'order_id':'o-1','subtotal':80,'revenue':75,"
          + "'coupon':'" + code + "','products':[{'product_id':'coat','quantity':1,'price':80}]}}");
      PlatformFixture.awaitPipeline(p);
      assertThat(campaigns.stores().offers().stats("autumn")).filteredOn(s -> s.variantId().equals(
          first.allocation().variantId())).singleElement().satisfies(s -> assertThat(s.conversions()).isEqualTo(1));
    }
  }

  private static CouponPool pool(String id, String amount, Long budget) {
    return new CouponPool(id, CouponPool.CodeKind.UNIQUE, null, CouponPool.ValueKind.AMOUNT, new BigDecimal(amount),
        null, new BigDecimal("30"), Instant.parse("2027-11-20T00:00:00Z"), budget, null, 1);
  }
}
