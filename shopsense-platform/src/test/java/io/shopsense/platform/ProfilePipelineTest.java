package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.profile.ProfileChange;
import io.shopsense.api.profile.StoredProfile;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.profile.BehaviourView;
import io.shopsense.core.profile.ProfileRefresh;
import io.shopsense.core.profile.ProfileState;
import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles kept in real time by the pipeline equal the profiles rebuilt in batch from the lake: the demo shop's events
 * arrive out of order (shuffled within windows, so some are late by hours or days), identities merge on the way, and
 * segments are evaluated as events arrive; afterwards the lake's events folded from scratch give the same states, the
 * same derived facts and the same segment memberships.
 */
class ProfilePipelineTest {
  @TempDir
  Path dir;

  @Test
  void realTimeProfilesAndSegmentsEqualTheBatchRebuildFromTheLake() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    DemoShop shop = DemoShop.of(DemoSettings.of(5, 12_000, now));
    List<ObjectNode> events = new ArrayList<>(shop.events().toList());
    Random random = new Random(5);
    for (int i = 0; i < events.size(); i += 300) {
      Collections.shuffle(events.subList(i, Math.min(events.size(), i + 300)), random);
    }

    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      p.segments().save("outdoor-buyers", "Outdoor buyers", "bought, and like the outdoors",
          "behaviour.orders >= 1 and interest('category:outdoor') > 0.2");
      p.segments().save("recent-browsers", "Recent browsers", null,
          "count(event = 'Product Viewed', within = 30d) >= 3 and not in_segment('outdoor-buyers')");
      p.segments().save("big-outdoor", "Big outdoor spenders", null,
          "in_segment('outdoor-buyers') and (rfm.monetary >= 4 or lifecycle = 'active')");
      for (int i = 0; i < events.size(); i += 500) {
        List<IncomingEvent> batch = new ArrayList<>();
        for (int k = i; k < Math.min(events.size(), i + 500); k++) {
          batch.add(IncomingEvent.of(events.get(k), "e" + k));
        }
        p.ingestor().ingest(batch, IngestRequest.live(SourceId.of("shop"), now));
      }
      PlatformFixture.awaitPipeline(p);
      ProfileRefresh.Report refresh = p.profileConsumer().requestRefresh().get(2, TimeUnit.MINUTES);
      long stored = p.stores().profileStore().count();
      assertThat(stored).isGreaterThan(150);
      assertThat(refresh.profiles()).isEqualTo(stored);
      // the demo shop is generated up to now, so its customer count moves a little with the time of day
      assertThat(refresh.model().rfm().customers()).isGreaterThan(20);

      Platform.RebuildReport report = p.rebuildProfiles(false);
      assertThat(report.persons()).isEqualTo(stored);
      assertThat(report.differing()).as("persons whose rebuilt state differs: %s", report.sample()).isZero();
      assertThat(report.onlyStored()).isZero();
      assertThat(report.equal()).isEqualTo(stored);

      Map<PersonId, ProfileState> batch = new HashMap<>();
      p.foldFromLake(batch::putAll);
      Map<String, Set<PersonId>> batchMembers = new TreeMap<>();
      List<StoredProfile> all = new ArrayList<>();
      p.stores().profileStore().scan(all::add);
      Map<PersonId, Set<String>> realTime = p.stores().segmentStore().segmentsOf(
          all.stream().map(StoredProfile::person).toList());
      for (StoredProfile s : all) {
        ProfileState state = batch.get(s.person());
        BehaviourView view = state.behaviour().view();
        var facts = p.profileEngine().facts(state, view, refresh.at());
        assertThat(s.facts()).as(s.person().value()).isEqualTo(facts);
        Set<String> in = p.profileEngine().segmentsOf(state, view, facts,
            p.stores().traitStore().get(s.person()), refresh.at());
        assertThat(realTime.getOrDefault(s.person(), Set.of())).as(s.person().value()).isEqualTo(in);
        in.forEach(id -> batchMembers.computeIfAbsent(id, k -> new TreeSet<>(
            java.util.Comparator.comparing(PersonId::value))).add(s.person()));
      }
      assertThat(batchMembers.keySet()).as("every segment has members")
          .containsExactly("big-outdoor", "outdoor-buyers", "recent-browsers");
      assertThat(p.segments().evaluateAll()).isEqualTo(batchMembers);
      for (String id : batchMembers.keySet()) {
        assertThat(p.segments().size(id)).isEqualTo(batchMembers.get(id).size());
      }

      List<ProfileChange> changes = p.stores().profileChanges().after(0, 1_000_000);
      long entered = changes.stream().filter(c -> c.kind() == ProfileChange.Kind.SEGMENT_ENTERED).count();
      long exited = changes.stream().filter(c -> c.kind() == ProfileChange.Kind.SEGMENT_EXITED).count();
      assertThat(entered - exited).isEqualTo(batchMembers.values().stream().mapToLong(Set::size).sum());
      assertThat(changes).anyMatch(c -> c.kind() == ProfileChange.Kind.LIFECYCLE_STAGE_CHANGED && c.from() != null);
      assertThat(p.profiles().lifecycleDistribution().values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(stored);
      assertThat(p.profiles().rfmGrid().customers()).isEqualTo(refresh.model().rfm().customers());
    }
  }

  /** With real time off, nothing folds events as they come; a rebuild with apply writes the profiles. */
  @Test
  void withoutRealTimeTheRebuildWritesProfilesAndWorkRunsOnTheCallingThread() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    DemoShop shop = DemoShop.of(DemoSettings.of(9, 2_000, now));
    PlatformSettings settings = PlatformFixture.embedded(dir);
    try (Platform p = PlatformFixture.open(settings.withProfile(settings.profile().withRealTime(false)))) {
      List<IncomingEvent> batch = new ArrayList<>();
      shop.events().forEach(e -> batch.add(IncomingEvent.of(e, "e")));
      p.ingestor().ingest(batch, IngestRequest.live(SourceId.of("shop"), now));
      PlatformFixture.awaitPipeline(p);
      assertThat(p.stores().profileStore().count()).as("no real-time profiles").isZero();

      Platform.RebuildReport applied = p.rebuildProfiles(true);
      assertThat(applied.persons()).isPositive();
      assertThat(p.stores().profileStore().count()).isEqualTo(applied.persons());
      assertThat(p.refreshProfiles().profiles()).isEqualTo(applied.persons());
      assertThat(p.rebuildProfiles(false).equal()).isEqualTo(applied.persons());
    }
  }
}
