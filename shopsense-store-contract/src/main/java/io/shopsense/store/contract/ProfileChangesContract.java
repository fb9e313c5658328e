package io.shopsense.store.contract;

import static io.shopsense.api.profile.ProfileChange.Kind.LIFECYCLE_STAGE_CHANGED;
import static io.shopsense.api.profile.ProfileChange.Kind.SEGMENT_ENTERED;
import static io.shopsense.api.profile.ProfileChange.Kind.SEGMENT_EXITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.profile.ProfileChange;
import io.shopsense.api.profile.ProfileChanges;
import io.shopsense.api.profile.ProfileChanges.FlowCount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ProfileChanges}. {@link #open()} gives the port over the backend's storage for this test
 * (empty at the first call of a test, the same storage at later calls); {@link #close()} closes what it opened and
 * may be called twice; {@link #reopen()} is a restart.
 *
 * <p>Decided here, where the port leaves it open: sequence numbers are positive and increase in the order of appends
 * and, within one, in the order given, also across a restart (gaps allowed); instants are kept to the microsecond; a
 * limit below 1 is an {@link IllegalArgumentException}; flows are ordered by day, then {@code from}, then {@code to},
 * with nulls last, and days are UTC days whatever the time zone of the JVM or the database session.
 */
public abstract class ProfileChangesContract {
  protected static final Instant T0 = Envelopes.T0;
  protected static final PersonId ANNA = PersonId.of("person-anna");
  protected static final PersonId BEN = PersonId.of("person-ben");

  protected ProfileChanges changes;

  protected abstract ProfileChanges open() throws Exception;

  protected abstract void close() throws Exception;

  protected ProfileChanges reopen() throws Exception {
    close();
    return open();
  }

  /**
   * Called after a test changed the JVM's default time zone, before it reopens the storage: a backend that caches the
   * default (H2 does, for the session time zone of every connection) forgets it here, so that the connections opened
   * next take the new one.
   */
  protected void defaultTimeZoneChanged() {}

  @BeforeEach
  void openChanges() throws Exception {
    changes = open();
  }

  @AfterEach
  void closeChanges() throws Exception {
    close();
  }

  protected static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  protected static ProfileChange stage(PersonId person, String from, String to, Instant at) {
    return new ProfileChange(0, person, LIFECYCLE_STAGE_CHANGED, from, to, at);
  }

  protected static ProfileChange entered(PersonId person, String segment, Instant at) {
    return new ProfileChange(0, person, SEGMENT_ENTERED, null, segment, at);
  }

  protected static ProfileChange exited(PersonId person, String segment, Instant at) {
    return new ProfileChange(0, person, SEGMENT_EXITED, segment, null, at);
  }

  /** The change as it comes back: with its number. */
  protected static ProfileChange numbered(long seq, ProfileChange c) {
    return new ProfileChange(seq, c.person(), c.kind(), c.from(), c.to(), c.at());
  }

  private static List<ProfileChange> numberedAs(List<ProfileChange> read, List<ProfileChange> written) {
    List<ProfileChange> out = new ArrayList<>();
    for (int i = 0; i < written.size(); i++) {
      out.add(numbered(read.get(i).seq(), written.get(i)));
    }
    return out;
  }

  @Test
  void anEmptyFeedHasNoChanges() {
    assertThat(changes.after(0, 10)).isEmpty();
    assertThat(changes.of(ANNA, 10)).isEmpty();
    assertThat(changes.flows(LIFECYCLE_STAGE_CHANGED, at(-86_400), at(86_400))).isEmpty();
    changes.append(List.of());
    assertThat(changes.after(0, 10)).isEmpty();
  }

  @Test
  void numbersChangesInTheOrderAppendedAndKeepsEveryField() {
    List<ProfileChange> first = List.of(stage(ANNA, null, "new", at(0)), entered(ANNA, "vip", at(1)),
        new ProfileChange(999, BEN, SEGMENT_EXITED, "vip", null, Instant.parse("2026-03-01T10:15:35.987654321Z")));
    List<ProfileChange> second = List.of(stage(ANNA, "new", "active", at(-5)), stage(BEN, null, "potential", at(2)));

    changes.append(first);
    changes.append(second);

    List<ProfileChange> all = changes.after(0, 100);
    List<ProfileChange> written = new ArrayList<>(first);
    written.addAll(second);
    written.set(2, new ProfileChange(0, BEN, SEGMENT_EXITED, "vip", null,
        Instant.parse("2026-03-01T10:15:35.987654Z")));
    assertThat(all).hasSize(5);
    assertThat(all.get(0).seq()).isPositive();
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).seq()).isGreaterThan(all.get(i - 1).seq());
    }
    assertThat(all).isEqualTo(numberedAs(all, written));
  }

  @Test
  void readsOnAfterANumberAtMostLimitAtATime() {
    List<ProfileChange> written = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      written.add(entered(PersonId.of("p-" + i), "seg-" + i, at(i)));
    }
    changes.append(written);

    List<ProfileChange> read = new ArrayList<>();
    long after = 0;
    List<ProfileChange> page;
    while (!(page = changes.after(after, 3)).isEmpty()) {
      assertThat(page).hasSizeLessThanOrEqualTo(3);
      read.addAll(page);
      after = page.get(page.size() - 1).seq();
    }

    assertThat(read).isEqualTo(numberedAs(read, written));
    assertThat(changes.after(read.get(6).seq(), 3)).isEmpty();
    assertThatThrownBy(() -> changes.after(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsAPersonsChangesNewestFirst() {
    changes.append(List.of(stage(ANNA, null, "new", at(0)), stage(BEN, null, "new", at(0)),
        entered(ANNA, "vip", at(1))));
    changes.append(List.of(stage(ANNA, "new", "active", at(2)), exited(ANNA, "vip", at(3))));

    assertThat(changes.of(ANNA, 10)).extracting(ProfileChange::kind, ProfileChange::from, ProfileChange::to)
        .containsExactly(
            tuple(SEGMENT_EXITED, "vip", null),
            tuple(LIFECYCLE_STAGE_CHANGED, "new", "active"),
            tuple(SEGMENT_ENTERED, null, "vip"),
            tuple(LIFECYCLE_STAGE_CHANGED, null, "new"));
    assertThat(changes.of(ANNA, 2)).extracting(ProfileChange::at).containsExactly(at(3), at(2));
    assertThat(changes.of(BEN, 10)).hasSize(1);
    assertThat(changes.of(PersonId.of("nobody"), 10)).isEmpty();
    assertThatThrownBy(() -> changes.of(ANNA, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static final Instant MIDNIGHT = Instant.parse("2026-03-02T00:00:00Z");

  /** Transitions on both sides of a UTC midnight, a segment change among them, and two at the range's ends. */
  private void appendAroundMidnight() {
    changes.append(List.of(
        stage(ANNA, null, "new", Instant.parse("2026-03-01T00:00:00Z")),
        stage(BEN, null, "new", Instant.parse("2026-03-01T09:30:00Z")),
        stage(PersonId.of("p3"), "new", "active", Instant.parse("2026-03-01T16:00:00Z")),
        stage(PersonId.of("p4"), "new", "active", MIDNIGHT.minusNanos(1_000)),
        stage(PersonId.of("p5"), "new", "active", MIDNIGHT),
        stage(PersonId.of("p6"), "active", "silent", MIDNIGHT.plusSeconds(9 * 3_600)),
        stage(PersonId.of("p7"), "new", "active", MIDNIGHT.plusSeconds(20 * 3_600)),
        entered(ANNA, "vip", Instant.parse("2026-03-01T12:00:00Z")),
        stage(PersonId.of("p8"), "new", "active", Instant.parse("2026-02-28T23:59:59Z")),
        stage(PersonId.of("p9"), "new", "active", Instant.parse("2026-03-03T00:00:00Z"))));
  }

  private List<FlowCount> flowsAroundMidnight() {
    return changes.flows(LIFECYCLE_STAGE_CHANGED, Instant.parse("2026-03-01T00:00:00Z"),
        Instant.parse("2026-03-03T00:00:00Z"));
  }

  private static final List<FlowCount> EXPECTED_FLOWS = List.of(
      new FlowCount(LocalDate.parse("2026-03-01"), "new", "active", 2),
      new FlowCount(LocalDate.parse("2026-03-01"), null, "new", 2),
      new FlowCount(LocalDate.parse("2026-03-02"), "active", "silent", 1),
      new FlowCount(LocalDate.parse("2026-03-02"), "new", "active", 2));

  @Test
  void countsFlowsPerUtcDayInTheRange() {
    appendAroundMidnight();

    assertThat(flowsAroundMidnight()).isEqualTo(EXPECTED_FLOWS);
    assertThat(changes.flows(SEGMENT_ENTERED, at(-86_400), at(86_400)))
        .containsExactly(new FlowCount(LocalDate.parse("2026-03-01"), null, "vip", 1));
    assertThat(changes.flows(SEGMENT_EXITED, at(-86_400), at(86_400))).isEmpty();
  }

  @Test
  void daysAreUtcDaysWhateverTheTimeZoneOfTheProcess() throws Exception {
    TimeZone original = TimeZone.getDefault();
    try {
      for (String zone : List.of("Pacific/Kiritimati", "Pacific/Honolulu", "Asia/Shanghai")) {
        // a restart in that zone: connections opened now take it as their session's zone
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        defaultTimeZoneChanged();
        changes = reopen();
        if (changes.after(0, 1).isEmpty()) {
          appendAroundMidnight();
        }
        assertThat(flowsAroundMidnight()).as("flows with the process in %s", zone).isEqualTo(EXPECTED_FLOWS);
      }
    } finally {
      TimeZone.setDefault(original);
      defaultTimeZoneChanged();
      changes = reopen();
    }
    assertThat(flowsAroundMidnight()).isEqualTo(EXPECTED_FLOWS);
  }

  @Test
  void reassignsTheChangesOfAMergedPersonToTheSurvivor() {
    changes.append(List.of(stage(BEN, null, "new", at(0)), stage(ANNA, null, "new", at(1)),
        entered(BEN, "vip", at(2))));

    changes.reassign(BEN, ANNA);
    changes.reassign(BEN, ANNA);
    changes.reassign(ANNA, ANNA);

    assertThat(changes.of(BEN, 10)).isEmpty();
    assertThat(changes.of(ANNA, 10)).extracting(ProfileChange::at).containsExactly(at(2), at(1), at(0));
    assertThat(changes.after(0, 10)).extracting(ProfileChange::person).containsOnly(ANNA);
  }

  @Test
  void keepsChangesAcrossARestartAndNumbersOnAfterThem() throws Exception {
    changes.append(List.of(stage(ANNA, null, "new", at(0)), entered(ANNA, "vip", at(1))));
    List<ProfileChange> before = changes.after(0, 10);

    changes = reopen();
    changes.append(List.of(exited(ANNA, "vip", at(2))));

    List<ProfileChange> after = changes.after(0, 10);
    assertThat(after.subList(0, 2)).isEqualTo(before);
    assertThat(after.get(2).seq()).isGreaterThan(before.get(1).seq());
    assertThat(after.get(2)).isEqualTo(numbered(after.get(2).seq(), exited(ANNA, "vip", at(2))));
  }

  @Test
  void erasesThePersonsChangesAndKeepsTheFeedOfOthers() throws Exception {
    changes.append(List.of(stage(ANNA, "potential", "new", at(1)), entered(BEN, "vip", at(2)),
        entered(ANNA, "vip", at(3))));
    long benSeq = changes.of(BEN, 10).get(0).seq();

    long erased = changes.erase(List.of(ANNA));

    assertThat(erased).isEqualTo(2);
    changes = reopen();
    assertThat(changes.of(ANNA, 10)).isEmpty();
    assertThat(changes.after(0, 10)).extracting(ProfileChange::seq).containsExactly(benSeq);
    assertThat(changes.erase(List.of(ANNA))).isZero();
  }
}
