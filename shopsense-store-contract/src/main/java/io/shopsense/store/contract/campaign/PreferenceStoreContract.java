package io.shopsense.store.contract.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.ContactPreferences;
import io.shopsense.api.campaign.PreferenceStore;
import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link PreferenceStore}; {@link #open()}, {@link #close()} and {@link #reopen()} as elsewhere. */
public abstract class PreferenceStoreContract {
  protected static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  protected static final PersonId ANN = PersonId.of("person-ann");
  protected static final PersonId BOB = PersonId.of("person-bob");

  protected PreferenceStore store;

  protected abstract PreferenceStore open() throws Exception;

  protected abstract void close() throws Exception;

  protected PreferenceStore reopen() throws Exception {
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

  @Test
  void savesAndReplacesAPersonsPreferences() throws Exception {
    ContactPreferences first = new ContactPreferences(ANN, EnumSet.of(Channel.EMAIL, Channel.PUSH),
        Set.of("kids", "garden"), ContactPreferences.Frequency.WEEKLY, T0);
    store.save(first);
    store = reopen();
    assertThat(store.find(ANN)).contains(first);

    ContactPreferences second = new ContactPreferences(ANN, Set.of(), Set.of("garden"),
        ContactPreferences.Frequency.DAILY, T0.plusSeconds(60));
    store.save(second);

    assertThat(store.find(ANN)).contains(second);
    assertThat(store.find(ANN).orElseThrow().accepts(Channel.SMS)).isTrue();
  }

  @Test
  void findsOnlyPersonsWithSavedPreferences() {
    store.save(ContactPreferences.none(BOB));

    assertThat(store.find(List.of(ANN, BOB))).containsOnlyKeys(BOB);
    assertThat(store.find(ANN)).isEmpty();
  }

  @Test
  void erasesAPersonsPreferences() {
    store.save(new ContactPreferences(ANN, Set.of(Channel.SMS), Set.of("kids"), ContactPreferences.Frequency.ANY,
        T0));

    assertThat(store.erase(List.of(ANN))).isOne();
    assertThat(store.find(ANN)).isEmpty();
  }
}
