package io.shopsense.store.jdbc.offer;

import io.shopsense.store.jdbc.MigratedDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.event.CouponApplied;
import io.shopsense.api.event.EventMeta;
import io.shopsense.api.event.OrderCompleted;
import io.shopsense.api.event.OrderDetails;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.OrderId;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import io.shopsense.api.offer.CouponGrant;
import io.shopsense.api.offer.CouponPool;
import io.shopsense.api.offer.CouponStore;
import io.shopsense.api.offer.GrantRefusal;
import io.shopsense.api.offer.GrantResult;
import io.shopsense.core.campaign.coupon.CouponCodes;
import io.shopsense.core.campaign.coupon.CouponRedeemer;
import io.shopsense.core.campaign.coupon.CouponService;
import io.shopsense.core.campaign.coupon.IdentifierIndex;
import io.shopsense.core.campaign.coupon.RedemptionResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Granting and redeeming coupons through core's service and redeemer over the H2 store. */
class CouponFlowTest {
  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  static final PersonId ANNA = PersonId.of("anna");
  static final PersonId ANNA_AGAIN = PersonId.of("anna-second-account");
  static final PersonId BEN = PersonId.of("ben");

  @TempDir
  Path dir;
  MigratedDatabase db;
  CouponStore store;
  IdentifierIndex identifiers = new IdentifierIndex();
  CouponService service;
  CouponRedeemer redeemer;

  @BeforeEach
  void open() {
    db = MigratedDatabase.h2(dir.resolve("db"));
    store = new JdbcOffers(db.dataSource()).couponStore();
    service = new CouponService(store, identifiers, new CouponCodes(new Random(5), "", 10),
        Clock.fixed(T0, ZoneOffset.UTC));
    redeemer = new CouponRedeemer(store);
    // ten off orders of at least 50, until tomorrow
    service.savePool(new CouponPool("winback", CouponPool.CodeKind.UNIQUE, null, CouponPool.ValueKind.AMOUNT,
        BigDecimal.TEN, null, new BigDecimal("50"), T0.plusSeconds(86_400), 100L, null, 1));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static EventMeta meta(String messageId, Instant at) {
    return new EventMeta(MessageId.of(messageId), null, UserId.of("u"), at, null, null, at, SourceId.of("test"),
        null);
  }

  static OrderCompleted order(String orderId, String coupon, String subtotal, Instant at) {
    return new OrderCompleted(meta("m-" + orderId + at, at), new OrderDetails(OrderId.of(orderId), null, null, null,
        new BigDecimal(subtotal), null, null, null, null, coupon, "EUR", List.of()), Properties.EMPTY);
  }

  CouponGrant granted(PersonId person, String key) {
    GrantResult r = service.grant("winback", person, key);
    assertThat(r).isInstanceOf(GrantResult.Granted.class);
    return ((GrantResult.Granted) r).grant();
  }

  @Test
  void refusesAPersonSharingAnIdentifierWithAHolder() {
    identifiers.register(ANNA, "email", "anna@example.com");
    identifiers.register(ANNA_AGAIN, "email", "Anna@Example.com");
    granted(ANNA, "k-anna");

    GrantResult second = service.grant("winback", ANNA_AGAIN, "k-anna-again");

    assertThat(second).isInstanceOf(GrantResult.Refused.class);
    assertThat(((GrantResult.Refused) second).reason()).isEqualTo(GrantRefusal.SHARED_IDENTITY);
    assertThat(((GrantResult.Refused) second).detail()).contains("shares a email with anna");
    assertThat(store.usage("winback").granted()).isEqualTo(1);
    assertThat(service.grant("winback", BEN, "k-ben")).isInstanceOf(GrantResult.Granted.class);
  }

  @Test
  void refusesAnExpiredPoolButRepeatsAnEarlierGrant() {
    CouponGrant first = granted(ANNA, "k-1");
    CouponService later = new CouponService(store, identifiers, new CouponCodes(new Random(5), "", 10),
        Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC));

    GrantResult refused = later.grant("winback", BEN, "k-2");

    assertThat(((GrantResult.Refused) refused).reason()).isEqualTo(GrantRefusal.POOL_EXPIRED);
    assertThat(later.grant("winback", ANNA, "k-1")).isEqualTo(new GrantResult.Granted(first, false));
    assertThatThrownBy(() -> service.grant("winback", BEN, "k-1")).hasMessageContaining("another person");
  }

