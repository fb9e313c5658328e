package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.Slice;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.api.profile.ProfileQuery;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.RfmCell;
import io.shopsense.api.profile.StoredProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ProfileStore}. {@link #open()} gives the port over the backend's storage for this test (empty
 * at the first call of a test, the same storage at later calls); {@link #close()} closes what it opened and may be
 * called twice; {@link #reopen()} is a restart.
 *
 * <p>Decided here, where the port leaves it open: states come back byte for byte; instants to the microsecond (later
 * digits are dropped); the net revenue equal by value (a backend may change its scale, {@code 19.90} to
 * {@code 19.9}) and exact to at least four decimals; of two profiles of one person in one {@code putAll} the later
 * wins; {@code putFacts} for a person without a profile does nothing. Persons are ordered by id in Java
 * {@link String} order (binary for ASCII); a list's cursor is the last person id of its page, present only when
 * another page follows, and any id is a valid cursor (the page starts after it). {@code countByStage} leaves out
 * stages without profiles, {@code rfmGrid} cells without profiles and profiles missing a score.
 */
public abstract class ProfileStoreContract {
  protected static final Instant T0 = Envelopes.T0;
  protected static final PersonId ANNA = PersonId.of("person-anna");
  protected static final PersonId BEN = PersonId.of("person-ben");
  private static final RecursiveComparisonConfiguration BY_VALUE = RecursiveComparisonConfiguration.builder()
      .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build();

  protected ProfileStore store;

  protected abstract ProfileStore open() throws Exception;

  protected abstract void close() throws Exception;

  protected ProfileStore reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() throws Exception {
    close();
  }

  protected static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** Facts of a person with orders: every field set. */
  protected static ProfileFacts facts(String stage, RfmCell cell, String rfmSegment) {
    return new ProfileFacts(stage, at(100), cell == null ? null : cell.recency(),
        cell == null ? null : cell.frequency(), cell == null ? null : cell.monetary(), rfmSegment, 42, 3,
        new BigDecimal("1234.5678"), at(0), at(500), at(400), 36.5);
  }

  /** Facts of a person without orders: every optional field null. */
  protected static ProfileFacts noOrders(String stage) {
    return new ProfileFacts(stage, at(10), null, null, null, null, 7, 0, BigDecimal.ZERO, at(0), at(10), null, null);
  }

  protected static byte[] bytes(long seed, int length) {
    byte[] b = new byte[length];
    new Random(seed).nextBytes(b);
    return b;
  }

  protected static StoredProfile profile(PersonId person, byte[] state, ProfileFacts facts) {
    return new StoredProfile(person, state, facts, at(600));
  }

  protected static StoredProfile profile(String person, String stage, RfmCell cell, String rfmSegment) {
    return profile(PersonId.of(person), bytes(person.hashCode(), 16), facts(stage, cell, rfmSegment));
  }

  protected static void assertSameProfile(StoredProfile actual, StoredProfile expected) {
    assertThat(actual.person()).isEqualTo(expected.person());
    assertThat(actual.state()).containsExactly(expected.state());
    assertSameFacts(actual.facts(), expected.facts());
    assertThat(actual.updatedAt()).isEqualTo(expected.updatedAt());
  }

  protected static void assertSameFacts(ProfileFacts actual, ProfileFacts expected) {
    assertThat(actual).usingRecursiveComparison(BY_VALUE).isEqualTo(expected);
  }

  private static List<String> ids(List<StoredProfile> profiles) {
    return profiles.stream().map(p -> p.person().value()).toList();
  }

  @Test
  void anEmptyStoreHasNoProfiles() {
    assertThat(store.get(ANNA)).isEmpty();
    assertThat(store.getAll(List.of(ANNA, BEN))).isEmpty();
    assertThat(store.getAll(List.of())).isEmpty();
    assertThat(store.count()).isZero();
    assertThat(store.countByStage()).isEmpty();
    assertThat(store.rfmGrid()).isEmpty();
    assertThat(store.list(ProfileQuery.all(null, 10))).isEqualTo(new Slice<>(List.of(), null));
    List<Object> seen = new ArrayList<>();
    store.scan(seen::add);
    store.scanFacts((p, f) -> seen.add(p));
    assertThat(seen).isEmpty();
    assertThat(store.setting("rfm_model")).isEmpty();
  }

  @Test
  void keepsEveryFieldOfAProfile() {
    StoredProfile anna = profile(ANNA, bytes(1, 300), facts("active", new RfmCell(5, 4, 3), "champions"));
    StoredProfile ben = profile(BEN, bytes(2, 20), noOrders("potential"));

    store.putAll(List.of(anna, ben));

    assertSameProfile(store.get(ANNA).orElseThrow(), anna);
    assertSameProfile(store.get(BEN).orElseThrow(), ben);
    assertThat(store.count()).isEqualTo(2);
  }

  @Test
  void keepsStateBytesExactly() {
    byte[] everyByte = new byte[512];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] zeros = new byte[100];
    byte[] large = bytes(7, 256 * 1024);
    List<StoredProfile> in = List.of(profile(PersonId.of("p-every"), everyByte, noOrders("new")),
        profile(PersonId.of("p-zeros"), zeros, noOrders("new")),
        profile(PersonId.of("p-empty"), new byte[0], noOrders("new")),
        profile(PersonId.of("p-large"), large, noOrders("new")));

    store.putAll(in);

    for (StoredProfile p : in) {
      assertThat(store.get(p.person()).orElseThrow().state()).containsExactly(p.state());
    }
  }

  @Test
  void keepsFactsExactlyToTheMicrosecondAndByValue() {
    Instant withNanos = Instant.parse("2026-03-01T10:15:30.123456789Z");
    ProfileFacts in = new ProfileFacts("silent", withNanos, 1, 5, 2, "at_risk", Long.MAX_VALUE, 123_456_789_012L,
        new BigDecimal("-98765432109876.5432"), withNanos.minusSeconds(86_400 * 400L), withNanos,
        withNanos.minusSeconds(3), 1.0 / 3.0);
    ProfileFacts cents = new ProfileFacts("active", at(0), 3, 3, 3, "loyal", 1, 1, new BigDecimal("19.90"), at(0),
        at(0), at(0), 0.0);

    store.putAll(List.of(profile(ANNA, bytes(3, 8), in), profile(BEN, bytes(4, 8), cents)));

    ProfileFacts out = store.get(ANNA).orElseThrow().facts();
    assertSameFacts(out, new ProfileFacts("silent", Instant.parse("2026-03-01T10:15:30.123456Z"), 1, 5, 2, "at_risk",
        Long.MAX_VALUE, 123_456_789_012L, new BigDecimal("-98765432109876.5432"),
        Instant.parse("2025-01-25T10:15:30.123456Z"), Instant.parse("2026-03-01T10:15:30.123456Z"),
        Instant.parse("2026-03-01T10:15:27.123456Z"), 1.0 / 3.0));
    assertThat(out.daysBetweenOrders()).isEqualTo(1.0 / 3.0);
    assertThat(store.get(BEN).orElseThrow().facts().netRevenue()).isEqualByComparingTo("19.9");
    assertSameFacts(store.get(BEN).orElseThrow().facts(), cents);
  }

  @Test
  void aPutReplacesTheWholeProfile() {
    store.putAll(List.of(profile(ANNA, bytes(5, 200), facts("active", new RfmCell(5, 5, 5), "champions"))));
    StoredProfile replaced = new StoredProfile(ANNA, bytes(6, 10), noOrders("churned"), at(9_000));

    store.putAll(List.of(replaced));

    assertSameProfile(store.get(ANNA).orElseThrow(), replaced);
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.rfmGrid()).isEmpty();
  }

  @Test
  void theLaterProfileOfAPersonInOnePutWins() {
    StoredProfile first = profile(ANNA, bytes(7, 10), noOrders("new"));
    StoredProfile second = profile(ANNA, bytes(8, 12), noOrders("active"));

    store.putAll(List.of(first, second));

    assertSameProfile(store.get(ANNA).orElseThrow(), second);
  }

  @Test
  void getAllFindsTheStoredAmongManyIdsAndLeavesOutTheMissing() {
    List<StoredProfile> stored = IntStream.range(0, 150).filter(i -> i % 2 == 0)
        .mapToObj(i -> profile("p-" + i, "new", null, null)).toList();
    store.putAll(stored);
    List<PersonId> asked = new ArrayList<>(IntStream.range(0, 150).mapToObj(i -> PersonId.of("p-" + i)).toList());
    asked.add(PersonId.of("p-0")); // asked twice
    asked.add(PersonId.of("nobody"));

    Map<PersonId, StoredProfile> found = store.getAll(asked);

    assertThat(found).hasSize(75);
    for (StoredProfile p : stored) {
      assertSameProfile(found.get(p.person()), p);
    }
    assertThat(found).doesNotContainKeys(PersonId.of("p-1"), PersonId.of("nobody"));
  }

  @Test
  void putFactsReplacesOnlyTheFactsOfStoredProfiles() {
    byte[] state = bytes(9, 64);
    store.putAll(List.of(new StoredProfile(ANNA, state, noOrders("new"), at(1))));
    ProfileFacts newer = facts("active", new RfmCell(4, 2, 1), "promising");

    store.putFacts(Map.of(ANNA, newer, BEN, newer), at(2_000));

    StoredProfile anna = store.get(ANNA).orElseThrow();
    assertThat(anna.state()).containsExactly(state);
    assertSameFacts(anna.facts(), newer);
    assertThat(anna.updatedAt()).isEqualTo(at(2_000));
    assertThat(store.get(BEN)).isEmpty();
    assertThat(store.count()).isEqualTo(1);
    store.putFacts(Map.of(), at(3_000));
  }

  @Test
  void deletesProfilesAndIgnoresUnknownPersons() {
    store.putAll(List.of(profile(ANNA, bytes(1, 4), noOrders("new")), profile(BEN, bytes(2, 4), noOrders("new"))));

    store.deleteAll(List.of(ANNA, PersonId.of("nobody"), ANNA));
    store.deleteAll(List.of());

    assertThat(store.get(ANNA)).isEmpty();
    assertThat(store.get(BEN)).isPresent();
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void listsPageByPageInPersonIdOrderWithFilters() {
    List<String> stages = List.of("new", "active", "silent");
    List<String> segments = List.of("champions", "loyal", "at_risk", "hibernating");
    List<StoredProfile> all = new ArrayList<>();
    for (int i = 0; i < 97; i++) {
      all.add(profile("p-" + i, stages.get(i % 3), new RfmCell(1 + i % 5, 1 + i % 4, 1 + i % 3),
          segments.get(i % 4)));
    }
    Collections.shuffle(all, new Random(11));
    store.putAll(all);

    assertListing(null, null, 10, all, p -> true);
    assertListing("active", null, 7, all, p -> p.facts().lifecycleStage().equals("active"));
    assertListing(null, "loyal", 4, all, p -> "loyal".equals(p.facts().rfmSegment()));
    assertListing("silent", "at_risk", 3, all,
        p -> p.facts().lifecycleStage().equals("silent") && "at_risk".equals(p.facts().rfmSegment()));
    assertListing("churned", null, 5, all, p -> false);
    assertListing(null, null, 97, all, p -> true); // one full page and no cursor
  }

  private void assertListing(String stage, String rfmSegment, int limit, List<StoredProfile> all,
      Predicate<StoredProfile> filter) {
    List<String> expected = new ArrayList<>(new TreeSet<>(ids(all.stream().filter(filter).toList())));
    List<String> listed = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Slice<StoredProfile> page = store.list(new ProfileQuery(stage, rfmSegment, cursor, limit));
      assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
      if (page.next() != null) {
        assertThat(page.items()).hasSize(limit);
        assertThat(page.next()).isEqualTo(page.items().get(limit - 1).person().value());
      }
      listed.addAll(ids(page.items()));
      cursor = page.next();
      pages++;
    } while (cursor != null);
    assertThat(listed).isEqualTo(expected);
    assertThat(pages).isEqualTo(Math.max(1, (expected.size() + limit - 1) / limit));
  }

  @Test
  void anyIdIsACursorAndIdsAreInBinaryOrder() {
    List<String> ids = List.of("a-1", "a_1", "A-1", "a.1", "a1", "b");
    ids.forEach(id -> store.putAll(List.of(profile(id, "new", null, null))));

    List<String> listed = ids(store.list(ProfileQuery.all(null, 100)).items());
    List<String> afterA = ids(store.list(ProfileQuery.all("a-", 100)).items());

    assertThat(listed).containsExactly("A-1", "a-1", "a.1", "a1", "a_1", "b");
    assertThat(afterA).containsExactly("a-1", "a.1", "a1", "a_1", "b");
  }

  @Test
  void scansEveryProfileOnceInPersonIdOrder() {
    int n = 12_345; // more than one page of a backend's scan
    List<StoredProfile> batch = new ArrayList<>();
    List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
    Collections.shuffle(order, new Random(12));
    for (int i : order) {
      batch.add(new StoredProfile(PersonId.of("person-" + i), bytes(i, 1 + i % 50),
          i % 7 == 0 ? noOrders("potential") : facts("active", new RfmCell(1 + i % 5, 1, 1), "loyal"), at(i)));
      if (batch.size() == 2_500) {
        store.putAll(batch);
        batch.clear();
      }
    }
    store.putAll(batch);
    List<String> expected = new ArrayList<>(new TreeSet<>(order.stream().map(i -> "person-" + i).toList()));

    List<String> scanned = new ArrayList<>(n);
    List<StoredProfile> sample = new ArrayList<>();
    store.scan(p -> {
      scanned.add(p.person().value());
      if (p.person().value().equals("person-777")) {
        sample.add(p);
      }
    });
    List<String> factsScanned = new ArrayList<>(n);
    Map<String, ProfileFacts> sampleFacts = new HashMap<>();
    store.scanFacts((person, f) -> {
      factsScanned.add(person.value());
      if (person.value().equals("person-777") || person.value().equals("person-7")) {
        sampleFacts.put(person.value(), f);
      }
    });

    assertThat(store.count()).isEqualTo(n);
    assertThat(scanned).isEqualTo(expected);
    assertThat(factsScanned).isEqualTo(expected);
    assertSameProfile(sample.get(0), new StoredProfile(PersonId.of("person-777"), bytes(777, 1 + 777 % 50),
        noOrders("potential"), at(777)));
    assertSameFacts(sampleFacts.get("person-7"), noOrders("potential"));
    assertSameFacts(sampleFacts.get("person-777"), noOrders("potential"));
  }

  @Test
  void countsProfilesPerStageAndPerRfmCell() {
    store.putAll(List.of(
        profile("p1", "active", new RfmCell(5, 5, 5), "champions"),
        profile("p2", "active", new RfmCell(5, 5, 5), "champions"),
        profile("p3", "silent", new RfmCell(1, 2, 3), "at_risk"),
        profile("p4", "new", new RfmCell(3, 1, 1), "new_customers"),
        profile(PersonId.of("p5"), bytes(5, 4), noOrders("potential")),
        profile(PersonId.of("p6"), bytes(6, 4), noOrders("potential")),
        profile(PersonId.of("p7"), bytes(7, 4), noOrders("potential"))));

    assertThat(store.countByStage()).isEqualTo(Map.of("active", 2L, "silent", 1L, "new", 1L, "potential", 3L));
    assertThat(store.rfmGrid()).isEqualTo(Map.of(new RfmCell(5, 5, 5), 2L, new RfmCell(1, 2, 3), 1L,
        new RfmCell(3, 1, 1), 1L));
  }

  @Test
  void keepsAndReplacesSettings() {
    store.putSetting("rfm_model", "{\"cuts\":[1,2,3]}");
    store.putSetting("lifecycle_windows", "{}");
    store.putSetting("rfm_model", "{\"cuts\":[4,5,6]}");

    assertThat(store.setting("rfm_model")).contains("{\"cuts\":[4,5,6]}");
    assertThat(store.setting("lifecycle_windows")).contains("{}");
    assertThat(store.setting("other")).isEmpty();
  }

  @Test
  void keepsProfilesAndSettingsAcrossARestart() throws Exception {
    Map<PersonId, StoredProfile> written = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      StoredProfile p = profile(PersonId.of("p-" + i), bytes(100 + i, 10 + i),
          i % 2 == 0 ? noOrders("new") : facts("active", new RfmCell(2, 3, 4), "potential_loyalists"));
      written.put(p.person(), p);
    }
    store.putAll(written.values());
    store.putSetting("rfm_model", "model-1");

    store = reopen();

    Map<PersonId, StoredProfile> read = store.getAll(written.keySet());
    assertThat(read.keySet()).isEqualTo(written.keySet());
    written.forEach((person, p) -> assertSameProfile(read.get(person), p));
    assertThat(store.setting("rfm_model")).contains("model-1");
    assertThat(store.countByStage()).isEqualTo(Map.of("new", 15L, "active", 15L));
  }
}
