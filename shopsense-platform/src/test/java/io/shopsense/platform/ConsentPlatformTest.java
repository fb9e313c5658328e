package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.collect.QuarantineEntry;
import io.shopsense.api.collect.QuarantineQuery;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.ConsentRecord;
import io.shopsense.api.privacy.ConsentSubject;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.api.profile.ProfileChange;
import io.shopsense.core.collect.BatchOutcome;
import io.shopsense.core.collect.EventOutcome;
import io.shopsense.core.collect.EventOutcome.Status;
import io.shopsense.core.collect.QualityReport;
import io.shopsense.core.consent.ConsentGate;
import io.shopsense.core.consent.ConsentService;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.core.profile.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent enforced where data is used, on a real embedded platform with the shipped defaults (nothing pre-ticked):
 * at collection (withheld, kept, stripped; the consent of the same batch; consent given under an anonymous id before
 * the person exists and after their login), in the check (unknown, withdrawn, refused, latest wins, merges), in the
 * quarantine for bad consent events, and in profiles and segments (a withdrawal exits segments within seconds, also
 * when it was recorded by another process).
 */
class ConsentPlatformTest {
  @TempDir
  Path dir;

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static String consent(String ids, String purposes) {
    return "{'type':'track','event':'Consent Updated'," + ids + ",'properties':{'purposes':{" + purposes + "},"
        + "'notice_version':'2026-05','source':'cookie_banner'}}";
  }

  @Test
  void withholdsBehaviourKeepsTheAccountAndStripsOrdersOfAPersonWithoutAnalyticsConsent() throws Exception {
    try (Platform p = PlatformFixture.open(PlatformFixture.nothingPreTicked(dir))) {
      BatchOutcome out = PlatformFixture.ingest(p, NOW,
          "{'type':'page','anonymousId':'a-1','name':'Home'}",
          "{'type':'track','event':'Product Viewed','anonymousId':'a-1','properties':{'product_id':'p-1'}}",
          "{'type':'track','event':'Wishlist Browsed','anonymousId':'a-1'}",
          "{'type':'identify','anonymousId':'a-1','userId':'u-1','traits':{'name':'Anna'}}",
          "{'type':'track','event':'Order Completed','userId':'u-1','properties':{'order_id':'o-1','revenue':20},"
              + "'context':{'ip':'203.0.113.9','userAgent':'Firefox','locale':'zh-CN','campaign':{'name':'spring'},"
              + "'page':{'referrer':'https://ads.example'},'location':{'city':'Hangzhou'}}}",
          consent("'userId':'u-1'", "'marketing_email':false"));

      assertThat(out.events()).extracting(EventOutcome::status).containsExactly(Status.WITHHELD, Status.WITHHELD,
          Status.WITHHELD, Status.ACCEPTED, Status.ACCEPTED, Status.ACCEPTED);
      assertThat(out.events().get(0).reason()).isEqualTo(ConsentGate.NO_ANALYTICS_CONSENT);
      assertThat(out.events().get(0).seq()).isZero();

      List<StoredEvent> stored = p.stores().eventLog().readAfter(0, 100);
      assertThat(stored).extracting(s -> s.envelope().name()).containsExactly("identify", "Order Completed",
          "Consent Updated");
      JsonNode order = JsonCodec.parse(stored.get(1).envelope().json());
      assertThat(order.get("context").has("locale")).isTrue();
      for (String tracking : List.of("ip", "userAgent", "campaign", "page", "location")) {
        assertThat(order.get("context").has(tracking)).as(tracking).isFalse();
      }
      assertThat(order.at("/properties/order_id").asText()).isEqualTo("o-1");
      String everything = stored.stream().map(s -> new String(s.envelope().json())).reduce("", String::concat);
      assertThat(everything).doesNotContain("203.0.113.9", "Firefox", "Hangzhou", "ads.example", "p-1");

      LocalDate day = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
      QualityReport.Figures total = p.quality().report(day, day).total();
      assertThat(total.withheld()).isEqualTo(3);
      assertThat(total.accepted()).isEqualTo(3);
      assertThat(p.quarantine().list(new QuarantineQuery(null, null, null, 0, 10)).items()).isEmpty();
    }
  }