  @Test
  void anOrderRedeemsTheCouponOnceAboveTheMinimumSpend() {
    String code = granted(ANNA, "k").code();

    RedemptionResult below = redeemer.onOrderCompleted(order("o-1", code, "49.99", T0.plusSeconds(60)), ANNA);
    RedemptionResult ok = redeemer.onOrderCompleted(order("o-2", code.toLowerCase(), "80", T0.plusSeconds(90)), ANNA);
    RedemptionResult replay = redeemer.onOrderCompleted(order("o-2", code, "80", T0.plusSeconds(95)), ANNA);
    RedemptionResult reuse = redeemer.onOrderCompleted(order("o-3", code, "80", T0.plusSeconds(99)), ANNA);

    assertThat(reason(below)).isEqualTo(RedemptionResult.Reason.BELOW_MINIMUM_SPEND);
    assertThat(((RedemptionResult.Rejected) below).detail()).contains("49.99", "50");
    assertThat(ok).isInstanceOf(RedemptionResult.Accepted.class);
    assertThat(((RedemptionResult.Accepted) ok).discount()).isEqualByComparingTo("10");
    assertThat(((RedemptionResult.Accepted) ok).fresh()).isTrue();
    assertThat(((RedemptionResult.Accepted) replay).fresh()).isFalse();
    assertThat(reason(reuse)).isEqualTo(RedemptionResult.Reason.ALREADY_REDEEMED);
    assertThat(store.grant("winback", "k").orElseThrow().orderId()).isEqualTo("o-2");
  }

  @Test
  void rejectsForeignUnknownAndExpiredCodes() {
    String annas = granted(ANNA, "k").code();

    assertThat(reason(redeemer.onOrderCompleted(order("o-1", annas, "80", T0), BEN)))
        .isEqualTo(RedemptionResult.Reason.FOREIGN_CODE);
    assertThat(reason(redeemer.onOrderCompleted(order("o-1", "NOSUCHCODE", "80", T0), BEN)))
        .isEqualTo(RedemptionResult.Reason.UNKNOWN_CODE);
    assertThat(reason(redeemer.onOrderCompleted(order("o-1", annas, "80", T0.plusSeconds(86_400)), ANNA)))
        .isEqualTo(RedemptionResult.Reason.EXPIRED);
    assertThat(redeemer.onOrderCompleted(order("o-1", null, "80", T0), ANNA))
        .isInstanceOf(RedemptionResult.NoCoupon.class);
    assertThat(store.grant("winback", "k").orElseThrow().redeemed()).isFalse();
  }

  @Test
  void couponAppliedChecksTheCodeWithoutSpendingIt() {
    String code = granted(ANNA, "k").code();
    CouponApplied applied = new CouponApplied(meta("m-a", T0.plusSeconds(10)), "o-9", "cart-1", code, null, null,
        Properties.EMPTY);
    CouponApplied foreign = new CouponApplied(meta("m-b", T0.plusSeconds(10)), "o-9", "cart-1", code, null, null,
        Properties.EMPTY);

    assertThat(redeemer.onCouponApplied(applied, ANNA)).isInstanceOf(RedemptionResult.Accepted.class);
    assertThat(reason(redeemer.onCouponApplied(foreign, BEN))).isEqualTo(RedemptionResult.Reason.FOREIGN_CODE);
    assertThat(store.grant("winback", "k").orElseThrow().redeemed()).isFalse();
  }

  @Test
  void aPercentageIsCappedByTheMaximumDiscount() {
    service.savePool(new CouponPool("pct", CouponPool.CodeKind.FIXED, "TWENTY", CouponPool.ValueKind.PERCENT,
        new BigDecimal("20"), new BigDecimal("15"), null, T0.plusSeconds(3600), null, new BigDecimal("30"), 1));
    service.grant("pct", ANNA, "a");
    service.grant("pct", BEN, "b");

    RedemptionResult small = redeemer.onOrderCompleted(order("o-1", "twenty", "40", T0), ANNA);
    RedemptionResult large = redeemer.onOrderCompleted(order("o-2", "TWENTY", "200", T0), BEN);

    assertThat(((RedemptionResult.Accepted) small).discount()).isEqualByComparingTo("8");
    assertThat(((RedemptionResult.Accepted) large).discount()).isEqualByComparingTo("15");
    // the money budget of 30 holds two grants at their maximum of 15
    assertThat(reason(toRedemption(service.grant("pct", PersonId.of("carl"), "c")))).isNull();
  }

  private static RedemptionResult toRedemption(GrantResult r) {
    assertThat(r).isInstanceOf(GrantResult.Refused.class);
    assertThat(((GrantResult.Refused) r).reason()).isEqualTo(GrantRefusal.BUDGET_EXHAUSTED);
    return new RedemptionResult.NoCoupon();
  }

  private static RedemptionResult.Reason reason(RedemptionResult r) {
    return r instanceof RedemptionResult.Rejected rejected ? rejected.reason() : null;
  }
}
