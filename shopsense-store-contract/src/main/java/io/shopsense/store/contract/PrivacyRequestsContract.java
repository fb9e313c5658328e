package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.PrivacyRequest;
import io.shopsense.api.privacy.PrivacyRequests;
import io.shopsense.api.privacy.ReportLine;
import io.shopsense.api.privacy.RequestStatus;
import io.shopsense.api.privacy.RequestType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PrivacyRequests}. {@link #open()} gives the port over the backend's storage for this test
 * (empty at first, the same storage at later calls); {@link #close()} closes it; {@link #reopen()} is a restart.
 *
 * <p>Decided here: instants are kept to the microsecond; a list is in receipt order, then by id; "overdue" means
 * still open (received or in progress) with the deadline before the instant given.
 */
public abstract class PrivacyRequestsContract {
  protected static final Instant T0 = Envelopes.T0;
  protected static final Duration DEADLINE = Duration.ofDays(30);

  protected PrivacyRequests requests;

  protected abstract PrivacyRequests open() throws Exception;

  protected abstract void close() throws Exception;

  protected PrivacyRequests reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openRequests() throws Exception {
    requests = open();
  }

  @AfterEach
  void closeRequests() throws Exception {
    close();
  }

  protected static PrivacyRequest request(String id, RequestType type, Instant at) {
    return new PrivacyRequest(id, type, "email:anna@example.com", null, RequestStatus.RECEIVED, null, at,
        at.plus(DEADLINE), null, List.of());
  }

  @Test
  void keepsEveryFieldThroughTheRequestsLife() throws Exception {
    PrivacyRequest r = request("pr-1", RequestType.ERASURE, T0.plusNanos(1_234_567));
    requests.create(r);
    requests = reopen();
    assertThat(requests.find("pr-1")).contains(new PrivacyRequest("pr-1", RequestType.ERASURE,
        "email:anna@example.com", null, RequestStatus.RECEIVED, null, T0.plusNanos(1_234_000),
        T0.plusNanos(1_234_000).plus(DEADLINE), null, List.of()));

    List<ReportLine> report = List.of(new ReportLine("identities", "identifiers", 3, ReportLine.Outcome.ERASED,
        "ids"), new ReportLine("events", "event log and lake", 0, ReportLine.Outcome.PENDING, ""));
    PrivacyRequest done = requests.find("pr-1").orElseThrow().withPerson(PersonId.of("p-1")).inProgress()
        .completed(T0.plusSeconds(60), report, true);
    requests.update(done);

    requests = reopen();
    PrivacyRequest read = requests.find("pr-1").orElseThrow();
    assertThat(read).isEqualTo(done);
    assertThat(read.subject()).isEqualTo(PrivacyRequest.ERASED_SUBJECT);
    assertThat(read.report()).containsExactlyElementsOf(report);
  }

  @Test
  void refusesASecondRequestWithTheSameIdAndAnUpdateOfAnUnknownOne() {
    requests.create(request("pr-1", RequestType.ACCESS, T0));
    assertThatThrownBy(() -> requests.create(request("pr-1", RequestType.ACCESS, T0)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> requests.update(request("pr-2", RequestType.ACCESS, T0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(requests.find("pr-2")).isEmpty();
  }

  @Test
  void listsByStatusAndOverdueInReceiptOrderInPages() {
    requests.create(request("pr-b", RequestType.ACCESS, T0));
    requests.create(request("pr-a", RequestType.ERASURE, T0));
    requests.create(request("pr-c", RequestType.RECTIFICATION, T0.plus(Duration.ofDays(10))));
    requests.update(request("pr-a", RequestType.ERASURE, T0).rejected(T0.plusSeconds(5), "unknown"));

    assertThat(requests.list(null, null, null, 10)).extracting(PrivacyRequest::id)
        .containsExactly("pr-a", "pr-b", "pr-c");
    assertThat(requests.list(null, null, "pr-a", 1)).extracting(PrivacyRequest::id).containsExactly("pr-b");
    assertThat(requests.list(null, null, "pr-b", 10)).extracting(PrivacyRequest::id).containsExactly("pr-c");
    assertThat(requests.list(RequestStatus.REJECTED, null, null, 10)).extracting(PrivacyRequest::id)
        .containsExactly("pr-a");
    Instant day35 = T0.plus(Duration.ofDays(35));
    // pr-a is closed; pr-c's deadline is day 40
    assertThat(requests.list(null, day35, null, 10)).extracting(PrivacyRequest::id).containsExactly("pr-b");
    assertThat(requests.list(null, day35, null, 10).get(0).overdue(day35)).isTrue();
    assertThat(requests.list(null, T0.plus(Duration.ofDays(29)), null, 10)).isEmpty();
  }

  @Test
  void forgetsTheSubjectOfEveryRequestOfAPerson() throws Exception {
    PersonId anna = PersonId.of("p-anna");
    requests.create(request("pr-1", RequestType.ACCESS, T0).withPerson(anna));
    requests.create(request("pr-2", RequestType.RECTIFICATION, T0).withPerson(anna));
    requests.create(new PrivacyRequest("pr-3", RequestType.ACCESS, "user_id:ben", PersonId.of("p-ben"),
        RequestStatus.RECEIVED, null, T0, T0.plus(DEADLINE), null, List.of()));

    assertThat(requests.forgetSubject(anna)).isEqualTo(2);

    requests = reopen();
    assertThat(requests.find("pr-1").orElseThrow().subject()).isEqualTo(PrivacyRequest.ERASED_SUBJECT);
    assertThat(requests.find("pr-2").orElseThrow().subject()).isEqualTo(PrivacyRequest.ERASED_SUBJECT);
    assertThat(requests.find("pr-3").orElseThrow().subject()).isEqualTo("user_id:ben");
    assertThat(requests.forgetSubject(anna)).isZero();
  }
}
