package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.TraitStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TraitStore}. {@link #open()} gives the port over the backend's storage for this test (empty
 * at the first call of a test, the same storage at later calls); {@link #close()} closes what it opened and may be
 * called twice; {@link #reopen()} is a restart.
 *
 * <p>Decided here, where the port leaves it open: a trait set to JSON null is kept as null (the shop cleared it), and
 * an older value cannot replace it; in a merge the newer value wins per trait and on a tie the survivor keeps its own;
 * after a merge the merged-away person has no traits, so merging again changes nothing. Values keep their JSON types
 * exactly (see {@link Properties}).
 */
public abstract class TraitStoreContract {
  protected static final Instant T0 = Envelopes.T0;
  protected static final PersonId ANNA = PersonId.of("person-anna");
  protected static final PersonId BEN = PersonId.of("person-ben");

  protected TraitStore traits;

  protected abstract TraitStore open() throws Exception;

  protected abstract void close() throws Exception;

  protected TraitStore reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openTraits() throws Exception {
    traits = open();
  }

  @AfterEach
  void closeTraits() throws Exception {
    close();
  }

  protected static Properties props(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return new Properties(m);
  }

  protected static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void readsTheTraitsOfManyPersonsAtOnceLeavingOutThoseWithout() {
    traits.set(ANNA, props("city", "Köln", "vip", true), at(0));
    traits.set(BEN, props("city", "Wien"), at(0));
    List<PersonId> asked = new ArrayList<>(List.of(ANNA, BEN, PersonId.of("person-nobody")));
    for (int i = 0; i < 250; i++) { // more than one query's worth
      PersonId p = PersonId.of("person-" + i);
      asked.add(p);
      if (i % 2 == 0) {
        traits.set(p, props("n", (long) i), at(0));
      }
    }

    Map<PersonId, Properties> all = traits.getAll(asked);

    assertThat(all).hasSize(2 + 125);
    assertThat(all.get(ANNA)).isEqualTo(traits.get(ANNA));
    assertThat(all.get(BEN)).isEqualTo(props("city", "Wien"));
    assertThat(all.get(PersonId.of("person-42"))).isEqualTo(props("n", 42L));
    assertThat(all).doesNotContainKey(PersonId.of("person-43")).doesNotContainKey(PersonId.of("person-nobody"));
    assertThat(traits.getAll(List.of())).isEmpty();
  }

  @Test
  void anUnknownPersonHasNoTraits() {
    assertThat(traits.get(ANNA).isEmpty()).isTrue();
  }

  @Test
  void keepsValuesOfEveryJsonTypeExactly() {
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("city", "Köln");
    address.put("zip", "50667");
    Properties in = props(
        "name", "Anna Müller ✓",
        "orders", 12L,
        "ltv", new BigDecimal("1234.50"),
        "big", Long.MAX_VALUE,
        "vip", true,
        "tags", List.of("outdoor", 3L, false),
        "address", address);

    traits.set(ANNA, in, at(0));

    assertThat(traits.get(ANNA)).isEqualTo(in);
    assertThat(traits.get(ANNA).get("ltv")).isEqualTo(new BigDecimal("1234.50"));
  }

  @Test
  void aNewerUpdateReplacesOnlyTheTraitsItCarries() {
    traits.set(ANNA, props("plan", "free", "email", "anna@example.com"), at(0));

    traits.set(ANNA, props("plan", "pro"), at(10));

    assertThat(traits.get(ANNA)).isEqualTo(props("plan", "pro", "email", "anna@example.com"));
  }

  @Test
  void anOlderUpdateArrivingLateReplacesNoNewerValueButFillsAbsentTraits() {
    traits.set(ANNA, props("plan", "pro"), at(10));

    traits.set(ANNA, props("plan", "free", "city", "Berlin"), at(5));

    assertThat(traits.get(ANNA)).isEqualTo(props("plan", "pro", "city", "Berlin"));
  }

  @Test
  void anUpdateAsNewAsTheStoredValueReplacesIt() {
    traits.set(ANNA, props("plan", "free"), at(10));

    traits.set(ANNA, props("plan", "pro"), at(10));

    assertThat(traits.get(ANNA)).isEqualTo(props("plan", "pro"));
  }

  @Test
  void aClearedTraitStaysNullAgainstOlderValues() {
    traits.set(ANNA, props("phone", "+49 30 1234"), at(0));
    traits.set(ANNA, props("phone", null), at(10));

    traits.set(ANNA, props("phone", "+49 30 9999"), at(5));

    Properties now = traits.get(ANNA);
    assertThat(now.values()).containsKey("phone");
    assertThat(now.get("phone")).isNull();
  }

  @Test
  void settingNoTraitsChangesNothing() {
    traits.set(ANNA, Properties.EMPTY, at(0));

    assertThat(traits.get(ANNA).isEmpty()).isTrue();
  }

  @Test
  void aMergeMovesTheTraitsWithTheNewerValueWinningPerTrait() {
    traits.set(ANNA, props("plan", "pro", "city", "Berlin", "tie", "survivor's"), at(10));
    traits.set(ANNA, props("email", "old@example.com"), at(1));
    traits.set(BEN, props("plan", "free", "tie", "merged's"), at(10));
    traits.set(BEN, props("email", "new@example.com", "phone", "+49"), at(20));
    traits.set(BEN, props("plan", "free"), at(5));

    traits.merge(BEN, ANNA);

    Map<String, Object> expected = new HashMap<>();
    expected.put("plan", "pro");
    expected.put("city", "Berlin");
    expected.put("tie", "survivor's");
    expected.put("email", "new@example.com");
    expected.put("phone", "+49");
    assertThat(traits.get(ANNA).values()).isEqualTo(expected);
    assertThat(traits.get(BEN).isEmpty()).isTrue();
  }

  @Test
  void mergedTraitsKeepHowNewTheyAre() {
    traits.set(BEN, props("plan", "free"), at(20));
    traits.merge(BEN, ANNA);

    traits.set(ANNA, props("plan", "stale"), at(15));

    assertThat(traits.get(ANNA)).isEqualTo(props("plan", "free"));
  }

  @Test
  void mergingAgainOrMergingAPersonWithoutTraitsChangesNothing() {
    traits.set(ANNA, props("plan", "pro"), at(0));
    traits.set(BEN, props("city", "Berlin"), at(0));
    traits.merge(BEN, ANNA);
    Properties merged = traits.get(ANNA);

    traits.merge(BEN, ANNA);
    traits.merge(PersonId.of("nobody"), ANNA);
    traits.merge(ANNA, ANNA);

    assertThat(traits.get(ANNA)).isEqualTo(merged);
  }

  @Test
  void keepsTraitsAcrossARestart() throws Exception {
    traits.set(ANNA, props("plan", "pro", "orders", 3L), at(10));

    traits = reopen();

    assertThat(traits.get(ANNA)).isEqualTo(props("plan", "pro", "orders", 3L));
    traits.set(ANNA, props("plan", "free"), at(5));
    assertThat(traits.get(ANNA).get("plan")).isEqualTo("pro");
  }

  @Test
  void erasesEveryTraitOfThePersonsOnly() throws Exception {
    traits.set(ANNA, props("name", "Anna", "city", "Berlin"), T0);
    traits.set(BEN, props("name", "Ben"), T0);

    long erased = traits.erase(List.of(ANNA));

    assertThat(erased).isEqualTo(2);
    traits = reopen();
    assertThat(traits.get(ANNA).isEmpty()).isTrue();
    assertThat(traits.get(BEN).values()).containsEntry("name", "Ben");
    assertThat(traits.erase(List.of(ANNA))).isZero();
  }
}
