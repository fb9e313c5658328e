package io.shopsense.api.privacy;

import java.time.Instant;

/**
 * One decision of one subject about one purpose, as the ledger keeps it: never changed, never deleted (but by an
 * erasure). A later decision about the same purpose supersedes it.
 *
 * @param seq           the ledger's number (positive, increasing in commit order); 0 for a record not yet appended
 * @param granted       true if the person agreed, false if they refused or withdrew
 * @param basis         the lawful basis the decision is recorded under (a grant is normally {@link LawfulBasis#CONSENT})
 * @param source        where it was given, e.g. {@code cookie_banner}, {@code account_settings}, {@code api}
 * @param noticeVersion the version of the privacy notice text the person saw, e.g. {@code 2026-05}
 * @param at            when the person decided
 * @param cause         what recorded it: the message id of the {@code Consent Updated} event or the API request id;
 *                      a record with the same cause, subject and purpose is stored once
 */
public record ConsentRecord(long seq, ConsentSubject subject, Purpose purpose, boolean granted, LawfulBasis basis,
    String source, String noticeVersion, Instant at, String cause) {

  public ConsentRecord {
    if (subject == null || purpose == null || basis == null || at == null) {
      throw new IllegalArgumentException("a consent record needs a subject, a purpose, a basis and a time");
    }
    if (source == null || source.isBlank() || noticeVersion == null || noticeVersion.isBlank() || cause == null
        || cause.isBlank()) {
      throw new IllegalArgumentException("a consent record needs its source, notice version and cause");
    }
  }

  /** The same record with the ledger's number. */
  public ConsentRecord withSeq(long seq) {
    return new ConsentRecord(seq, subject, purpose, granted, basis, source, noticeVersion, at, cause);
  }

  /** Whether this decision supersedes {@code other} about the same purpose: it was made later (ties: appended later). */
  public boolean supersedes(ConsentRecord other) {
    int byTime = at.compareTo(other.at);
    return byTime != 0 ? byTime > 0 : seq > other.seq;
  }
}
