package io.shopsense.api.privacy;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.List;

/**
 * A data-subject request as tracked: who asked for what, by when it must be answered, and what was done.
 *
 * <p>After an erasure the request keeps no personal data: {@code subject} is replaced by {@link #ERASED_SUBJECT}
 * and the report holds counts and places only; {@code person} is the random person id, which means nothing once the
 * person's identifiers are gone.
 *
 * @param id          the request's id (random, {@code pr_…})
 * @param subject     the subject reference as given ({@code email:…}, {@code user_id:…}, {@code person_id:…}, …)
 * @param person      the person the subject resolved to; null when it resolved to no one
 * @param reason      why it was rejected; null unless rejected
 * @param deadline    when the answer is due by law or by the shop's setting
 * @param completedAt when it was completed or rejected; null while open
 * @param report      what was done where, in order; empty while open
 */
public record PrivacyRequest(String id, RequestType type, String subject, PersonId person, RequestStatus status,
    String reason, Instant receivedAt, Instant deadline, Instant completedAt, List<ReportLine> report) {

  /** What {@code subject} becomes once the person is erased. */
  public static final String ERASED_SUBJECT = "erased";

  public PrivacyRequest {
    if (id == null || id.isBlank() || type == null || subject == null || status == null || receivedAt == null
        || deadline == null) {
      throw new IllegalArgumentException("a privacy request needs an id, a type, a subject, a status, a receipt time "
          + "and a deadline");
    }
    report = report == null ? List.of() : List.copyOf(report);
  }

  /** Whether the request is still open after its deadline at {@code now}. */
  public boolean overdue(Instant now) {
    return !status.closed() && now.isAfter(deadline);
  }

  public PrivacyRequest withPerson(PersonId p) {
    return new PrivacyRequest(id, type, subject, p, status, reason, receivedAt, deadline, completedAt, report);
  }

  public PrivacyRequest inProgress() {
    return new PrivacyRequest(id, type, subject, person, RequestStatus.IN_PROGRESS, null, receivedAt, deadline, null,
        report);
  }

  public PrivacyRequest completed(Instant at, List<ReportLine> lines, boolean forgetSubject) {
    return new PrivacyRequest(id, type, forgetSubject ? ERASED_SUBJECT : subject, person, RequestStatus.COMPLETED,
        null, receivedAt, deadline, at, lines);
  }

  /** The request with its subject replaced (masked, or forgotten). */
  public PrivacyRequest withSubject(String text) {
    return new PrivacyRequest(id, type, text, person, status, reason, receivedAt, deadline, completedAt, report);
  }

  public PrivacyRequest rejected(Instant at, String why) {
    return new PrivacyRequest(id, type, subject, person, RequestStatus.REJECTED, why, receivedAt, deadline, at,
        report);
  }
}
