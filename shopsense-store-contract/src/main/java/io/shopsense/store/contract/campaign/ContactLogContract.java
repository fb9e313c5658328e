package io.shopsense.store.contract.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContactHistory;
import io.shopsense.api.campaign.ContactLog;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ContactLog}. {@link #open()} gives the port over the backend's storage for this test (empty
 * at the first call, the same storage later); {@link #close()} may be called twice; {@link #reopen()} is a restart.
 * Decided here: instants are kept to the microsecond; contacts come oldest first (by key among equal times).
 */
public abstract class ContactLogContract {
  protected static final Instant T0 = Instant.parse("2026-11-23T12:00:00.123456Z");
  protected static final PersonId ANN = PersonId.of("person-ann");
  protected static final PersonId BOB = PersonId.of("person-bob");

  protected ContactLog log;

  protected abstract ContactLog open() throws Exception;

  protected abstract void close() throws Exception;

  protected ContactLog reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openLog() throws Exception {
    log = open();
  }

  @AfterEach
  void closeLog() throws Exception {
    close();
  }

  private static Contact promo(PersonId p, String key, Channel channel, long second) {
    return Contact.sent(p, key, channel, ContentCategory.PROMOTIONAL, "sale", 3, T0.plusSeconds(second));
  }

  @Test
  void keepsContactsAndReadsThemPerPersonSinceATime() throws Exception {
    assertThat(log.record(List.of(promo(ANN, "k1", Channel.EMAIL, 0), promo(ANN, "k2", Channel.SMS, 60),
        promo(BOB, "k3", Channel.PUSH, 30),
        Contact.sent(ANN, "k0", Channel.EMAIL, ContentCategory.TRANSACTIONAL, "", 0, T0.minusSeconds(3600)))))
        .isEqualTo(4);
    log = reopen();

    Map<PersonId, ContactHistory> h = log.histories(List.of(ANN, BOB, PersonId.of("nobody")), T0);

    assertThat(h.get(ANN).recent()).extracting(Contact::messageKey).containsExactly("k1", "k2");
    assertThat(h.get(ANN).recent().get(0)).isEqualTo(promo(ANN, "k1", Channel.EMAIL, 0));
    assertThat(h.get(BOB).recent()).extracting(Contact::channel).containsExactly(Channel.PUSH);
    assertThat(h.get(PersonId.of("nobody"))).isEqualTo(ContactHistory.empty(PersonId.of("nobody")));
  }

  @Test
  void recordingAContactAgainChangesNothingAndCountsOnce() {
    assertThat(log.record(List.of(promo(ANN, "k1", Channel.EMAIL, 0), promo(ANN, "k1", Channel.EMAIL, 0)))).isOne();
    assertThat(log.record(List.of(promo(ANN, "k1", Channel.EMAIL, 5), promo(ANN, "k2", Channel.EMAIL, 9)))).isOne();

    ContactHistory h = log.histories(List.of(ANN), T0.minusSeconds(1)).get(ANN);
    assertThat(h.recent()).extracting(Contact::sentAt).containsExactly(T0, T0.plusSeconds(9));
    assertThat(h.unopenedInARow()).isEqualTo(2);
  }

  @Test
  void countsUnopenedPromotionsOnOpenReportingChannelsUntilAnOpen() throws Exception {
    log.record(List.of(promo(ANN, "k1", Channel.EMAIL, 0), promo(ANN, "k2", Channel.PUSH, 1),
        promo(ANN, "k3", Channel.SMS, 2),
        Contact.sent(ANN, "k4", Channel.EMAIL, ContentCategory.SERVICE, "", 0, T0.plusSeconds(3))));
    assertThat(log.histories(List.of(ANN), T0).get(ANN).unopenedInARow()).isEqualTo(2);

    assertThat(log.markOpened("k1", T0.plusSeconds(100))).isTrue();
    assertThat(log.markOpened("k1", T0.plusSeconds(200))).isFalse();
    assertThat(log.markOpened("unknown", T0)).isFalse();
    log = reopen();

    ContactHistory h = log.histories(List.of(ANN), T0).get(ANN);
    assertThat(h.unopenedInARow()).isZero();
    assertThat(h.recent().get(0).openedAt()).contains(T0.plusSeconds(100));
    log.record(List.of(promo(ANN, "k5", Channel.EMAIL, 10)));
    assertThat(log.histories(List.of(ANN), T0).get(ANN).unopenedInARow()).isOne();
  }

  @Test
  void readsManyPersonsAtOnce() {
    List<Contact> batch = new ArrayList<>();
    List<PersonId> persons = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) { // more than one statement's worth of keys, and a partial one
      PersonId p = PersonId.of("p" + i);
      persons.add(p);
      batch.add(promo(p, "a" + i, Channel.EMAIL, i));
      batch.add(promo(p, "b" + i, Channel.IN_APP, i + 1));
    }
    assertThat(log.record(batch)).isEqualTo(2_400);

    Map<PersonId, ContactHistory> h = log.histories(persons, T0);

    assertThat(h).hasSize(1_200);
    assertThat(h.get(PersonId.of("p1199")).recent()).extracting(Contact::messageKey).containsExactly("a1199", "b1199");
    assertThat(h.values()).allSatisfy(x -> assertThat(x.unopenedInARow()).isEqualTo(2));
  }

  @Test
  void erasesAPersonsContacts() {
    log.record(List.of(promo(ANN, "k1", Channel.EMAIL, 0), promo(BOB, "k2", Channel.EMAIL, 0)));

    assertThat(log.erase(List.of(ANN))).isOne();

    assertThat(log.histories(List.of(ANN, BOB), T0)).satisfies(h -> {
      assertThat(h.get(ANN)).isEqualTo(ContactHistory.empty(ANN));
      assertThat(h.get(BOB).recent()).hasSize(1);
    });
    assertThat(log.record(List.of(new Contact(ANN, "k9", Channel.EMAIL, ContentCategory.PROMOTIONAL, "", 0, T0,
        Optional.of(T0))))).isOne();
    assertThat(log.histories(List.of(ANN), T0).get(ANN).unopenedInARow()).isZero();
  }
}
