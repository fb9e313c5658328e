package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.campaign.ContactPreferences;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.DeliveryStatus;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.journey.SendSpec;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.offer.TemplateLocale;
import io.shopsense.api.privacy.ConsentSubject;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.campaign.flow.MessageFlow;
import io.shopsense.core.campaign.flow.SendOutcome;
import io.shopsense.core.campaign.flow.SendRequest;
import io.shopsense.core.campaign.policy.ContactPolicySettings;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.consent.ConsentService;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.platform.campaign.CampaignSettings;
import io.shopsense.platform.campaign.Campaigns;
import io.shopsense.platform.delivery.SmtpSettings;
import io.shopsense.store.contract.delivery.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message flow over the embedded stores, with email going out over real SMTP: quiet hours hold a message until
 * the morning and it goes then; an unsubscribe between queueing and sending stops the message; a step run twice
 * queues one message and counts one contact; a second promotional message over the daily cap is suppressed; and
 * requests that cannot be sent say why.
 */
class MessageFlowTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final PersonId ANNA = PersonId.of("p-anna");
  private static final SendSpec NEWS = new SendSpec("email", "news", "promotional", "news", 10);

  @TempDir
  Path dir;

  private SettableClock clock;
  private Platform platform;
  private Campaigns campaigns;

  @BeforeEach
  void open() {
    // 22:30 in Berlin: inside the default quiet hours (21:00-08:00)
    clock = new SettableClock(ZonedDateTime.of(LocalDate.of(2026, 11, 20), LocalTime.of(22, 30), BERLIN).toInstant());
    PlatformSettings base = PlatformFixture.embedded(dir);
    CampaignSettings cs = base.campaign().withEnabled(false)
        .withPolicy(ContactPolicySettings.defaults().withGlobal(new ContactPolicySettings.Caps(1, 10)))
        .withSmtp(new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), "", "", false, "Shop <news@shop.example>",
            "mail.shop.example", Duration.ofSeconds(2), Duration.ofSeconds(5)));
    platform = Platform.open(base.withCampaign(cs), clock, PersonIds.sequential(), IngestListener.NONE);
    campaigns = platform.campaigns();
    campaigns.stores().templates().save(new MessageTemplate("news", ContentCategory.PROMOTIONAL, TemplateLocale.EN,
        "News{{#person.name}} for {{person.name}}{{/person.name}}", "",
        "New in store. Unsubscribe: {{links.unsubscribe}}"), clock.instant());
    Identifier user = new Identifier(IdentifierKind.USER_ID, "u-anna");
    platform.stores().identityGraph().link(ANNA, user, clock.instant());
    platform.stores().traitStore().set(ANNA, Properties.of(Map.of("email", "anna@customer.example", "name", "Anna",
        "timezone", BERLIN.getId())), clock.instant());
    platform.consent().record(new ConsentService.Update(ConsentSubject.of(user), Map.of(Purpose.MARKETING_EMAIL, true),
        LawfulBasis.CONSENT, "signup", "2026-05", "test"));
  }

  @AfterEach
  void close() {
    platform.close();
  }

  private SendOutcome send(String campaign, Instant due) {
    return campaigns.flow().submit(List.of(SendRequest.at(DeliveryKey.campaign(campaign, ANNA), NEWS, due, null)))
        .get(0);
  }

  @Test
  void quietHoursHoldAMessageUntilTheMorningWhenItGoes() {
    SendOutcome held = send("autumn", clock.instant());
    Instant eight = ZonedDateTime.of(LocalDate.of(2026, 11, 21), LocalTime.of(8, 0), BERLIN).toInstant();
    assertThat(held).isInstanceOfSatisfying(SendOutcome.Held.class, h -> {
      assertThat(h.rule()).isEqualTo("quiet_hours");
      assertThat(h.until()).isEqualTo(eight);
    });
    assertThat(campaigns.dispatchNow().delivered()).as("not before the morning").isZero();
    assertThat(SMTP.getReceivedMessages()).isEmpty();

    clock.advance(Duration.between(clock.instant(), eight).plusMinutes(1));
    assertThat(campaigns.dispatchNow().delivered()).isEqualTo(1);
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(campaigns.stores().contactLog().histories(List.of(ANNA), eight.minusSeconds(60)).get(ANNA).recent())
        .as("its contact counts from when it went").hasSize(1);
  }

  @Test
  void anUnsubscribeBetweenQueueingAndSendingStopsTheMessage() {
    clock.advance(Duration.ofHours(11)); // 09:30 in Berlin
    assertThat(send("autumn", clock.instant().plus(Duration.ofHours(2)))).isInstanceOf(SendOutcome.Queued.class);
    campaigns.stores().blocks().add(new ContactBlock(ANNA, ContactBlock.Kind.UNSUBSCRIBED, ContactBlock.Scope.ALL, "",
        "unsubscribe-link", clock.instant()));
    clock.advance(Duration.ofHours(3));
    campaigns.dispatchNow();
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(campaigns.stores().outbox().find(DeliveryKey.campaign("autumn", ANNA))).hasValueSatisfying(e -> {
      assertThat(e.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(e.detail()).contains("unsubscribed");
    });
  }

  @Test
  void aPlanWritesNothingUntilItIsWrittenAndThenAllOfItAtOnce() {
    // 22:30 in Berlin: the message is held by quiet hours (a suppression record and an outbox row, no contact)
    List<SendRequest> requests = List.of(SendRequest.at(DeliveryKey.campaign("autumn", ANNA), NEWS, clock.instant(),
        null));
    MessageFlow.Plan plan = campaigns.flow().plan(requests, campaigns.flow().recipients().lookup(List.of(ANNA),
        false));
    assertThat(plan.outcomes()).singleElement().isInstanceOf(SendOutcome.Held.class);
    assertThat(campaigns.stores().outbox().find(DeliveryKey.campaign("autumn", ANNA))).isEmpty();
    assertThat(campaigns.stores().suppressions().of(ANNA, 10)).isEmpty();

    assertThat(campaigns.flow().write(plan)).isEqualTo(plan.outcomes());
    assertThat(campaigns.stores().outbox().find(DeliveryKey.campaign("autumn", ANNA))).isPresent();
    assertThat(campaigns.stores().suppressions().of(ANNA, 10)).singleElement()
        .satisfies(s -> assertThat(s.rule()).isEqualTo("quiet_hours"));
  }

  @Test
  void anUnsubscribeFollowsThePersonIntoTheSurvivorOfAMerge() {
    clock.advance(Duration.ofHours(11)); // 09:30 in Berlin
    // Anna unsubscribed as she was; she then logs in on a new device, and the new person survives the merge
    PersonId device = PersonId.of("p-anna-tablet");
    platform.stores().identityGraph().link(device, new Identifier(IdentifierKind.ANONYMOUS_ID, "tablet-1"),
        clock.instant());
    platform.stores().traitStore().set(device, Properties.of(Map.of("email", "anna@customer.example",
        "timezone", BERLIN.getId())), clock.instant());
    campaigns.stores().blocks().add(ContactBlock.all(ANNA, ContactBlock.Kind.UNSUBSCRIBED, "unsubscribe-link",
        clock.instant()));
    platform.stores().identityGraph().merge(device, ANNA, "identify", null, clock.instant());
    platform.consentCheck().invalidateAll();
    assertThat(platform.consentCheck().allows(device, Purpose.MARKETING_EMAIL)).as("her consent came along").isTrue();

    SendOutcome outcome = campaigns.flow().submit(List.of(SendRequest.at(DeliveryKey.campaign("autumn", device), NEWS,
        clock.instant(), null))).get(0);

    assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Suppressed.class,
        s -> assertThat(s.rule()).isEqualTo("unsubscribed"));
    assertThat(campaigns.stores().outbox().find(DeliveryKey.campaign("autumn", device))).isEmpty();
  }

  @Test
  void mutedTopicsFollowThePersonIntoTheSurvivorOfAMerge() {
    clock.advance(Duration.ofHours(11)); // 09:30 in Berlin
    PersonId device = PersonId.of("p-anna-phone");
    platform.stores().identityGraph().link(device, new Identifier(IdentifierKind.ANONYMOUS_ID, "phone-1"),
        clock.instant());
    platform.stores().traitStore().set(device, Properties.of(Map.of("email", "anna@customer.example",
        "timezone", BERLIN.getId())), clock.instant());
    // Anna muted the news in the preference centre as she was; the new person has no choices of its own
    campaigns.stores().preferences().save(new ContactPreferences(ANNA, Set.of(), Set.of("news"),
        ContactPreferences.Frequency.ANY, clock.instant()));
    platform.stores().identityGraph().merge(device, ANNA, "identify", null, clock.instant());
    platform.consentCheck().invalidateAll();

    SendOutcome outcome = campaigns.flow().submit(List.of(SendRequest.at(DeliveryKey.campaign("autumn", device), NEWS,
        clock.instant(), null))).get(0);

    assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Suppressed.class,
        s -> assertThat(s.rule()).isEqualTo("preferences"));
  }

  @Test
  void aStepRunTwiceQueuesOneMessageAndTheDailyCapStopsASecondOne() {
    clock.advance(Duration.ofHours(11)); // 09:30 in Berlin
    assertThat(send("autumn", clock.instant())).isInstanceOf(SendOutcome.Queued.class);
    assertThat(send("autumn", clock.instant())).as("the same key again: still the one message, not over the cap")
        .isInstanceOf(SendOutcome.Queued.class);
    assertThat(send("winter", clock.instant())).as("a second promotional message today, over the cap of 1")
        .isInstanceOfSatisfying(SendOutcome.Suppressed.class, s -> assertThat(s.rule()).isEqualTo("frequency_cap"));
    assertThat(campaigns.dispatchNow().delivered()).isEqualTo(1);
    assertThat(campaigns.dispatchNow().claimed()).isZero();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(campaigns.stores().suppressions().of(ANNA, 10)).extracting(m -> m.messageKey())
        .containsExactly(DeliveryKey.campaign("winter", ANNA).value());
  }

  @Test
  void requestsThatCannotBeSentSayWhy() {
    clock.advance(Duration.ofHours(11));
    SendOutcome noTemplate = campaigns.flow().submit(List.of(SendRequest.at(DeliveryKey.campaign("x", ANNA),
        new SendSpec("email", "missing", "promotional", null, 0), clock.instant(), null))).get(0);
    assertThat(noTemplate).isInstanceOfSatisfying(SendOutcome.Unsendable.class,
        u -> assertThat(u.reason()).contains("no template 'missing'"));
    SendOutcome noPhone = campaigns.flow().submit(List.of(SendRequest.at(DeliveryKey.campaign("y", ANNA),
        new SendSpec("sms", "news", "promotional", null, 0), clock.instant(), null))).get(0);
    assertThat(noPhone).isInstanceOfSatisfying(SendOutcome.Unsendable.class,
        u -> assertThat(u.reason()).contains("no sms channel is configured"));
    SendOutcome nobody = campaigns.flow().submit(List.of(SendRequest.at(DeliveryKey.campaign("z",
        PersonId.of("p-nobody")), NEWS, clock.instant(), null))).get(0);
    assertThat(nobody).isInstanceOf(SendOutcome.Unsendable.class);
  }
}
