package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.DeliveryStatus;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.SendSpec;
import io.shopsense.api.journey.StoredBroadcast;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.offer.TemplateLocale;
import io.shopsense.api.profile.SegmentDefinition;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.platform.campaign.Broadcasts;
import io.shopsense.platform.campaign.Campaigns;
import io.shopsense.store.contract.delivery.SettableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broadcast over several pages of its audience (two full ones and a last of one member): every member is counted
 * once and has one message queued, and the broadcast ends done; a run that stops leading between pages writes
 * nothing of the page it planned ahead, and the next run finishes the broadcast without sending twice.
 */
class BroadcastPagesTest {
  private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");
  private static final int MEMBERS = 2 * Broadcasts.PAGE + 1; // two full pages and one of a single member

  @TempDir
  Path dir;

  private Platform platform;
  private Campaigns campaigns;

  @BeforeEach
  void open() {
    SettableClock clock = new SettableClock(NOON);
    PlatformSettings base = PlatformFixture.embedded(dir);
    platform = Platform.open(base.withCampaign(base.campaign().withEnabled(false)), clock, PersonIds.sequential(),
        IngestListener.NONE);
    campaigns = platform.campaigns();
    campaigns.stores().templates().save(new MessageTemplate("receipt", ContentCategory.TRANSACTIONAL,
        TemplateLocale.EN, "Your account", "", "Hello{{#person.name}} {{person.name}}{{/person.name}}."), NOON);
    platform.stores().segmentStore().save(new SegmentDefinition("all", "All", "everyone", "behaviour.events >= 0",
        NOON, NOON, 1));
    List<PersonId> members = new ArrayList<>();
    platform.stores().unitOfWork().run(() -> {
      for (int i = 0; i < MEMBERS; i++) {
        PersonId person = PersonId.of("p-" + i);
        platform.stores().traitStore().set(person, Properties.of(Map.of("name", "Person " + i)), NOON);
        members.add(person);
      }
      platform.stores().segmentStore().setMembers("all", members, true, NOON);
      return null;
    });
  }

  @AfterEach
  void close() {
    platform.close();
  }

  @Test
  void countsAndQueuesEveryMemberOnceAcrossPages() {
    Broadcasts broadcasts = campaigns.broadcasts();
    broadcasts.create("notice", "Notice", "all", new SendSpec("in_app", "receipt", "transactional", "account", 10),
        LocalDate.of(2026, 11, 21), LocalTime.of(10, 0), ZoneOffset.UTC);

    assertThat(broadcasts.runNow("notice")).isTrue();

    StoredBroadcast b = broadcasts.find("notice").orElseThrow();
    assertThat(b.status()).isEqualTo(StoredBroadcast.Status.DONE);
    assertThat(b.counts().audience()).isEqualTo(MEMBERS);
    assertThat(b.counts().queued()).isEqualTo(MEMBERS);
    assertThat(campaigns.stores().outbox().statusCounts("campaign:notice"))
        .containsEntry(DeliveryStatus.QUEUED, (long) MEMBERS);
    for (int i : new int[] {0, Broadcasts.PAGE, MEMBERS - 1}) {
      assertThat(campaigns.stores().outbox().find(DeliveryKey.campaign("notice", PersonId.of("p-" + i))))
          .as("member %d", i).isPresent();
    }
  }

  @Test
  void aRunThatStopsLeadingWritesNoPageItPlannedAheadAndTheNextRunFinishesIt() {
    Broadcasts broadcasts = campaigns.broadcasts();
    broadcasts.create("notice", "Notice", "all", new SendSpec("in_app", "receipt", "transactional", "account", 10),
        LocalDate.of(2026, 11, 20), LocalTime.of(10, 0), ZoneOffset.UTC); // due now

    // leading at the start and no longer after the first page: the second page, planned meanwhile, is dropped
    int[] asked = {0};
    assertThat(broadcasts.runDue(() -> ++asked[0] <= 1)).isZero();
    StoredBroadcast stopped = broadcasts.find("notice").orElseThrow();
    assertThat(stopped.status()).isEqualTo(StoredBroadcast.Status.RUNNING);
    assertThat(stopped.counts().audience()).isEqualTo(Broadcasts.PAGE);
    assertThat(campaigns.stores().outbox().statusCounts("campaign:notice"))
        .containsEntry(DeliveryStatus.QUEUED, (long) Broadcasts.PAGE);
    String second = platform.stores().segmentStore().members("all", null, Broadcasts.PAGE).next();
    PersonId ahead = platform.stores().segmentStore().members("all", second, 1).items().get(0);
    assertThat(campaigns.stores().outbox().find(DeliveryKey.campaign("notice", ahead)))
        .as("the first member of the page planned ahead").isEmpty();

    assertThat(broadcasts.runDue(() -> true)).isEqualTo(1); // resumed from the start
    StoredBroadcast done = broadcasts.find("notice").orElseThrow();
    assertThat(done.status()).isEqualTo(StoredBroadcast.Status.DONE);
    assertThat(done.counts().audience()).isEqualTo(MEMBERS);
    assertThat(done.counts().queued()).isEqualTo(MEMBERS);
    assertThat(campaigns.stores().outbox().statusCounts("campaign:notice"))
        .containsEntry(DeliveryStatus.QUEUED, (long) MEMBERS);
  }
}
