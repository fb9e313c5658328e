package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.profile.ProfileChange;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When two persons merge, the merged person's segment memberships end with a recorded exit: the survivor's change
 * history (which takes over the merged person's) still nets its entries and exits to its memberships, so that
 * whoever follows the changes (journeys, usage counts) sees the same memberships as the segment store.
 */
class ProfileMergeChangesTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir
  Path dir;

  @Test
  void aMergedPersonsMembershipsEndWithRecordedExits() throws Exception {
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      p.segments().save("viewers", "Viewers", null, "count(event = 'Product Viewed', within = 30d) >= 1");
      PlatformFixture.ingest(p, NOW,
          "{'type':'track','event':'Product Viewed','anonymousId':'a-phone','properties':{'product_id':'tea'}}",
          "{'type':'track','event':'Product Viewed','userId':'u-1','anonymousId':'a-laptop',"
              + "'properties':{'product_id':'cup'}}");
      PlatformFixture.awaitPipeline(p);
      PersonId phone = p.persons().find(new Identifier(IdentifierKind.ANONYMOUS_ID, "a-phone")).orElseThrow().id();
      PersonId user = p.persons().find(new Identifier(IdentifierKind.USER_ID, "u-1")).orElseThrow().id();
      assertThat(phone).isNotEqualTo(user);
      assertThat(p.stores().segmentStore().segmentsOf(List.of(phone, user)).values())
          .as("both persons are viewers before they merge").containsOnly(Set.of("viewers"));

      PlatformFixture.ingest(p, NOW.plusSeconds(60),
          "{'type':'identify','userId':'u-1','anonymousId':'a-phone','traits':{'name':'Anna'}}");
      PlatformFixture.awaitPipeline(p);

      PersonId survivor = p.persons().find(new Identifier(IdentifierKind.USER_ID, "u-1")).orElseThrow().id();
      assertThat(p.persons().find(new Identifier(IdentifierKind.ANONYMOUS_ID, "a-phone")).orElseThrow().id())
          .as("the phone's person merged into the user").isEqualTo(survivor);
      assertThat(p.segments().size("viewers")).isEqualTo(1);
      List<ProfileChange> changes = p.stores().profileChanges().after(0, 1_000);
      long entered = changes.stream().filter(c -> c.kind() == ProfileChange.Kind.SEGMENT_ENTERED).count();
      long exited = changes.stream().filter(c -> c.kind() == ProfileChange.Kind.SEGMENT_EXITED).count();
      assertThat(entered - exited).as("entries net of exits: %s", changes).isEqualTo(1);
      assertThat(changes).allMatch(c -> c.person().equals(survivor), "the survivor owns the whole history");
    }
  }
}
