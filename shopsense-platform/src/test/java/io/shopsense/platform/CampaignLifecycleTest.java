package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.DeliveryStatus;
import io.shopsense.api.delivery.Engagement;
import io.shopsense.api.delivery.StepReport;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.journey.Enrolment;
import io.shopsense.api.privacy.ConsentSubject;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.consent.ConsentService;
import io.shopsense.core.campaign.policy.QuietHours;
import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import io.shopsense.platform.campaign.Campaigns;
import io.shopsense.platform.delivery.SmtpSettings;
import io.shopsense.store.contract.delivery.SettableClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ready-made lifecycle journeys end to end on the demo shop: events in, profiles and lifecycle stages, journey
 * enrolments from stage changes and events, the contact-pressure policy, the email channel in a real SMTP
 * conversation (GreenMail) and the in-app inbox, then tracked outcomes — an open, a conversion credited to the last
 * message — and exactly once however often the scheduler and the dispatcher run again.
 */
class CampaignLifecycleTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  @TempDir
  Path dir;

  @Test
  void theReadyMadeJourneysRunEndToEndOnTheDemoShop() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10));
    SettableClock clock = new SettableClock(start);
    try (Platform p = PlatformFixture.openOnClock(dir, clock, c -> c
        .withPolicy(c.policy().withQuietHours(QuietHours.none()))
        .withSmtp(new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), "", "", false, "Shop <news@shop.example>",
            "mail.shop.example", Duration.ofSeconds(2), Duration.ofSeconds(5))))) {
      Campaigns campaigns = p.campaigns();
      campaigns.installReadyMade(true);

      // the demo shop's history: lifecycle stages for a few hundred people, some with marketing consent
      DemoShop shop = DemoShop.of(DemoSettings.of(11, 5_000, start));
      List<IncomingEvent> batch = new ArrayList<>();
      shop.events().forEach(e -> batch.add(IncomingEvent.of(e, "demo")));
      p.ingestor().ingest(batch, IngestRequest.live(SourceId.of("shop"), start));
      // and one shopper of today, who consented to marketing email, leaving a product in the cart
      PlatformFixture.ingest(p, start,
          "{'type':'identify','userId':'u-cart','traits':{'email':'cart@customer.example','name':'Carla',"
              + "'timezone':'Europe/Berlin'},'timestamp':'" + start + "'}");
      PlatformFixture.awaitPipeline(p);
      PersonId carla = p.persons().find(new Identifier(IdentifierKind.USER_ID, "u-cart")).orElseThrow().id();
      p.consent().record(new ConsentService.Update(ConsentSubject.of(new Identifier(IdentifierKind.USER_ID,
          "u-cart")), Map.of(Purpose.MARKETING_EMAIL, true), LawfulBasis.CONSENT, "signup", "2026-05", "test"));
      PlatformFixture.ingest(p, start,
          "{'type':'track','event':'Product Added','userId':'u-cart','timestamp':'" + start + "',"
              + "'properties':{'product_id':'tea','price':12.5}}");
      PlatformFixture.awaitPipeline(p);
      p.profileConsumer().requestRefresh().get(2, TimeUnit.MINUTES);

      // stage changes become enrolments; the first steps send at once
      Campaigns.TickReport first = campaigns.tick();
      assertThat(first.signals()).as("profile changes followed").isPositive();
      Set<String> enrolled = new HashSet<>();
      for (String journey : io.shopsense.core.campaign.journey.ReadyMadeJourneys.NAMES) {
        Map<Enrolment.Status, Long> counts = campaigns.stores().journeys().countByStatus(journey);
        if (counts.values().stream().mapToLong(Long::longValue).sum() > 0) {
          enrolled.add(journey);
        }
      }
      assertThat(enrolled).as("lifecycle journeys with enrolments").contains("cart-abandonment")
          .hasSizeGreaterThanOrEqualTo(3);
      assertThat(campaigns.dispatchNow().delivered()).isPositive();
      int mails = SMTP.getReceivedMessages().length;
      assertThat(mails).as("emails over SMTP").isPositive();
      for (MimeMessage m : SMTP.getReceivedMessages()) {
        assertThat(m.getMessageID()).endsWith("@mail.shop.example>");
      }
      // an hour later the cart reminder goes to Carla, through the policy, over SMTP, with an unsubscribe header
      clock.advance(Duration.ofMinutes(61));
      campaigns.tick();
      campaigns.dispatchNow();
      DeliveryKey reminder = new DeliveryKey("journey:cart-abandonment", "reminder", carla);
      assertThat(campaigns.stores().outbox().find(reminder)).hasValueSatisfying(
          e -> assertThat(e.status()).isEqualTo(DeliveryStatus.DELIVERED));
      MimeMessage toCarla = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).equals(
          "cart@customer.example")).findFirst().orElseThrow();
      assertThat(toCarla.getMessageID()).isEqualTo("<" + reminder.idempotencyKey() + "@mail.shop.example>");
      assertThat(toCarla.getHeader("List-Unsubscribe", null)).contains("/s/u?t=");

      // she opens it and orders: the order is credited to the reminder, and ends her cart journey
      assertThat(campaigns.stores().outbox().track(reminder, Engagement.OPENED, clock.instant())).isTrue();
      clock.advance(Duration.ofMinutes(5));
      PlatformFixture.ingest(p, clock.instant(),
          "{'type':'track','event':'Order Completed','userId':'u-cart','timestamp':'" + clock.instant() + "',"
              + "'properties':{'order_id':'o-carla','revenue':25,'products':[{'product_id':'tea','quantity':2}]}}");
      PlatformFixture.awaitPipeline(p);
      StepReport step = campaigns.stores().outbox().report("journey:cart-abandonment").stream()
          .filter(r -> r.step().equals("reminder")).findFirst().orElseThrow();
      assertThat(step.opened()).isEqualTo(1);
      assertThat(step.converted()).isEqualTo(1);
      assertThat(step.revenue()).isEqualByComparingTo("25");
      assertThat(campaigns.stores().journeys().enrolments("cart-abandonment", carla)).singleElement()
          .satisfies(e -> assertThat(e.status()).isEqualTo(Enrolment.Status.EXITED));

      // a day later the first-order incentive goes to the potential customers: a coupon each, and the offer on a
      // channel each has consented to; those who consented to none get nothing, with the reason recorded
      clock.advance(Duration.ofDays(1));
      campaigns.tick();
      campaigns.dispatchNow();
      assertThat(campaigns.stores().coupons().usage("first-order").granted()).isPositive();
      Map<String, Long> byRule = campaigns.stores().suppressions().countByRule(start, clock.instant().plusSeconds(1));
      assertThat(byRule).as("people without marketing consent got no promotional message").containsKey("unsendable");
      assertThat(campaigns.stores().outbox().report("journey:first-order-incentive")).filteredOn(r -> r.step()
          .equals("offer")).singleElement().satisfies(r -> assertThat(r.delivered()).isPositive());

      // half a year later the customers who stopped buying have gone silent or churned: recall and win-back
      clock.advance(Duration.ofDays(200));
      p.profileConsumer().requestRefresh().get(2, TimeUnit.MINUTES);
      campaigns.tick();
      campaigns.dispatchNow();
      long lapsed = campaigns.stores().journeys().countByStatus("recall").values().stream().mapToLong(Long::longValue)
          .sum() + campaigns.stores().journeys().countByStatus("win-back").values().stream()
          .mapToLong(Long::longValue).sum();
      assertThat(lapsed).as("enrolments in recall and win-back").isPositive();

      // exactly once: the scheduler and the dispatcher running again send nothing new
      int before = SMTP.getReceivedMessages().length;
      campaigns.tick();
      campaigns.dispatchNow();
      campaigns.tick();
      campaigns.dispatchNow();
      assertThat(SMTP.getReceivedMessages()).hasSize(before);
    }
  }

  private static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
