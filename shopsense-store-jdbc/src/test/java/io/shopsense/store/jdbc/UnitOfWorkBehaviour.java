package io.shopsense.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.UnitOfWork;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.identity.IdentityConflictException;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.api.profile.ProfileChange;
import io.shopsense.api.profile.ProfileChanges;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.SegmentDefinition;
import io.shopsense.api.profile.SegmentStore;
import io.shopsense.api.profile.StoredProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link JdbcStores#unitOfWork()} promises, on each backend. */
abstract class UnitOfWorkBehaviour {
  static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
  static final PersonId P1 = PersonId.of("p-1");
  static final PersonId P2 = PersonId.of("p-2");

  protected abstract ReopenableStores stores();

  JdbcStores db;
  UnitOfWork unit;
  IdentityGraph graph;
  TraitStore traits;
  ProfileStore profiles;
  ProfileChanges changes;
  SegmentStore segments;

  @BeforeEach
  void open() {
    db = stores().open();
    unit = db.unitOfWork();
    graph = db.identityGraph();
    traits = db.traitStore();
    profiles = db.profileStore();
    changes = db.profileChanges();
    segments = db.segmentStore();
  }

  @AfterEach
  void close() {
    stores().close();
  }

  static Identifier anon(String v) {
    return new Identifier(IdentifierKind.ANONYMOUS_ID, v);
  }

  @Test
  void writesInsideSeeEachOtherAndAreStoredAtTheEnd() {
    unit.run(() -> {
      graph.link(P1, anon("a-1"), T);
      traits.set(P1, Properties.of(Map.of("city", "Hangzhou")), T);
      assertThat(graph.personOf(anon("a-1"))).contains(P1);
      assertThat(traits.get(P1).text("city")).contains("Hangzhou");
      return null;
    });

    assertThat(graph.personOf(anon("a-1"))).contains(P1);
    assertThat(traits.get(P1).text("city")).contains("Hangzhou");
  }

  @Test
  void aFailingWorkLeavesNothingBehind() {
    assertThatThrownBy(() -> unit.run(() -> {
      graph.link(P1, anon("a-2"), T);
      traits.set(P1, Properties.of(Map.of("city", "Paris")), T);
      throw new IllegalStateException("consumer failed half-way");
    })).hasMessage("consumer failed half-way");

    assertThat(graph.personOf(anon("a-2"))).isEmpty();
    assertThat(traits.get(P1).isEmpty()).isTrue();
  }

  @Test
  void aCaughtFailureInsideUndoesOnlyItsOwnCall() {
    unit.run(() -> {
      graph.link(P1, anon("a-3"), T);
      assertThatThrownBy(() -> graph.link(P2, anon("a-3"), T)).isInstanceOf(IdentityConflictException.class);
      graph.link(P1, anon("a-4"), T); // the unit goes on (PostgreSQL would refuse this after an unhandled error)
      return null;
    });

    assertThat(graph.personOf(anon("a-3"))).contains(P1);
    assertThat(graph.personOf(anon("a-4"))).contains(P1);
  }

  @Test
  void aNestedUnitJoinsTheOuterOne() {
    assertThatThrownBy(() -> unit.run(() -> {
      unit.run(() -> {
        graph.link(P1, anon("a-5"), T);
        return null;
      });
      throw new IllegalStateException("outer failed");
    })).hasMessage("outer failed");

    assertThat(graph.personOf(anon("a-5"))).isEmpty();
  }

  @Test
  void aFailingWorkLeavesNoProfileSegmentOrChangeBehind() {
    segments.save(new SegmentDefinition("vip", "VIP", "", "orders >= 10", T, T, 1));
    ProfileFacts facts = new ProfileFacts("new", T, null, null, null, null, 1, 0, BigDecimal.ZERO, T, T, null, null);

    assertThatThrownBy(() -> unit.run(() -> {
      profiles.putAll(List.of(new StoredProfile(P1, new byte[] {1, 0, 2}, facts, T)));
      profiles.putSetting("rfm_model", "m");
      segments.setMembers("vip", List.of(P1), true, T);
      segments.recordSize("vip", T, 1);
      changes.append(List.of(new ProfileChange(0, P1, ProfileChange.Kind.SEGMENT_ENTERED, null, "vip", T)));
      assertThat(profiles.get(P1)).isPresent();
      assertThat(segments.size("vip")).isEqualTo(1);
      throw new IllegalStateException("consumer failed half-way");
    })).hasMessage("consumer failed half-way");

    assertThat(profiles.get(P1)).isEmpty();
    assertThat(profiles.setting("rfm_model")).isEmpty();
    assertThat(segments.size("vip")).isZero();
    assertThat(segments.sizeHistory("vip", T, T.plusSeconds(1))).isEmpty();
    assertThat(changes.after(0, 10)).isEmpty();
  }

  @Test
  void aRefusedMembershipInsideUndoesOnlyItsOwnCall() {
    ProfileFacts facts = new ProfileFacts("new", T, null, null, null, null, 1, 0, BigDecimal.ZERO, T, T, null, null);

    unit.run(() -> {
      profiles.putAll(List.of(new StoredProfile(P1, new byte[] {1}, facts, T)));
      assertThatThrownBy(() -> segments.setMembers("ghost", List.of(P1), true, T))
          .isInstanceOf(IllegalArgumentException.class);
      profiles.putAll(List.of(new StoredProfile(P2, new byte[] {2}, facts, T)));
      return null;
    });

    assertThat(profiles.getAll(List.of(P1, P2))).containsOnlyKeys(P1, P2);
  }
}
