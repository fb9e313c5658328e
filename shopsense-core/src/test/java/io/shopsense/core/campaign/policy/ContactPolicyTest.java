package io.shopsense.core.campaign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.campaign.ContactPreferences;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.campaign.MessageSuppressed;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule of the contact-pressure policy, proven by a case that the rule alone decides. */
class ContactPolicyTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final PersonId ANN = PersonId.of("ann");
  private static final PersonId BOB = PersonId.of("bob");
  /** Monday 2026-11-23 12:00 UTC: 13:00 in Berlin, 20:00 in Shanghai. */
  private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

  private final MemoryContactStores stores = new MemoryContactStores();
  private int seq;

  private ContactPolicy policy(ContactPolicySettings settings, Instant now) {
    return new ContactPolicy(stores, stores, stores, stores, stores, settings, Clock.fixed(now, UTC));
  }

  /** Defaults without quiet hours, so that the rule under test is the only one answering. */
  private static ContactPolicySettings noQuiet() {
    return ContactPolicySettings.defaults().withQuietHours(QuietHours.none());
  }

  private Candidate promo(PersonId p, Channel channel, ZoneId zone) {
    return message(p, channel, ContentCategory.PROMOTIONAL, "", 0, zone);
  }

  private Candidate message(PersonId p, Channel channel, ContentCategory category, String topic, int priority,
      ZoneId zone) {
    return Candidate.forCampaign("c" + (++seq), p, channel, category, topic, priority, zone);
  }

  private void sent(PersonId p, Channel channel, ContentCategory category, Instant at) {
    stores.record(List.of(Contact.sent(p, "old-" + (++seq), channel, category, "", 0, at)));
  }

  @Test
  void rejectsPromotionalMessagesWithoutConsentForTheChannel() {
    stores.grant(ANN, Purpose.MARKETING_EMAIL);
    stores.withdraw(BOB, Purpose.MARKETING_EMAIL);
    ContactPolicy policy = policy(noQuiet(), NOON);

    assertThat(policy.check(promo(ANN, Channel.EMAIL, UTC))).isEqualTo(Verdict.ALLOW);
    assertThat(policy.check(promo(ANN, Channel.SMS, UTC)))
        .isInstanceOfSatisfying(Verdict.Reject.class, r -> {
          assertThat(r.rule()).isEqualTo("consent");
          assertThat(r.reason()).startsWith("no_consent_recorded").contains("marketing_sms");
        });
    assertThat(policy.check(promo(BOB, Channel.EMAIL, UTC)))
        .isInstanceOfSatisfying(Verdict.Reject.class, r -> assertThat(r.reason()).startsWith("consent_withdrawn"));
  }

  @Test
  void transactionalMessagesAreExemptFromCapsButNotFromConsentWhereItIsRequired() {
    stores.grant(ANN, Purpose.MARKETING_EMAIL);
    for (int i = 0; i < 3; i++) {
      sent(ANN, Channel.EMAIL, ContentCategory.PROMOTIONAL, NOON.minusSeconds(3600 + i));
    }
    ContactPolicy policy = policy(noQuiet(), NOON);

    assertThat(policy.check(promo(ANN, Channel.EMAIL, UTC))).isInstanceOf(Verdict.Reject.class);
    assertThat(policy.check(message(ANN, Channel.EMAIL, ContentCategory.TRANSACTIONAL, "", 0, UTC)))
        .isEqualTo(Verdict.ALLOW);
    // push needs an opt-in for any message: no marketing_push consent, so not even an order update goes by push
    assertThat(policy.check(message(ANN, Channel.PUSH, ContentCategory.TRANSACTIONAL, "", 0, UTC)))
        .isInstanceOfSatisfying(Verdict.Reject.class, r -> assertThat(r.rule()).isEqualTo("consent"));
    // a service email needs no marketing consent
    assertThat(policy.check(message(BOB, Channel.EMAIL, ContentCategory.SERVICE, "", 0, UTC)))
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void decidingRecordsNothingUntilTheCallerRecordsTheSuppressions() {
    stores.grant(ANN, Purpose.MARKETING_EMAIL);
    ContactPolicy policy = policy(noQuiet(), NOON);
    List<Candidate> batch = List.of(promo(ANN, Channel.EMAIL, UTC), promo(BOB, Channel.EMAIL, UTC));

    ContactPolicy.Decisions d = policy.decideAll(batch);

    assertThat(d.verdicts().get(0)).isEqualTo(Verdict.ALLOW);
    assertThat(d.verdicts().get(1)).isInstanceOf(Verdict.Reject.class);
    assertThat(d.suppressed()).singleElement().satisfies(s -> {
      assertThat(s.person()).isEqualTo(BOB);
      assertThat(s.rule()).isEqualTo("consent");
    });
    assertThat(stores.suppressed).as("deciding only reads").isEmpty();
    policy.record(d.suppressed());
    assertThat(stores.suppressed).isEqualTo(d.suppressed());
    assertThat(policy.checkAll(batch).get(1)).isInstanceOf(Verdict.Reject.class);
    assertThat(stores.suppressed).as("a check records its own").hasSize(2);
  }

  @Test
  void rejectsTheFourthPromotionalEmailOfTheDay() {
    stores.grant(ANN, Purpose.MARKETING_EMAIL);
    ContactPolicy policy = policy(noQuiet(), NOON);
    List<Candidate> four = List.of(promo(ANN, Channel.EMAIL, UTC), promo(ANN, Channel.EMAIL, UTC),
        promo(ANN, Channel.EMAIL, UTC), promo(ANN, Channel.EMAIL, UTC));

    List<Verdict> verdicts = policy.checkAll(four);

    assertThat(verdicts.subList(0, 3)).containsOnly(Verdict.ALLOW);
    assertThat(verdicts.get(3)).isInstanceOfSatisfying(Verdict.Reject.class, r -> {
      assertThat(r.rule()).isEqualTo("frequency_cap");
      assertThat(r.reason()).contains("3 promotional messages on all channels today (cap 3");
    });
  }

  @Test
  void countsTheDayInThePersonsTimeZone() {
    stores.grant(ANN, Purpose.MARKETING_EMAIL);
    stores.grant(BOB, Purpose.MARKETING_EMAIL);
    // three emails each at 15:00 UTC on Monday: 23:00 Monday in Shanghai
    for (PersonId p : List.of(ANN, BOB)) {
      for (int i = 0; i < 3; i++) {
        sent(p, Channel.EMAIL, ContentCategory.PROMOTIONAL, Instant.parse("2026-11-23T15:00:00Z").plusSeconds(i));
      }
    }
    // 17:00 UTC: still Monday in UTC, already Tuesday 01:00 in Shanghai
    ContactPolicy policy = policy(noQuiet(), Instant.parse("2026-11-23T17:00:00Z"));

    assertThat(policy.check(promo(ANN, Channel.EMAIL, UTC)))
        .isInstanceOfSatisfying(Verdict.Reject.class, r -> assertThat(r.rule()).isEqualTo("frequency_cap"));
    assertThat(policy.check(promo(BOB, Channel.EMAIL, SHANGHAI))).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void capsEachChannelOnItsOwn() {
    stores.grant(ANN, Purpose.MARKETING_SMS, Purpose.MARKETING_EMAIL);
    sent(ANN, Channel.SMS, ContentCategory.PROMOTIONAL, NOON.minusSeconds(60));
    ContactPolicy monday = policy(noQuiet(), NOON);
    assertThat(monday.check(promo(ANN, Channel.SMS, UTC)))
        .isInstanceOfSatisfying(Verdict.Reject.class, r -> assertThat(r.reason()).contains("on sms today (cap 1"));
    assertThat(monday.check(promo(ANN, Channel.EMAIL, UTC))).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void refusesAWeeklyCapBelowTheDailyCap() {
    assertThatThrownBy(() -> new ContactPolicySettings.Caps(10, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("below the daily cap");
  }

  @Test
  void rejectsOnceTheWeeklyCapIsReachedAndCountsFromTheLocalWeekStart() {
    stores.grant(BOB, Purpose.MARKETING_EMAIL, Purpose.MARKETING_IN_APP);
    ContactPolicySettings settings = noQuiet().withGlobal(new ContactPolicySettings.Caps(3, 4))
        .withFatigue(50, Duration.ofDays(7));
    sent(BOB, Channel.EMAIL, ContentCategory.PROMOTIONAL, Instant.parse("2026-11-22T12:00:00Z")); // Sunday: last week
    Instant wednesday = Instant.parse("2026-11-25T12:00:00Z");
    for (int i = 0; i < 4; i++) {
      sent(BOB, Channel.IN_APP, ContentCategory.PROMOTIONAL, wednesday.minus(Duration.ofDays(2)).plusSeconds(i));
    }
    assertThat(policy(settings, wednesday).check(promo(BOB, Channel.EMAIL, UTC)))
        .isInstanceOfSatisfying(Verdict.Reject.class, r -> assertThat(r.reason()).contains("this week (cap 4"));
    assertThat(policy(settings, Instant.parse("2026-11-30T12:00:00Z")).check(promo(BOB, Channel.EMAIL, UTC)))
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void holdsPromotionalMessagesInQuietHoursUntilTheWindowEndsLocally() {
    stores.grant(ANN, Purpose.MARKETING_EMAIL, Purpose.MARKETING_IN_APP);
    // 21:30 UTC = 22:30 in Berlin
    ContactPolicy evening = policy(ContactPolicySettings.defaults(), Instant.parse("2026-11-23T21:30:00Z"));

    assertThat(evening.check(promo(ANN, Channel.EMAIL, BERLIN))).isInstanceOfSatisfying(Verdict.Hold.class, h -> {
      assertThat(h.rule()).isEqualTo("quiet_hours");
      assertThat(h.until()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z")); // 08:00 in Berlin
    });
    // 05:00 UTC = 06:00 in Berlin: held until 08:00 the same day; 13:00 in Shanghai: goes
    ContactPolicy early = policy(ContactPolicySettings.defaults(), Instant.parse("2026-11-24T05:00:00Z"));
    assertThat(early.check(promo(ANN, Channel.EMAIL, BERLIN))).isInstanceOfSatisfying(Verdict.Hold.class,
        h -> assertThat(h.until()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z")));
    assertThat(early.check(promo(ANN, Channel.EMAIL, SHANGHAI))).isEqualTo(Verdict.ALLOW);
    // transactional messages and the in-app inbox are not held
    assertThat(evening.check(message(ANN, Channel.EMAIL, ContentCategory.TRANSACTIONAL, "", 0, BERLIN)))
        .isEqualTo(Verdict.ALLOW);
    assertThat(evening.check(promo(ANN, Channel.IN_APP, BERLIN))).isEqualTo(Verdict.ALLOW);
    // a hold is recorded with its release time
    assertThat(stores.suppressed).filteredOn(MessageSuppressed::held).first()
        .satisfies(s -> assertThat(s.heldUntil()).contains(Instant.parse("2026-11-24T07:00:00Z")));
  }

  @Test
  void followsThePersonsPreferences() {
    stores.grant(ANN, Purpose.MARKETING_EMAIL, Purpose.MARKETING_SMS);
    stores.save(new ContactPreferences(ANN, EnumSet.of(Channel.EMAIL), Set.of("kids"),
        ContactPreferences.Frequency.DAILY, NOON.minusSeconds(86_400)));
    ContactPolicy policy = policy(noQuiet(), NOON);

    assertThat(policy.check(promo(ANN, Channel.SMS, UTC))).isInstanceOfSatisfying(Verdict.Reject.class, r -> {
      assertThat(r.rule()).isEqualTo("preferences");
      assertThat(r.reason()).contains("channel sms");
    });
    assertThat(policy.check(message(ANN, Channel.EMAIL, ContentCategory.PROMOTIONAL, "kids", 0, UTC)))
        .isInstanceOfSatisfying(Verdict.Reject.class, r -> assertThat(r.reason()).contains("topic kids muted"));
    List<Verdict> two = policy.checkAll(List.of(promo(ANN, Channel.EMAIL, UTC), promo(ANN, Channel.EMAIL, UTC)));
    assertThat(two.get(0)).isEqualTo(Verdict.ALLOW);
    assertThat(two.get(1)).isInstanceOfSatisfying(Verdict.Reject.class,
        r -> assertThat(r.reason()).contains("at most one promotional message a day"));
    // an order confirmation ignores preferences
    assertThat(policy.check(message(ANN, Channel.SMS, ContentCategory.TRANSACTIONAL, "kids", 0, UTC)))
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void theHigherPriorityMessageWinsTheDayAndTheLowerWaits() {
    stores.grant(ANN, Purpose.MARKETING_EMAIL);
    ContactPolicy policy = policy(ContactPolicySettings.defaults(), NOON);
    Candidate low = message(ANN, Channel.EMAIL, ContentCategory.PROMOTIONAL, "", 1, BERLIN);
    Candidate high = message(ANN, Channel.EMAIL, ContentCategory.PROMOTIONAL, "", 5, BERLIN);

    List<Verdict> verdicts = policy.checkAll(List.of(low, high)); // the low one comes first, the high one wins

    assertThat(verdicts.get(1)).isEqualTo(Verdict.ALLOW);
    assertThat(verdicts.get(0)).isInstanceOfSatisfying(Verdict.Hold.class, h -> {
      assertThat(h.rule()).isEqualTo("priority");
      assertThat(h.reason()).contains(high.messageKey());
      assertThat(h.until()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z")); // next day, after quiet hours
    });
  }

  @Test
  void aLowerPriorityMessageIsDroppedWhenTheSettingsSaySo() {
    stores.grant(BOB, Purpose.MARKETING_EMAIL);
    stores.record(List.of(Contact.sent(BOB, "campaign:vip:bob", Channel.EMAIL, ContentCategory.PROMOTIONAL, "", 9,
        NOON.minusSeconds(600))));
    ContactPolicy dropping = policy(noQuiet().withCompetition(ContactPolicySettings.Competition.DROP), NOON);

    assertThat(dropping.check(message(BOB, Channel.EMAIL, ContentCategory.PROMOTIONAL, "", 3, UTC)))
        .isInstanceOfSatisfying(Verdict.Reject.class, r -> {
          assertThat(r.rule()).isEqualTo("priority");
          assertThat(r.reason()).contains("campaign:vip:bob");
        });
    assertThat(dropping.check(message(BOB, Channel.EMAIL, ContentCategory.PROMOTIONAL, "", 9, UTC)))
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void backsOffAfterUnopenedMessagesUntilAnOpen() {
    stores.grant(ANN, Purpose.MARKETING_EMAIL);
    ContactPolicySettings settings = noQuiet().withFatigue(3, Duration.ofDays(7));
    for (int day = 10; day >= 2; day -= 4) { // 10, 6 and 2 days ago: three unopened in a row
      stores.record(List.of(Contact.sent(ANN, "m" + day, Channel.EMAIL, ContentCategory.PROMOTIONAL, "", 0,
          NOON.minus(Duration.ofDays(day)))));
    }
    ContactPolicy policy = policy(settings, NOON);

    assertThat(policy.check(promo(ANN, Channel.EMAIL, UTC))).isInstanceOfSatisfying(Verdict.Reject.class, r -> {
      assertThat(r.rule()).isEqualTo("fatigue");
      assertThat(r.reason()).startsWith("3 promotional messages unopened in a row");
    });
    // eight days after the last one, one more may go
    assertThat(policy(settings, NOON.plus(Duration.ofDays(6))).check(promo(ANN, Channel.EMAIL, UTC)))
        .isEqualTo(Verdict.ALLOW);
    // an open resets the streak
    assertThat(stores.markOpened("m2", NOON.minusSeconds(60))).isTrue();
    assertThat(policy.check(promo(ANN, Channel.EMAIL, UTC))).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void unsubscribesStopPromotionsAndDoNotContactStopsEverything() {
    stores.grant(ANN, Purpose.MARKETING_EMAIL, Purpose.MARKETING_SMS);
    stores.grant(BOB, Purpose.MARKETING_EMAIL);
    stores.add(ContactBlock.channel(ANN, ContactBlock.Kind.UNSUBSCRIBED, Channel.EMAIL, "unsubscribe-link", NOON));
    stores.add(ContactBlock.all(BOB, ContactBlock.Kind.DO_NOT_CONTACT, "complaint", NOON));
    ContactPolicy policy = policy(noQuiet(), NOON.plusSeconds(1));

    assertThat(policy.check(promo(ANN, Channel.EMAIL, UTC))).isInstanceOfSatisfying(Verdict.Reject.class,
        r -> assertThat(r.rule()).isEqualTo("unsubscribed"));
    assertThat(policy.check(promo(ANN, Channel.SMS, UTC))).isEqualTo(Verdict.ALLOW);
    assertThat(policy.check(message(ANN, Channel.EMAIL, ContentCategory.TRANSACTIONAL, "", 0, UTC)))
        .isEqualTo(Verdict.ALLOW);
    assertThat(policy.check(message(BOB, Channel.EMAIL, ContentCategory.TRANSACTIONAL, "", 0, UTC)))
        .isInstanceOfSatisfying(Verdict.Reject.class, r -> {
          assertThat(r.rule()).isEqualTo("do_not_contact");
          assertThat(r.reason()).contains("complaint");
        });
  }

  @Test
  void recordsEveryRejectionWithItsRuleAndReason() {
    ContactPolicy policy = policy(noQuiet(), NOON);
    Candidate c = promo(ANN, Channel.EMAIL, UTC);

    policy.check(c);

    assertThat(stores.suppressed).singleElement().satisfies(s -> {
      assertThat(s.person()).isEqualTo(ANN);
      assertThat(s.messageKey()).isEqualTo(c.messageKey()).startsWith("campaign:");
      assertThat(s.rule()).isEqualTo("consent");
      assertThat(s.reason()).startsWith("no_consent_recorded");
      assertThat(s.at()).isEqualTo(NOON);
      assertThat(s.held()).isFalse();
    });
  }

  @Test
  void readsTheStoresOncePerBatchOfPersons() {
    List<Candidate> audience = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      PersonId p = PersonId.of("p" + i);
      stores.grant(p, Purpose.MARKETING_EMAIL);
      audience.add(Candidate.forCampaign("sale", p, Channel.EMAIL, ContentCategory.PROMOTIONAL, "", 0, UTC));
      audience.add(Candidate.forJourneyStep("welcome", "s1", p, Channel.EMAIL, ContentCategory.PROMOTIONAL, "", 0,
          UTC));
    }
    ContactPolicy policy = policy(noQuiet().withBatchPersons(1_000), NOON);

    List<Verdict> verdicts = policy.checkAll(audience);

    assertThat(verdicts).hasSize(10_000).containsOnly(Verdict.ALLOW);
    assertThat(stores.historyReads).isEqualTo(5);
    assertThat(stores.consentReads).isEqualTo(5);
  }

  @Test
  void listsItsRulesInTheDocumentedOrder() {
    assertThat(policy(noQuiet(), NOON).ruleOrder()).containsExactly("consent", "unsubscribed", "quiet_hours",
        "preferences", "priority", "frequency_cap", "fatigue");
  }

  @Test
  void refusesSettingsThatWouldSendPromotionsWithoutConsent() {
    ContactPolicySettings d = ContactPolicySettings.defaults();
    var consent = new java.util.EnumMap<>(d.consentRequired());
    consent.put(ContentCategory.PROMOTIONAL, EnumSet.of(Channel.EMAIL));
    assertThatThrownBy(() -> new ContactPolicySettings(d.global(), d.perChannel(), d.quietHours(), d.quietChannels(),
        consent, d.weekStart(), d.fatigueAfter(), d.fatigueBackoff(), d.competition(), d.batchPersons()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consent on every channel");
    assertThatThrownBy(() -> d.withFatigue(0, Duration.ofDays(7))).hasMessageContaining("fatigue");
    assertThat(d.quietHours()).isEqualTo(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
  }
}
