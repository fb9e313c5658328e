package io.shopsense.store.jdbc.offer;

import io.shopsense.store.jdbc.MigratedDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.offer.Allocation;
import io.shopsense.api.offer.CouponPool;
import io.shopsense.api.offer.CouponStore;
import io.shopsense.api.offer.Offer;
import io.shopsense.api.offer.OfferStore;
import io.shopsense.api.offer.VariantStats;
import io.shopsense.core.campaign.coupon.CouponCodes;
import io.shopsense.core.campaign.coupon.CouponService;
import io.shopsense.core.campaign.coupon.IdentifierIndex;
import io.shopsense.core.campaign.coupon.OfferAllocator;
import io.shopsense.core.campaign.coupon.ThompsonSampler;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Thompson-sampling allocator over the H2 stores: the log, the budget, and learning from conversions. */
class OfferAllocatorTest {
  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir
  Path dir;
  MigratedDatabase db;
  CouponStore coupons;
  OfferStore offers;
  CouponService service;
  OfferAllocator allocator;

  @BeforeEach
  void open() {
    db = MigratedDatabase.h2(dir.resolve("db"));
    coupons = new JdbcOffers(db.dataSource()).couponStore();
    offers = new JdbcOffers(db.dataSource()).offerStore();
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    service = new CouponService(coupons, new IdentifierIndex(), new CouponCodes(new Random(1), "", 10), clock);
    allocator = new OfferAllocator(offers, coupons,
        new ThompsonSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(11L)), clock);
    service.savePool(pool("pool-5", BigDecimal.valueOf(5), null));
    service.savePool(pool("pool-10", BigDecimal.TEN, 3L));
    offers.saveOffer(new Offer("winback", List.of(new Offer.Variant("five", "pool-5"),
        new Offer.Variant("ten", "pool-10"))));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static CouponPool pool(String id, BigDecimal value, Long budget) {
    return new CouponPool(id, CouponPool.CodeKind.UNIQUE, null, CouponPool.ValueKind.AMOUNT, value, null, null,
        T0.plusSeconds(86_400), budget, null, 1);
  }

  @Test
  void logsEachAllocationWithTheSampledValuesAndKeepsAPersonsVariant() {
    Allocation first = allocator.allocate("winback", PersonId.of("anna")).orElseThrow();

    assertThat(first.sampled()).containsOnlyKeys("five", "ten");
    assertThat(first.sampled().get(first.variantId())).isEqualTo(
        first.sampled().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    assertThat(first.at()).isEqualTo(T0);
    assertThat(allocator.allocate("winback", PersonId.of("anna"))).contains(first);
    assertThat(offers.allocations("winback", 0, 10)).containsExactly(first);
  }

  @Test
  void skipsAVariantWhoseBudgetIsSpent() {
    for (int i = 0; i < 3; i++) {
      service.grant("pool-10", PersonId.of("early-" + i), "k" + i); // spends pool-10's budget of 3
    }

    for (int i = 0; i < 30; i++) {
      Allocation a = allocator.allocate("winback", PersonId.of("p" + i)).orElseThrow();
      assertThat(a.variantId()).isEqualTo("five");
      assertThat(a.sampled()).containsOnlyKeys("five");
    }
  }

  @Test
  void allocatesNothingWhenEveryBudgetIsSpent() {
    service.savePool(pool("pool-5", BigDecimal.valueOf(5), 0L));
    service.savePool(pool("pool-10", BigDecimal.TEN, 0L));

    assertThat(allocator.allocate("winback", PersonId.of("anna"))).isEqualTo(Optional.empty());
  }

  @Test
  void learnsFromConversionsRecordedInTheStore() {
    service.savePool(pool("pool-10", BigDecimal.TEN, null));
    SplittableRandom people = new SplittableRandom(3);
    int lastToTen = 0;
    for (int i = 0; i < 1_500; i++) {
      PersonId p = PersonId.of("p" + i);
      Allocation a = allocator.allocate("winback", p).orElseThrow();
      double rate = a.variantId().equals("ten") ? 0.30 : 0.10;
      if (people.nextDouble() < rate) {
        assertThat(allocator.converted("winback", p)).isTrue();
      }
      if (i >= 1_300 && a.variantId().equals("ten")) {
        lastToTen++;
      }
    }
    List<VariantStats> stats = offers.stats("winback");
    assertThat(stats.get(0).exposures() + stats.get(1).exposures()).isEqualTo(1_500);
    assertThat(lastToTen).isGreaterThan(150);
  }
}
