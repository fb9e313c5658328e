package io.shopsense.store.contract.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.offer.Allocation;
import io.shopsense.api.offer.Offer;
import io.shopsense.api.offer.OfferStore;
import io.shopsense.api.offer.VariantStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OfferStore}. {@link #open()} gives the port over empty storage for this test; {@link
 * #close()} closes it. Decided here: sampled values read back exactly; log numbers increase.
 */
public abstract class OfferStoreContract {
  protected static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  protected static final PersonId ANNA = PersonId.of("person-anna");
  protected static final PersonId BEN = PersonId.of("person-ben");
  protected static final Offer OFFER = new Offer("winback", List.of(new Offer.Variant("five", "pool-5"),
      new Offer.Variant("ten", "pool-10")));

  protected OfferStore store;

  protected abstract OfferStore open() throws Exception;

  protected abstract void close() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() throws Exception {
    close();
  }

  private static Allocation allocation(PersonId p, String variant, double five, double ten, long second) {
    return new Allocation(0, "winback", p, variant, Map.of("five", five, "ten", ten), T0.plusSeconds(second));
  }

  @Test
  void savesAnOfferAndStartsItsCountersAtZero() {
    store.saveOffer(OFFER);

    assertThat(store.offer("winback")).contains(OFFER);
    assertThat(store.offer("absent")).isEmpty();
    assertThat(store.stats("winback")).containsExactly(new VariantStats("five", 0, 0), new VariantStats("ten", 0, 0));
  }

  @Test
  void logsAnAllocationWithItsSampledValuesAndCountsTheExposure() {
    store.saveOffer(OFFER);

    Allocation stored = store.allocate(allocation(ANNA, "ten", 0.12345678901234567, 0.9, 1));

    assertThat(stored.seq()).isPositive();
    assertThat(stored.sampled()).containsEntry("five", 0.12345678901234567).containsEntry("ten", 0.9);
    assertThat(store.allocation("winback", ANNA)).contains(stored);
    assertThat(store.allocations("winback", 0, 10)).containsExactly(stored);
    assertThat(store.stats("winback")).containsExactly(new VariantStats("five", 0, 0), new VariantStats("ten", 1, 0));
  }

  @Test
  void aPersonKeepsTheFirstAllocation() {
    store.saveOffer(OFFER);
    Allocation first = store.allocate(allocation(ANNA, "ten", 0.1, 0.9, 1));

    Allocation second = store.allocate(allocation(ANNA, "five", 0.9, 0.1, 2));

    assertThat(second).isEqualTo(first);
    assertThat(store.stats("winback")).containsExactly(new VariantStats("five", 0, 0), new VariantStats("ten", 1, 0));
  }

  @Test
  void countsAConversionOncePerPerson() {
    store.saveOffer(OFFER);
    store.allocate(allocation(ANNA, "five", 0.9, 0.1, 1));
    store.allocate(allocation(BEN, "ten", 0.1, 0.9, 2));

    assertThat(store.convert("winback", ANNA, T0.plusSeconds(9))).isTrue();
    assertThat(store.convert("winback", ANNA, T0.plusSeconds(10))).isFalse();
    assertThat(store.convert("winback", PersonId.of("stranger"), T0)).isFalse();

    assertThat(store.stats("winback")).containsExactly(new VariantStats("five", 1, 1), new VariantStats("ten", 1, 0));
  }

  @Test
  void pagesTheLogInOrder() {
    store.saveOffer(OFFER);
    for (int i = 0; i < 5; i++) {
      store.allocate(allocation(PersonId.of("p" + i), "five", 0.5, 0.4, i));
    }
    List<Allocation> firstTwo = store.allocations("winback", 0, 2);
    List<Allocation> rest = store.allocations("winback", firstTwo.get(1).seq(), 10);

    assertThat(firstTwo).extracting(a -> a.person().value()).containsExactly("p0", "p1");
    assertThat(rest).extracting(a -> a.person().value()).containsExactly("p2", "p3", "p4");
    assertThatThrownBy(() -> store.allocations("winback", 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsCountersOfVariantsAcrossAnEdit() {
    store.saveOffer(OFFER);
    store.allocate(allocation(ANNA, "ten", 0.1, 0.9, 1));

    store.saveOffer(new Offer("winback", List.of(new Offer.Variant("ten", "pool-10"),
        new Offer.Variant("twenty", "pool-20"))));

    assertThat(store.stats("winback")).containsExactly(new VariantStats("ten", 1, 0),
        new VariantStats("twenty", 0, 0));
  }

  @Test
  void erasesThePersonsAllocationsButKeepsTheVariantCounters() {
    store.saveOffer(OFFER);
    Offer other = new Offer("welcome", List.of(new Offer.Variant("five", "pool-5")));
    store.saveOffer(other);
    store.allocate(allocation(ANNA, "five", 0.9, 0.1, 1));
    store.convert("winback", ANNA, T0.plusSeconds(5));
    store.allocate(new Allocation(0, "welcome", ANNA, "five", Map.of("five", 0.5), T0));
    Allocation bens = store.allocate(allocation(BEN, "ten", 0.1, 0.9, 2));

    assertThat(store.erase(ANNA)).as("converted or not, in every offer").isEqualTo(2);

    assertThat(store.allocation("winback", ANNA)).isEmpty();
    assertThat(store.allocation("welcome", ANNA)).isEmpty();
    assertThat(store.allocations("winback", 0, 10)).containsExactly(bens);
    assertThat(store.allocations("welcome", 0, 10)).isEmpty();
    assertThat(store.convert("winback", ANNA, T0.plusSeconds(9))).as("no allocation left to convert").isFalse();
    assertThat(store.stats("winback")).containsExactly(new VariantStats("five", 1, 1), new VariantStats("ten", 1, 0));
    assertThat(store.stats("welcome")).containsExactly(new VariantStats("five", 1, 0));
  }

  @Test
  void erasingIsIdempotent() {
    store.saveOffer(OFFER);
    store.allocate(allocation(ANNA, "five", 0.9, 0.1, 1));

    assertThat(store.erase(ANNA)).isEqualTo(1);
    assertThat(store.erase(ANNA)).isZero();
    assertThat(store.erase(PersonId.of("never-allocated"))).isZero();
    assertThat(store.stats("winback")).containsExactly(new VariantStats("five", 1, 0), new VariantStats("ten", 0, 0));
  }

  @Test
  void oneAllocationPerPersonUnderConcurrency() throws Exception {
    store.saveOffer(OFFER);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Allocation>> futures = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String variant = i % 2 == 0 ? "five" : "ten";
        PersonId p = PersonId.of("p" + (i % 10));
        futures.add(pool.submit(() -> store.allocate(allocation(p, variant, 0.5, 0.5, 1))));
      }
      for (Future<Allocation> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long exposures = store.stats("winback").stream().mapToLong(VariantStats::exposures).sum();
    assertThat(exposures).isEqualTo(10);
    assertThat(store.allocations("winback", 0, 100)).hasSize(10);
  }
}
