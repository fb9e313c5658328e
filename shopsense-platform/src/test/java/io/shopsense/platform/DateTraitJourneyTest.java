package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.offer.TemplateLocale;
import io.shopsense.platform.campaign.Campaigns;
import io.shopsense.store.contract.delivery.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journey triggered by a date trait: once a day the scheduler reads the trait of every person, and the person
 * whose birthday it is enters the journey and gets its message; the others do not, and a second tick the same day
 * enrols nobody again.
 */
class DateTraitJourneyTest {
  @TempDir
  Path dir;

  @Test
  void aBirthdayJourneyGreetsThePersonOnTheirBirthdayOnly() throws Exception {
    Instant noon = Instant.parse("2026-11-20T12:00:00Z");
    SettableClock clock = new SettableClock(noon);
    try (Platform p = PlatformFixture.openOnClock(dir, clock, c -> c)) {
      Campaigns campaigns = p.campaigns();
      campaigns.stores().templates().save(new MessageTemplate("birthday", ContentCategory.SERVICE, TemplateLocale.EN,
          "Happy birthday{{#person.name}}, {{person.name}}{{/person.name}}!", "", "All the best from the shop."),
          noon);
      campaigns.journeys().save("""
          id: birthday
          name: Birthday greeting
          version: 1
          trigger: {type: date-trait, trait: birthday}
          reentry: {mode: after-exit, cooldown: 300d}
          steps:
            - {id: greet, type: send, channel: in_app, template: birthday, category: service, next: done}
            - {id: done, type: exit}
          """, true);
      PlatformFixture.ingest(p, noon,
          "{'type':'identify','userId':'u-today','traits':{'name':'Mia','birthday':'1990-11-20'}}",
          "{'type':'identify','userId':'u-later','traits':{'name':'Leo','birthday':'1988-12-24'}}");
      PlatformFixture.awaitPipeline(p);
      PersonId today = p.persons().find(new Identifier(IdentifierKind.USER_ID, "u-today")).orElseThrow().id();
      PersonId later = p.persons().find(new Identifier(IdentifierKind.USER_ID, "u-later")).orElseThrow().id();

      assertThat(campaigns.tick().signals()).as("both persons' birthdays read").isGreaterThanOrEqualTo(2);
      campaigns.dispatchNow();
      assertThat(campaigns.stores().inbox().list(today, false, 10)).singleElement()
          .satisfies(m -> assertThat(m.subject()).isEqualTo("Happy birthday, Mia!"));
      assertThat(campaigns.stores().inbox().list(later, false, 10)).isEmpty();
      assertThat(campaigns.stores().journeys().enrolments("birthday", later)).isEmpty();

      clock.advance(Duration.ofHours(2));
      assertThat(campaigns.tick().signals()).as("read once a day").isZero();
      assertThat(campaigns.stores().journeys().enrolments("birthday", today)).hasSize(1);
    }
  }
}
