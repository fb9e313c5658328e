package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.privacy.ConsentLedger;
import io.shopsense.api.privacy.ConsentRecord;
import io.shopsense.api.privacy.ConsentSubject;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConsentLedger}. {@link #open()} gives the port over the backend's storage for this test
 * (empty at the first call of a test, the same storage at later calls); {@link #close()} closes what it opened and
 * may be called twice; {@link #reopen()} is a restart.
 *
 * <p>Decided here, where the port leaves it open: numbers are positive and increase in the order of appends and,
 * within one, in the order given, also across a restart; instants are kept to the microsecond; a limit below 1 is an
 * {@link IllegalArgumentException}; a repeat of cause, subject and purpose (in one call or across calls) is skipped.
 */
public abstract class ConsentLedgerContract {
  protected static final Instant T0 = Envelopes.T0;
  protected static final ConsentSubject ANNA = ConsentSubject.of(PersonId.of("person-anna"));
  protected static final ConsentSubject ANNA_COOKIE = ConsentSubject.of(
      new Identifier(IdentifierKind.ANONYMOUS_ID, "a-anna"));
  protected static final ConsentSubject BEN = ConsentSubject.of(new Identifier(IdentifierKind.USER_ID, "u-ben"));

  protected ConsentLedger ledger;

  protected abstract ConsentLedger open() throws Exception;

  protected abstract void close() throws Exception;

  protected ConsentLedger reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openLedger() throws Exception {
    ledger = open();
  }

  @AfterEach
  void closeLedger() throws Exception {
    close();
  }

  protected static ConsentRecord record(ConsentSubject subject, Purpose purpose, boolean granted, long second,
      String cause) {
    return new ConsentRecord(0, subject, purpose, granted, LawfulBasis.CONSENT, "cookie_banner", "2026-05",
        T0.plusSeconds(second), cause);
  }

  @Test
  void anEmptyLedgerHasNoHistoryAndStartsAtZero() {
    assertThat(ledger.history(List.of(ANNA))).isEmpty();
    assertThat(ledger.history(List.of())).isEmpty();
    assertThat(ledger.after(0, 10)).isEmpty();
    assertThat(ledger.latestSeq()).isZero();
  }

  @Test
  void appendsNumberedRecordsAndKeepsEveryField() {
    ConsentRecord given = new ConsentRecord(0, ANNA_COOKIE, Purpose.MARKETING_EMAIL, true,
        LawfulBasis.LEGITIMATE_INTERESTS, "account_settings", "v7 (zh-CN)", T0.plusNanos(123_456_789), "m-1");

    List<ConsentRecord> stored = ledger.append(List.of(given));

    assertThat(stored).hasSize(1);
    ConsentRecord r = stored.get(0);
    assertThat(r.seq()).isPositive();
    assertThat(r).isEqualTo(new ConsentRecord(r.seq(), ANNA_COOKIE, Purpose.MARKETING_EMAIL, true,
        LawfulBasis.LEGITIMATE_INTERESTS, "account_settings", "v7 (zh-CN)", T0.plusNanos(123_456_000), "m-1"));
    assertThat(ledger.history(List.of(ANNA_COOKIE))).containsExactly(r);
    assertThat(ledger.latestSeq()).isEqualTo(r.seq());
  }

  @Test
  void numbersIncreaseInAppendOrderAcrossARestart() throws Exception {
    List<ConsentRecord> first = ledger.append(List.of(record(ANNA, Purpose.ANALYTICS, true, 0, "c1"),
        record(BEN, Purpose.ANALYTICS, false, 0, "c1")));
    ledger = reopen();
    List<ConsentRecord> second = ledger.append(List.of(record(ANNA, Purpose.ANALYTICS, false, 5, "c2")));

    List<Long> seqs = new ArrayList<>();
    first.forEach(r -> seqs.add(r.seq()));
    second.forEach(r -> seqs.add(r.seq()));
    assertThat(seqs).isSorted().doesNotHaveDuplicates().hasSize(3);
    assertThat(ledger.after(0, 10)).extracting(ConsentRecord::seq).containsExactlyElementsOf(seqs);
    assertThat(ledger.after(seqs.get(0), 1)).extracting(ConsentRecord::seq).containsExactly(seqs.get(1));
  }

  @Test
  void historyHoldsOnlyTheAskedSubjectsOldestFirst() {
    ledger.append(List.of(record(ANNA, Purpose.ANALYTICS, true, 10, "c1")));
    ledger.append(List.of(record(BEN, Purpose.ANALYTICS, true, 0, "c2")));
    ledger.append(List.of(record(ANNA_COOKIE, Purpose.PERSONALISATION, false, 0, "c3")));

    assertThat(ledger.history(List.of(ANNA, ANNA_COOKIE))).extracting(ConsentRecord::cause)
        .containsExactly("c1", "c3");
    assertThat(ledger.history(List.of(BEN))).extracting(ConsentRecord::cause).containsExactly("c2");
    // the same value under another kind is another subject
    assertThat(ledger.history(List.of(new ConsentSubject(ConsentSubject.Kind.USER_ID, "person-anna")))).isEmpty();
  }

  @Test
  void aRepeatedCauseIsStoredOnce() {
    ConsentRecord r = record(ANNA, Purpose.ANALYTICS, true, 0, "m-1");
    assertThat(ledger.append(List.of(r, r))).hasSize(1);
    assertThat(ledger.append(List.of(r, record(ANNA, Purpose.PERSONALISATION, true, 0, "m-1")))).hasSize(1)
        .extracting(ConsentRecord::purpose).containsExactly(Purpose.PERSONALISATION);
    assertThat(ledger.history(List.of(ANNA))).hasSize(2);
  }

  @Test
  void historyOfManySubjectsReadsThemAll() {
    List<ConsentRecord> many = new ArrayList<>();
    List<ConsentSubject> subjects = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      ConsentSubject s = ConsentSubject.of(new Identifier(IdentifierKind.ANONYMOUS_ID, "a-" + i));
      subjects.add(s);
      many.add(record(s, Purpose.ANALYTICS, i % 2 == 0, i, "c-" + i));
    }
    ledger.append(many);
    List<ConsentRecord> history = ledger.history(subjects);
    assertThat(history).hasSize(1_200);
    assertThat(history).extracting(ConsentRecord::seq).isSorted();
  }

  @Test
  void eraseDeletesEveryRecordOfTheSubjectsOnly() throws Exception {
    ledger.append(List.of(record(ANNA, Purpose.ANALYTICS, true, 0, "c1"),
        record(ANNA_COOKIE, Purpose.MARKETING_SMS, true, 0, "c1"), record(BEN, Purpose.ANALYTICS, true, 0, "c1")));

    assertThat(ledger.erase(List.of(ANNA, ANNA_COOKIE))).isEqualTo(2);
    assertThat(ledger.erase(List.of(ANNA))).isZero();
    ledger = reopen();
    assertThat(ledger.history(List.of(ANNA, ANNA_COOKIE))).isEmpty();
    assertThat(ledger.after(0, 10)).extracting(ConsentRecord::subject).containsExactly(BEN);
  }

  @Test
  void refusesALimitBelowOne() {
    assertThatThrownBy(() -> ledger.after(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