  @Test
  void consentAppliesToItsWholeBatchBeforeThePersonExistsAndAfterLogin() throws Exception {
    try (Platform p = PlatformFixture.open(PlatformFixture.nothingPreTicked(dir))) {
      // the banner's answer arrives after the first page view, in the same batch
      BatchOutcome first = PlatformFixture.ingest(p, NOW,
          "{'type':'track','event':'Product Viewed','anonymousId':'a-2','properties':{'product_id':'p-1'}}",
          consent("'anonymousId':'a-2'", "'analytics':true"));
      assertThat(first.events()).extracting(EventOutcome::status).containsExactly(Status.ACCEPTED, Status.ACCEPTED);
      // the next batch, before identity has seen the visitor: the anonymous id's own record answers
      assertThat(PlatformFixture.ingest(p, NOW, "{'type':'page','anonymousId':'a-2'}").events().get(0).status())
          .isEqualTo(Status.ACCEPTED);
      // a visitor who did not answer is withheld
      assertThat(PlatformFixture.ingest(p, NOW, "{'type':'page','anonymousId':'a-3'}").events().get(0).status())
          .isEqualTo(Status.WITHHELD);

      PlatformFixture.ingest(p, NOW, "{'type':'identify','anonymousId':'a-2','userId':'u-2'}");
      PlatformFixture.awaitPipeline(p);
      PersonId person = p.stores().identityGraph().personOf(new Identifier(IdentifierKind.USER_ID, "u-2"))
          .orElseThrow();
      assertThat(p.consentCheck().check(person, Purpose.ANALYTICS))
          .isEqualTo(new ConsentDecision.Allowed(Purpose.ANALYTICS, LawfulBasis.CONSENT, false));
      // logged in, on another device: the user id leads to the person, whose anonymous id holds the consent
      assertThat(PlatformFixture.ingest(p, NOW, "{'type':'page','userId':'u-2','anonymousId':'a-9'}").events()
          .get(0).status()).isEqualTo(Status.ACCEPTED);
      assertThat(p.consent().recordsOf(person)).extracting(ConsentRecord::subject)
          .containsExactly(ConsentSubject.of(new Identifier(IdentifierKind.ANONYMOUS_ID, "a-2")));
    }
  }

  @Test
  void consentGivenOnANewDeviceIsTheKnownCustomersOnceTheyLogIn() throws Exception {
    try (Platform p = PlatformFixture.open(PlatformFixture.nothingPreTicked(dir))) {
      PlatformFixture.ingest(p, NOW, "{'type':'identify','userId':'u-10','anonymousId':'a-old'}");
      PlatformFixture.awaitPipeline(p);
      PersonId person = p.stores().identityGraph().personOf(new Identifier(IdentifierKind.USER_ID, "u-10"))
          .orElseThrow();
      assertThat(p.consentCheck().allows(person, Purpose.ANALYTICS)).isFalse(); // now in memory
      PlatformFixture.ingest(p, NOW, consent("'anonymousId':'a-new'", "'analytics':true"));
      PlatformFixture.ingest(p, NOW, "{'type':'identify','userId':'u-10','anonymousId':'a-new'}");
      PlatformFixture.awaitPipeline(p);
      // the new cookie joined the person: its consent is theirs at once, not after the cache's time to live
      assertThat(p.consentCheck().allows(person, Purpose.ANALYTICS)).isTrue();
      assertThat(PlatformFixture.ingest(p, NOW, "{'type':'page','userId':'u-10'}").events().get(0).status())
          .isEqualTo(Status.ACCEPTED);
    }
  }

