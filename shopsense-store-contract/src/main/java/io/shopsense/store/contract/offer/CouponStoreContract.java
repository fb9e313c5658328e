package io.shopsense.store.contract.offer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.offer.CouponGrant;
import io.shopsense.api.offer.CouponPool;
import io.shopsense.api.offer.CouponStore;
import io.shopsense.api.offer.GrantRefusal;
import io.shopsense.api.offer.GrantResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CouponStore}. {@link #open()} gives the port over empty storage for this test;
 * {@link #close()} closes it. Decided here: money reads back equal by {@code compareTo} and without trailing zeros;
 * instants are kept to the microsecond.
 */
public abstract class CouponStoreContract {
  protected static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  protected static final PersonId ANNA = PersonId.of("person-anna");
  protected static final PersonId BEN = PersonId.of("person-ben");

  protected CouponStore store;
  private final AtomicInteger codeCounter = new AtomicInteger();
  /** Sequential unique codes. */
  protected final Supplier<String> codes = () -> "CODE" + codeCounter.incrementAndGet();

  protected abstract CouponStore open() throws Exception;

  protected abstract void close() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() throws Exception {
    close();
  }

  protected static CouponPool unique(String id, Long budgetCount, BigDecimal budgetMoney, int perPerson) {
    return new CouponPool(id, CouponPool.CodeKind.UNIQUE, null, CouponPool.ValueKind.AMOUNT, new BigDecimal("5"),
        null, new BigDecimal("20"), T0.plusSeconds(86_400), budgetCount, budgetMoney, perPerson);
  }

  @Test
  void savesAPoolAndReadsItBack() {
    CouponPool pool = new CouponPool("spring", CouponPool.CodeKind.FIXED, "SPRING10", CouponPool.ValueKind.PERCENT,
        new BigDecimal("10"), new BigDecimal("15.50"), new BigDecimal("30"), T0.plusSeconds(3600), 100L,
        new BigDecimal("1000"), 2);
    store.savePool(pool);

    CouponPool read = store.pool("spring").orElseThrow();
    assertThat(read.codes()).isEqualTo(CouponPool.CodeKind.FIXED);
    assertThat(read.fixedCode()).isEqualTo("SPRING10");
    assertThat(read.value()).isEqualByComparingTo("10");
    assertThat(read.maxDiscount()).isEqualByComparingTo("15.5");
    assertThat(read.minimumSpend()).isEqualByComparingTo("30");
    assertThat(read.expiresAt()).isEqualTo(T0.plusSeconds(3600));
    assertThat(read.budgetCount()).isEqualTo(100L);
    assertThat(read.budgetMoney()).isEqualByComparingTo("1000");
    assertThat(read.perPersonLimit()).isEqualTo(2);
    assertThat(store.pool("absent")).isEmpty();
    assertThat(store.usage("spring").granted()).isZero();
  }

  @Test
  void grantsAUniqueCodeAndIsIdempotentByKey() {
    store.savePool(unique("welcome", 10L, null, 1));

    GrantResult first = store.grant("welcome", ANNA, "k-1", codes, T0);
    GrantResult again = store.grant("welcome", ANNA, "k-1", codes, T0.plusSeconds(5));

    assertThat(first).isInstanceOf(GrantResult.Granted.class);
    CouponGrant g = ((GrantResult.Granted) first).grant();
    assertThat(((GrantResult.Granted) first).fresh()).isTrue();
    assertThat(g.code()).isEqualTo("CODE1");
    assertThat(g.person()).isEqualTo(ANNA);
    assertThat(g.grantedAt()).isEqualTo(T0);
    assertThat(again).isEqualTo(new GrantResult.Granted(g, false));
    assertThat(store.usage("welcome").granted()).isEqualTo(1);
    assertThat(store.grant("welcome", "k-1")).contains(g);
    assertThat(store.grantsByCode("CODE1", ANNA)).containsExactly(g);
    assertThat(store.grantsByCode("CODE1", BEN)).isEmpty();
    assertThat(store.codeExists("CODE1")).isTrue();
    assertThat(store.codeExists("CODE2")).isFalse();
  }

  @Test
  void refusesAnUnknownPool() {
    GrantResult r = store.grant("absent", ANNA, "k", codes, T0);
    assertThat(r).isInstanceOf(GrantResult.Refused.class);
    assertThat(((GrantResult.Refused) r).reason()).isEqualTo(GrantRefusal.UNKNOWN_POOL);
  }

  @Test
  void stopsAtTheCountBudget() {
    store.savePool(unique("two", 2L, null, 5));
    assertThat(store.grant("two", ANNA, "a", codes, T0)).isInstanceOf(GrantResult.Granted.class);
    assertThat(store.grant("two", BEN, "b", codes, T0)).isInstanceOf(GrantResult.Granted.class);

    GrantResult third = store.grant("two", PersonId.of("carl"), "c", codes, T0);

    assertThat(((GrantResult.Refused) third).reason()).isEqualTo(GrantRefusal.BUDGET_EXHAUSTED);
    assertThat(store.usage("two").granted()).isEqualTo(2);
    assertThat(store.grant("two", "c")).isEmpty();
  }

  @Test
  void stopsAtTheMoneyBudget() {
    store.savePool(unique("money", null, new BigDecimal("12"), 5)); // 5 per grant: two fit, a third would be 15

    store.grant("money", ANNA, "a", codes, T0);
    store.grant("money", BEN, "b", codes, T0);
    GrantResult third = store.grant("money", PersonId.of("carl"), "c", codes, T0);

    assertThat(((GrantResult.Refused) third).reason()).isEqualTo(GrantRefusal.BUDGET_EXHAUSTED);
    assertThat(store.usage("money").grantedMoney()).isEqualByComparingTo("10");
  }

  @Test
  void stopsAtThePerPersonLimitWithoutSpendingBudget() {
    store.savePool(unique("limit", 10L, null, 2));
    store.grant("limit", ANNA, "a1", codes, T0);
    store.grant("limit", ANNA, "a2", codes, T0);

    GrantResult third = store.grant("limit", ANNA, "a3", codes, T0);

    assertThat(((GrantResult.Refused) third).reason()).isEqualTo(GrantRefusal.PER_PERSON_LIMIT);
    assertThat(store.usage("limit").granted()).isEqualTo(2);
    assertThat(store.grantCount("limit", List.of(ANNA, BEN))).isEqualTo(2);
    assertThat(store.grant("limit", BEN, "b1", codes, T0)).isInstanceOf(GrantResult.Granted.class);
  }

  @Test
  void drawsAnotherCodeWhenOneIsTaken() {
    store.savePool(unique("p1", null, null, 1));
    store.savePool(unique("p2", null, null, 1));
    store.grant("p1", ANNA, "k", () -> "SAME", T0);
    List<String> offered = new ArrayList<>(List.of("SAME", "OTHER"));

    GrantResult r = store.grant("p2", BEN, "k", () -> offered.remove(0), T0);

    assertThat(((GrantResult.Granted) r).grant().code()).isEqualTo("OTHER");
    assertThat(store.usage("p2").granted()).isEqualTo(1);
  }

  @Test
  void aFixedPoolGivesEveryoneItsCode() {
    store.savePool(new CouponPool("fixed", CouponPool.CodeKind.FIXED, "SUMMER", CouponPool.ValueKind.AMOUNT,
        BigDecimal.TEN, null, null, T0.plusSeconds(60), null, null, 1));

    store.grant("fixed", ANNA, "a", codes, T0);
    store.grant("fixed", BEN, "b", codes, T0);

    assertThat(store.grantsByCode("SUMMER", ANNA)).extracting(CouponGrant::key).containsExactly("a");
    assertThat(store.grantsByCode("SUMMER", BEN)).extracting(CouponGrant::key).containsExactly("b");
  }

  @Test
  void redeemsOnce() {
    store.savePool(unique("r", null, null, 1));
    store.grant("r", ANNA, "k", codes, T0);

    assertThat(store.redeem("r", "k", "order-1", new BigDecimal("5.00"), T0.plusSeconds(10))).isTrue();
    assertThat(store.redeem("r", "k", "order-2", new BigDecimal("5"), T0.plusSeconds(20))).isFalse();

    CouponGrant g = store.grant("r", "k").orElseThrow();
    assertThat(g.redeemedAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(g.orderId()).isEqualTo("order-1");
    assertThat(g.discount()).isEqualByComparingTo("5");
  }

  @Test
  void erasesThePersonsGrantsButWhatWasSpentStaysSpent() {
    store.savePool(unique("three", 3L, new BigDecimal("100"), 1));
    store.savePool(new CouponPool("fixed", CouponPool.CodeKind.FIXED, "SUMMER", CouponPool.ValueKind.AMOUNT,
        BigDecimal.TEN, null, null, T0.plusSeconds(60), null, null, 1));
    store.grant("three", ANNA, "a", codes, T0);
    store.grant("fixed", ANNA, "a", codes, T0);
    store.redeem("three", "a", "order-1", new BigDecimal("5"), T0.plusSeconds(10));
    store.grant("three", BEN, "b", codes, T0);
    CouponGrant bens = store.grant("three", "b").orElseThrow();

    assertThat(store.erase(ANNA)).as("redeemed or not, in every pool").isEqualTo(2);

    assertThat(store.grant("three", "a")).isEmpty();
    assertThat(store.grant("fixed", "a")).isEmpty();
    assertThat(store.grantsByCode("SUMMER", ANNA)).isEmpty();
    assertThat(store.grantCount("three", List.of(ANNA))).isZero();
    assertThat(store.grant("three", "b")).contains(bens);
    assertThat(store.usage("three").granted()).isEqualTo(2);
    assertThat(store.usage("three").grantedMoney()).isEqualByComparingTo("10");
    assertThat(store.usage("fixed").granted()).isEqualTo(1);
    // one of the three left: an erasure refunds nothing
    assertThat(store.grant("three", PersonId.of("carl"), "c", codes, T0)).isInstanceOf(GrantResult.Granted.class);
    GrantResult fourth = store.grant("three", PersonId.of("dan"), "d", codes, T0);
    assertThat(((GrantResult.Refused) fourth).reason()).isEqualTo(GrantRefusal.BUDGET_EXHAUSTED);
    assertThat(store.usage("three").granted()).isEqualTo(3);
  }

  @Test
  void theErasedPersonIdStartsAfresh() {
    store.savePool(unique("once", null, null, 1));
    store.grant("once", ANNA, "a", codes, T0);

    store.erase(ANNA);

    GrantResult again = store.grant("once", ANNA, "a", codes, T0.plusSeconds(5));
    assertThat(again).isInstanceOf(GrantResult.Granted.class);
    assertThat(((GrantResult.Granted) again).fresh()).isTrue();
    assertThat(store.usage("once").granted()).isEqualTo(2);
  }

  @Test
  void neverHandsOutAnErasedUniqueCodeAgain() {
    store.savePool(unique("p1", null, null, 1));
    store.savePool(unique("p2", null, null, 1));
    store.grant("p1", ANNA, "k", () -> "GONE", T0);
    store.erase(ANNA);
    List<String> offered = new ArrayList<>(List.of("GONE", "NEW"));

    GrantResult r = store.grant("p2", BEN, "k", () -> offered.remove(0), T0);

    assertThat(((GrantResult.Granted) r).grant().code()).isEqualTo("NEW");
    List<String> again = new ArrayList<>(List.of("GONE", "NEWER"));
    GrantResult own = store.grant("p1", PersonId.of("carl"), "c", () -> again.remove(0), T0);
    assertThat(((GrantResult.Granted) own).grant().code()).as("nor in its own pool").isEqualTo("NEWER");
    assertThat(store.grantsByCode("GONE", ANNA)).isEmpty();
    assertThat(store.codeExists("GONE")).as("an order presenting it is told it is not theirs").isTrue();
  }

  @Test
  void erasingIsIdempotent() {
    store.savePool(unique("p", null, null, 2));
    store.grant("p", ANNA, "a1", codes, T0);
    store.grant("p", ANNA, "a2", codes, T0);

    assertThat(store.erase(ANNA)).isEqualTo(2);
    assertThat(store.erase(ANNA)).isZero();
    assertThat(store.erase(PersonId.of("never-granted"))).isZero();
    assertThat(store.usage("p").granted()).isEqualTo(2);
  }

  @Test
  void neverOverGrantsUnderConcurrency() throws Exception {
    store.savePool(unique("rush", 50L, null, 1));
    List<Callable<GrantResult>> tasks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      PersonId p = PersonId.of("p" + i);
      String key = "k" + i;
      tasks.add(() -> store.grant("rush", p, key, codes, T0));
    }

    List<GrantResult> results = runTogether(tasks, 8);

    assertThat(results.stream().filter(r -> r instanceof GrantResult.Granted).count()).isEqualTo(50);
    assertThat(results).filteredOn(r -> r instanceof GrantResult.Refused)
        .allMatch(r -> ((GrantResult.Refused) r).reason() == GrantRefusal.BUDGET_EXHAUSTED);
    assertThat(store.usage("rush").granted()).isEqualTo(50);
  }

  @Test
  void keepsThePerPersonLimitAndTheKeyUnderConcurrency() throws Exception {
    store.savePool(unique("mine", null, null, 2));
    List<Callable<GrantResult>> tasks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String key = "k" + (i % 4); // ten attempts for each of four keys
      tasks.add(() -> store.grant("mine", ANNA, key, codes, T0));
    }

    List<GrantResult> results = runTogether(tasks, 8);

    assertThat(results.stream().filter(r -> r instanceof GrantResult.Granted g && g.fresh()).count()).isEqualTo(2);
    assertThat(store.grantCount("mine", List.of(ANNA))).isEqualTo(2);
    assertThat(store.usage("mine").granted()).isEqualTo(2);
  }

  private static <T> List<T> runTogether(List<Callable<T>> tasks, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> t : tasks) {
        futures.add(pool.submit(() -> {
          start.await();
          return t.call();
        }));
      }
      start.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
