package io.shopsense.platform;

import static io.shopsense.platform.PlatformFixture.awaitPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.privacy.PrivacyRequest;
import io.shopsense.api.privacy.ReportLine;
import io.shopsense.api.privacy.RequestStatus;
import io.shopsense.api.privacy.RequestType;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.core.privacy.ErasureRunner;
import io.shopsense.core.privacy.ErasureStep;
import io.shopsense.core.privacy.NewPrivacyRequest;
import io.shopsense.core.privacy.PrivacyRequestService;
import io.shopsense.core.privacy.PrivacyRequestSettings;
import io.shopsense.core.privacy.SubjectRef;
import io.shopsense.core.privacy.internal.StoreSteps;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request service on a real embedded platform: deadlines, held requests, rectification, re-runs, merges. */
class PrivacyRequestServiceTest {
  @TempDir
  Path dir;

  /**
   * The system clock, moved forward by the test: it keeps ticking, since the pipeline's lake writer flushes on it (a
   * frozen clock would never flush).
   */
  static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    MovableClock(Instant ignored) {}

    void advance(Duration d) {
      offset = offset.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private Platform open(Clock clock) {
    return Platform.open(PlatformFixture.embedded(dir), clock, PersonIds.sequential(), IngestListener.NONE).start();
  }

  private static void shop(Platform p) throws InterruptedException {
    PlatformFixture.ingest(p, NOW,
        "{'type':'identify','messageId':'m1','anonymousId':'anon-a','userId':'old-u','traits':{'name':'Ann'}}",
        "{'type':'identify','messageId':'m2','anonymousId':'anon-b','userId':'new-u','traits':{'email':'ann@x.org'}}",
        "{'type':'alias','messageId':'m3','previousId':'old-u','userId':'new-u'}",
        "{'type':'identify','messageId':'m4','anonymousId':'anon-c','userId':'ben-u','traits':{'name':'Ben'}}");
    awaitPipeline(p);
  }

  private static SubjectRef user(String id) {
    return SubjectRef.of(id, null, null, null, null);
  }

  @Test
  void aHeldRequestIsReceivedUntilProcessedAndOverdueAfterItsDeadline() throws Exception {
    MovableClock clock = new MovableClock(NOW);
    try (Platform p = open(clock)) {
      shop(p);
      PrivacyRequestService s = p.privacyRequests();

      PrivacyRequest held = s.submit(new NewPrivacyRequest(RequestType.ACCESS, user("new-u"), Properties.EMPTY,
          true));

      assertThat(held.status()).isEqualTo(RequestStatus.RECEIVED);
      assertThat(held.deadline()).isEqualTo(held.receivedAt().plus(Duration.ofDays(30)));
      assertThat(s.list(null, true, null, 10)).isEmpty();
      clock.advance(Duration.ofDays(31));
      assertThat(s.list(null, true, null, 10)).extracting(PrivacyRequest::id).containsExactly(held.id());
      assertThat(s.list(RequestStatus.RECEIVED, false, null, 10)).extracting(PrivacyRequest::id)
          .containsExactly(held.id());

      PrivacyRequest done = s.process(held.id());

      assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
      assertThat(done.completedAt()).isAfter(held.receivedAt().plus(Duration.ofDays(31)));
      assertThat(done.person()).isNotNull();
      assertThat(s.list(null, true, null, 10)).isEmpty();
      assertThat(s.process(held.id())).isEqualTo(done);
    }
  }

  @Test
  void rectificationValidatesTheTraitsAndTheProfileShowsThem() throws Exception {
    try (Platform p = open(new MovableClock(NOW))) {
      shop(p);
      PrivacyRequestService s = p.privacyRequests();

      for (Properties bad : List.of(Properties.EMPTY, Properties.of(Map.of("address", Map.of("city", "x"))),
          Properties.of(Map.of(" ", "x")), Properties.of(Map.of("name", "x".repeat(10_001))),
          Properties.of(Map.of("tags", List.of("a"))))) {
        assertThatThrownBy(() -> s.submit(new NewPrivacyRequest(RequestType.RECTIFICATION, user("new-u"), bad)))
            .isInstanceOf(IllegalArgumentException.class);
      }
      assertThat(s.list(null, false, null, 10)).isEmpty();

      PrivacyRequest done = s.submit(new NewPrivacyRequest(RequestType.RECTIFICATION, user("old-u"),
          Properties.of(Map.of("name", "Anna", "city", "Lyon"))));

      assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
      assertThat(done.report()).extracting(ReportLine::detail).containsExactly("trait city", "trait name");
      var profile = p.persons().find(new Identifier(IdentifierKind.USER_ID, "new-u")).orElseThrow();
      assertThat(profile.traits().values()).containsEntry("name", "Anna").containsEntry("city", "Lyon")
          .containsEntry("email", "ann@x.org");
    }
  }

  @Test
  void erasingByAMergedAwayPersonIdErasesTheSurvivorAndEveryPersonMergedIntoIt() throws Exception {
    try (Platform p = open(new MovableClock(NOW))) {
      shop(p);
      PersonId survivor = p.persons().find(new Identifier(IdentifierKind.USER_ID, "new-u")).orElseThrow().id();
      PersonId merged = p.persons().find(survivor).orElseThrow().merges().get(0).merged();

      PrivacyRequest done = p.privacyRequests().submit(new NewPrivacyRequest(RequestType.ERASURE,
          SubjectRef.of(null, null, null, null, merged.value()), Properties.EMPTY));

      assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
      for (String id : List.of("old-u", "new-u")) {
        assertThat(p.persons().find(new Identifier(IdentifierKind.USER_ID, id))).isEmpty();
      }
      assertThat(p.stores().traitStore().get(survivor).isEmpty()).isTrue();
      assertThat(p.stores().profileStore().get(survivor)).isEmpty();
      assertThat(p.stores().erasureRegister().erasedSince(NOW.minusSeconds(60))).extracting(e -> e.person())
          .containsExactlyInAnyOrder(survivor, merged);
      assertThat(p.persons().find(new Identifier(IdentifierKind.USER_ID, "ben-u"))).isPresent();
      // nothing is left pending but, in a build without event erasure, the events
      assertThat(done.report()).filteredOn(l -> l.outcome() == ReportLine.Outcome.PENDING)
          .extracting(ReportLine::step).isSubsetOf("events");
    }
  }

  @Test
  void anErasureThatFailsHalfWayStaysInProgressAndCompletesWhenRunAgain() throws Exception {
    try (Platform p = open(new MovableClock(NOW))) {
      shop(p);
      AtomicInteger runs = new AtomicInteger();
      ErasureStep flaky = new ErasureStep() {
        @Override
        public String name() {
          return "flaky";
        }

        @Override
        public List<ReportLine> erase(io.shopsense.core.privacy.DataSubject subject) {
          if (runs.incrementAndGet() == 1) {
            throw new IllegalStateException("the disk is full");
          }
          return List.of(new ReportLine("flaky", "somewhere", 0, ReportLine.Outcome.ERASED, ""));
        }
      };
      Stores st = p.stores();
      PrivacyRequestService s = new PrivacyRequestService(st.privacyRequests(), st.identityGraph(), st.traitStore(),
          List.of(), List.of(StoreSteps.traits(st.traitStore()), flaky, StoreSteps.identities(st.identityGraph())),
          ErasureRunner.direct(), PrivacyRequestSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

      assertThatThrownBy(() -> s.submit(new NewPrivacyRequest(RequestType.ERASURE, user("ben-u"), Properties.EMPTY)))
          .hasMessageContaining("disk is full");
      PrivacyRequest stuck = s.list(RequestStatus.IN_PROGRESS, false, null, 10).get(0);
      assertThat(st.traitStore().get(stuck.person()).isEmpty()).isTrue();
      assertThat(p.persons().find(new Identifier(IdentifierKind.USER_ID, "ben-u"))).isPresent();

      PrivacyRequest done = s.process(stuck.id());

      assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
      assertThat(done.subject()).isEqualTo(PrivacyRequest.ERASED_SUBJECT);
      assertThat(p.persons().find(new Identifier(IdentifierKind.USER_ID, "ben-u"))).isEmpty();
      assertThat(done.report()).extracting(ReportLine::step).containsExactly("traits", "flaky", "identities",
          "identities", "identities", "identities");
    }
  }

  @Test
  void anErasedIdentifierSeenAgainMakesANewPersonNotTheErasedOne() throws Exception {
    try (Platform p = open(new MovableClock(NOW))) {
      shop(p);
      PersonId ben = p.persons().find(new Identifier(IdentifierKind.USER_ID, "ben-u")).orElseThrow().id();

      p.privacyRequests().submit(new NewPrivacyRequest(RequestType.ERASURE, user("ben-u"), Properties.EMPTY));
      PlatformFixture.ingest(p, NOW.plusSeconds(5),
          "{'type':'identify','messageId':'m5','anonymousId':'anon-c','userId':'ben-u','traits':{'name':'Ben again'}}");
      awaitPipeline(p);

      // the resolver forgot its cached owners: the identifiers went to a new person, with the new traits only
      var again = p.persons().find(new Identifier(IdentifierKind.USER_ID, "ben-u")).orElseThrow();
      assertThat(again.id()).isNotEqualTo(ben);
      assertThat(again.traits().values()).containsExactly(Map.entry("name", "Ben again"));
      assertThat(p.stores().traitStore().get(ben).isEmpty()).isTrue();
    }
  }
}