  @Test
  void nothingIsPreTickedAndTheLatestDecisionWinsAlsoAcrossAMerge() throws Exception {
    try (Platform p = PlatformFixture.open(PlatformFixture.nothingPreTicked(dir))) {
      PlatformFixture.ingest(p, NOW, "{'type':'identify','userId':'u-3'}", "{'type':'identify','userId':'u-4'}");
      PlatformFixture.awaitPipeline(p);
      PersonId u3 = p.stores().identityGraph().personOf(new Identifier(IdentifierKind.USER_ID, "u-3")).orElseThrow();
      PersonId u4 = p.stores().identityGraph().personOf(new Identifier(IdentifierKind.USER_ID, "u-4")).orElseThrow();

      for (Purpose purpose : Purpose.values()) {
        assertThat(p.consentCheck().check(u3, purpose))
            .isEqualTo(new ConsentDecision.Refused(purpose, ConsentDecision.NO_CONSENT_RECORDED));
      }
      record(p, ConsentSubject.of(u3), Map.of(Purpose.MARKETING_EMAIL, true, Purpose.MARKETING_SMS, false));
      assertThat(p.consentCheck().allows(u3, Purpose.MARKETING_EMAIL)).isTrue();
      assertThat(p.consentCheck().check(u3, Purpose.MARKETING_SMS))
          .isEqualTo(new ConsentDecision.Refused(Purpose.MARKETING_SMS, ConsentDecision.CONSENT_REFUSED));
      record(p, new ConsentSubject(ConsentSubject.Kind.USER_ID, "u-3"), Map.of(Purpose.MARKETING_EMAIL, false));
      assertThat(p.consentCheck().check(u3, Purpose.MARKETING_EMAIL))
          .isEqualTo(new ConsentDecision.Refused(Purpose.MARKETING_EMAIL, ConsentDecision.CONSENT_WITHDRAWN));

      // u-4 grants SMS later than u-3 refused it; after the merge the survivor has the latest decision
      Thread.sleep(5);
      record(p, ConsentSubject.of(u4), Map.of(Purpose.MARKETING_SMS, true));
      assertThat(p.consentCheck().allows(u3, Purpose.MARKETING_SMS)).isFalse();
      PlatformFixture.ingest(p, NOW, "{'type':'alias','previousId':'u-3','userId':'u-4'}");
      PlatformFixture.awaitPipeline(p);
      // one of them survives; asked by either id, the answer is the survivor's
      assertThat(p.stores().identityGraph().resolve(u3)).isEqualTo(p.stores().identityGraph().resolve(u4));
      awaitTrue(() -> p.consentCheck().allows(u3, Purpose.MARKETING_SMS));
      assertThat(p.consentCheck().allows(u4, Purpose.MARKETING_SMS)).isTrue();
      assertThat(p.consentCheck().check(u4, Purpose.MARKETING_EMAIL).allowed()).isFalse();
      assertThat(p.consent().recordsOf(u4)).hasSize(4);
      // a page of persons read together (as a campaign's policy asks) answers as each alone, merges included
      p.consentCheck().invalidateAll();
      PersonId stranger = PersonId.of("p-never-seen");
      Map<PersonId, ConsentDecision> sms = p.consentCheck().check(List.of(u3, u4, stranger), Purpose.MARKETING_SMS);
      assertThat(sms.get(u3).allowed()).isTrue();
      assertThat(sms.get(u4).allowed()).isTrue();
      assertThat(sms.get(stranger))
          .isEqualTo(new ConsentDecision.Refused(Purpose.MARKETING_SMS, ConsentDecision.NO_CONSENT_RECORDED));
      p.consentCheck().invalidateAll();
      Map<PersonId, ConsentDecision> email = p.consentCheck().check(List.of(u4, u3), Purpose.MARKETING_EMAIL);
      assertThat(email.get(u3).allowed()).isFalse();
      assertThat(email.get(u4).allowed()).isFalse();

      assertThat(p.consent().erase(u4)).isEqualTo(4);
      assertThat(p.consentCheck().check(u4, Purpose.MARKETING_SMS))
          .isEqualTo(new ConsentDecision.Refused(Purpose.MARKETING_SMS, ConsentDecision.NO_CONSENT_RECORDED));
    }
  }

  @Test
  void aMalformedConsentUpdateIsQuarantinedWithItsReasonAndRecordsNothing() throws Exception {
    try (Platform p = PlatformFixture.open(PlatformFixture.nothingPreTicked(dir))) {
      BatchOutcome out = PlatformFixture.ingest(p, NOW,
          "{'type':'track','event':'Consent Updated','anonymousId':'a-4','properties':{'purposes':"
              + "{'analytics':'yes','fishing':true}}}",
          "{'type':'track','event':'Consent Updated','anonymousId':'a-4','properties':{'purposes':{}}}",
          "{'type':'track','event':'Consent Updated','anonymousId':'a-4'}");

      assertThat(out.events()).extracting(EventOutcome::status).containsOnly(Status.REJECTED);
      assertThat(out.events().get(0).violations()).extracting(v -> v.path()).contains(
          "properties.purposes.analytics", "properties.purposes.fishing", "properties.notice_version");
      assertThat(out.events().get(0).reason()).isEqualTo("invalid_type");
      assertThat(out.events().get(1).reason()).isEqualTo("missing_field");
      assertThat(out.events()).allMatch(e -> e.quarantineId() != null);
      List<QuarantineEntry> entries = p.quarantine().list(new QuarantineQuery(null, null, null, 0, 10)).items();
      assertThat(entries).hasSize(3);
      assertThat(p.stores().consentLedger().latestSeq()).isZero();
      assertThat(p.stores().eventLog().count()).isZero();
    }
  }

  @Test
  void withdrawingPersonalisationTakesThePersonOutOfSegmentsWithinSeconds() throws Exception {
    try (Platform p = PlatformFixture.open(PlatformFixture.nothingPreTicked(dir))) {
      p.segments().save("viewers", "Viewers", null, "count(event = 'Product Viewed', within = 30d) >= 1");
      PlatformFixture.ingest(p, NOW,
          consent("'anonymousId':'a-5'", "'analytics':true,'personalisation':true"),
          consent("'anonymousId':'a-6'", "'analytics':true,'personalisation':false"),
          "{'type':'track','event':'Product Viewed','anonymousId':'a-5','properties':{'product_id':'p-1',"
              + "'category':'outdoor'}}",
          "{'type':'track','event':'Product Viewed','anonymousId':'a-6','properties':{'product_id':'p-1',"
              + "'category':'outdoor'}}");
      PlatformFixture.awaitPipeline(p);
      PersonId a5 = personOf(p, "a-5");
      PersonId a6 = personOf(p, "a-6");
      assertThat(p.segments().members("viewers", null, 10).items()).containsExactly(a5);
      assertThat(p.segments().preview("count(event = 'Product Viewed', within = 30d) >= 1").size()).isEqualTo(1);
      assertThat(p.segments().evaluateAll().get("viewers")).containsExactly(a5);
      Profile personal = p.profiles().find(a5).orElseThrow();
      assertThat(personal.interests()).isNotEmpty();
      assertThat(personal.behaviour().favouriteCategories()).containsExactly("outdoor");
      assertThat(personal.segments()).containsExactly("viewers");
      Profile plain = p.profiles().find(a6).orElseThrow();
      assertThat(plain.interests()).isEmpty();
      assertThat(plain.behaviour().favouriteCategories()).isEmpty();
      assertThat(plain.behaviour().activeHours()).isEmpty();
      assertThat(plain.intent()).isNull();
      assertThat(plain.segments()).isEmpty();
      assertThat(plain.behaviour().views()).isEqualTo(1);

      p.consent().record(new ConsentService.Update(new ConsentSubject(ConsentSubject.Kind.ANONYMOUS_ID, "a-5"),
          Map.of(Purpose.PERSONALISATION, false), LawfulBasis.CONSENT, "preference_centre", "2026-05", "req-1"));
      assertThat(p.profiles().find(a5).orElseThrow().interests()).isEmpty();
      assertThat(p.segments().members("viewers", null, 10).items()).isEmpty();
      awaitTrue(() -> exited(p, a5));
      assertThat(p.stores().segmentStore().segmentsOf(List.of(a5))).isEmpty();

      java.nio.file.Path snapshot = dir.resolve("personalised.txt");
      assertThat(p.writePersonalisedSnapshot(snapshot)).isZero();
      assertThat(java.nio.file.Files.readAllLines(snapshot)).isEmpty();

      // granted again by another process, straight into the shared ledger: the follower brings it back
      p.stores().consentLedger().append(List.of(new ConsentRecord(0, ConsentSubject.of(a5), Purpose.PERSONALISATION,
          true, LawfulBasis.CONSENT, "other_node", "2026-05", Instant.now().plusSeconds(1), "req-2")));
      awaitTrue(() -> p.stores().segmentStore().segmentsOf(List.of(a5)).getOrDefault(a5, java.util.Set.of())
          .contains("viewers"));
      assertThat(p.profiles().find(a5).orElseThrow().interests()).isNotEmpty();
      assertThat(p.writePersonalisedSnapshot(snapshot)).isEqualTo(1);
      assertThat(java.nio.file.Files.readAllLines(snapshot)).containsExactly(a5.value());
    }
  }

  private static boolean exited(Platform p, PersonId person) {
    return p.stores().profileChanges().of(person, 10).stream()
        .anyMatch(c -> c.kind() == ProfileChange.Kind.SEGMENT_EXITED && "viewers".equals(c.from()));
  }

  private static PersonId personOf(Platform p, String anonymousId) {
    return p.stores().identityGraph().personOf(new Identifier(IdentifierKind.ANONYMOUS_ID, anonymousId))
        .orElseThrow();
  }

  private static void record(Platform p, ConsentSubject subject, Map<Purpose, Boolean> purposes) {
    p.consent().record(new ConsentService.Update(subject, purposes, LawfulBasis.CONSENT, "test", "2026-05",
        "req-" + System.nanoTime()));
  }

  /** Waits up to 5 s (the "within seconds" of the brief) for the condition. */
  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 5 seconds");
      }
      Thread.sleep(20);
    }
  }
}
