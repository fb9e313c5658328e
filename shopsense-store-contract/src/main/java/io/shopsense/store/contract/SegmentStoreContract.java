package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.Slice;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.profile.SegmentDefinition;
import io.shopsense.api.profile.SegmentStore;
import io.shopsense.api.profile.SegmentStore.SizePoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SegmentStore}. {@link #open()} gives the port over the backend's storage for this test (empty
 * at the first call of a test, the same storage at later calls); {@link #close()} closes what it opened and may be
 * called twice; {@link #reopen()} is a restart.
 *
 * <p>Decided here, where the port leaves it open: definitions are listed, and members paged, by id in Java
 * {@link String} order (binary for ASCII); a member page's cursor is the last person id of the page, present only
 * when another page follows; making persons members of, or recording a size for, a segment with no definition is an
 * {@link IllegalArgumentException} (removing them is not); a size recorded again at the same instant replaces the
 * first; instants are kept to the microsecond; a limit below 1 is an {@link IllegalArgumentException}.
 */
public abstract class SegmentStoreContract {
  protected static final Instant T0 = Envelopes.T0;
  protected static final PersonId ANNA = PersonId.of("person-anna");
  protected static final PersonId BEN = PersonId.of("person-ben");

  protected SegmentStore segments;

  protected abstract SegmentStore open() throws Exception;

  protected abstract void close() throws Exception;

  protected SegmentStore reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openSegments() throws Exception {
    segments = open();
  }

  @AfterEach
  void closeSegments() throws Exception {
    close();
  }

  protected static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  protected static SegmentDefinition segment(String id) {
    return new SegmentDefinition(id, "Segment " + id, "who is in " + id,
        "lifecycle_stage = 'active' and orders >= 2", at(0), at(0), 1);
  }

  protected static List<PersonId> persons(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> PersonId.of("p-" + i)).toList();
  }

  @Test
  void anEmptyStoreHasNoSegments() {
    assertThat(segments.definitions()).isEmpty();
    assertThat(segments.definition("vip")).isEmpty();
    assertThat(segments.segmentsOf(List.of(ANNA))).isEmpty();
    assertThat(segments.segmentsOf(List.of())).isEmpty();
    assertThat(segments.members("vip", null, 10)).isEqualTo(new Slice<>(List.of(), null));
    assertThat(segments.size("vip")).isZero();
    assertThat(segments.sizeHistory("vip", at(-1_000), at(1_000))).isEmpty();
    assertThat(segments.delete("vip")).isFalse();
  }

  @Test
  void savesAndReplacesDefinitionsListedById() {
    SegmentDefinition vip = segment("vip");
    SegmentDefinition noDescription = new SegmentDefinition("a_lapsed", "Lapsed", null, "days_since_last_order > 90",
        Instant.parse("2026-03-01T10:15:30.123456789Z"), at(5), 3);
    segments.save(vip);
    segments.save(noDescription);
    segments.save(segment("a-new"));

    SegmentDefinition changed = new SegmentDefinition("vip", "Very important", "changed", "orders >= 10", at(0),
        at(60), 2);
    segments.save(changed);

    assertThat(segments.definition("vip")).contains(changed);
    assertThat(segments.definition("a_lapsed")).contains(new SegmentDefinition("a_lapsed", "Lapsed", "",
        "days_since_last_order > 90", Instant.parse("2026-03-01T10:15:30.123456Z"), at(5), 3));
    assertThat(segments.definitions()).extracting(SegmentDefinition::id).containsExactly("a-new", "a_lapsed", "vip");
  }

  @Test
  void membershipIsIdempotentBothWays() {
    segments.save(segment("vip"));

    segments.setMembers("vip", List.of(ANNA, BEN, ANNA), true, at(0));
    segments.setMembers("vip", List.of(ANNA), true, at(10));
    segments.setMembers("vip", List.of(), true, at(10));
    assertThat(segments.size("vip")).isEqualTo(2);

    segments.setMembers("vip", List.of(BEN, PersonId.of("nobody")), false, at(20));
    segments.setMembers("vip", List.of(BEN), false, at(30));

    assertThat(segments.size("vip")).isEqualTo(1);
    assertThat(segments.members("vip", null, 10).items()).containsExactly(ANNA);
  }

  @Test
  void tellsTheSegmentsOfManyPersonsLeavingOutThoseInNone() {
    segments.save(segment("vip"));
    segments.save(segment("lapsed"));
    segments.save(segment("all"));
    segments.setMembers("all", persons(0, 250), true, at(0));
    segments.setMembers("vip", persons(0, 10), true, at(0));
    segments.setMembers("lapsed", persons(5, 15), true, at(0));

    List<PersonId> asked = new ArrayList<>(persons(0, 300));
    asked.add(PersonId.of("nobody"));
    Map<PersonId, Set<String>> of = segments.segmentsOf(asked);

    assertThat(of).hasSize(250);
    assertThat(of.get(PersonId.of("p-0"))).containsExactlyInAnyOrder("all", "vip");
    assertThat(of.get(PersonId.of("p-7"))).containsExactlyInAnyOrder("all", "vip", "lapsed");
    assertThat(of.get(PersonId.of("p-12"))).containsExactlyInAnyOrder("all", "lapsed");
    assertThat(of.get(PersonId.of("p-249"))).containsExactly("all");
    assertThat(of).doesNotContainKeys(PersonId.of("p-250"), PersonId.of("nobody"));
  }

  @Test
  void pagesMembersInPersonIdOrder() {
    segments.save(segment("vip"));
    segments.save(segment("other"));
    List<PersonId> members = persons(0, 25);
    segments.setMembers("vip", members, true, at(0));
    segments.setMembers("other", persons(100, 130), true, at(0));

    List<String> expected = new ArrayList<>(new TreeSet<>(members.stream().map(PersonId::value).toList()));
    assertThat(allMembers("vip", 10)).isEqualTo(expected);
    assertThat(allMembers("vip", 5)).isEqualTo(expected); // the last page full, with no cursor
    assertThat(allMembers("vip", 25)).isEqualTo(expected);
    assertThat(segments.members("vip", "p-2", 3).items()).extracting(PersonId::value)
        .containsExactly("p-20", "p-21", "p-22");
    assertThatThrownBy(() -> segments.members("vip", null, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private List<String> allMembers(String segment, int limit) {
    List<String> out = new ArrayList<>();
    String cursor = null;
    do {
      Slice<PersonId> page = segments.members(segment, cursor, limit);
      if (page.next() != null) {
        assertThat(page.items()).hasSize(limit);
        assertThat(page.next()).isEqualTo(page.items().get(limit - 1).value());
      }
      page.items().forEach(p -> out.add(p.value()));
      cursor = page.next();
    } while (cursor != null);
    return out;
  }

  @Test
  void removesPersonsFromEverySegment() {
    segments.save(segment("vip"));
    segments.save(segment("lapsed"));
    segments.setMembers("vip", List.of(ANNA, BEN), true, at(0));
    segments.setMembers("lapsed", List.of(ANNA), true, at(0));

    segments.removeFromAll(List.of(ANNA, PersonId.of("nobody")));
    segments.removeFromAll(List.of());

    assertThat(segments.segmentsOf(List.of(ANNA, BEN))).isEqualTo(Map.of(BEN, Set.of("vip")));
    assertThat(segments.size("lapsed")).isZero();
  }

  @Test
  void deletingASegmentDeletesItsMembersAndSizes() {
    segments.save(segment("vip"));
    segments.save(segment("lapsed"));
    segments.setMembers("vip", persons(0, 20), true, at(0));
    segments.setMembers("lapsed", List.of(ANNA), true, at(0));
    segments.recordSize("vip", at(0), 20);
    segments.recordSize("lapsed", at(0), 1);

    assertThat(segments.delete("vip")).isTrue();

    assertThat(segments.definition("vip")).isEmpty();
    assertThat(segments.size("vip")).isZero();
    assertThat(segments.sizeHistory("vip", at(-10), at(10))).isEmpty();
    assertThat(segments.segmentsOf(persons(0, 20))).isEmpty();
    assertThat(segments.delete("vip")).isFalse();
    assertThat(segments.segmentsOf(List.of(ANNA))).isEqualTo(Map.of(ANNA, Set.of("lapsed")));
    assertThat(segments.sizeHistory("lapsed", at(-10), at(10))).containsExactly(new SizePoint(at(0), 1));
    segments.save(segment("vip")); // the same id again starts empty
    assertThat(segments.size("vip")).isZero();
  }

  @Test
  void refusesMembersAndSizesOfAnUndefinedSegment() {
    assertThatThrownBy(() -> segments.setMembers("ghost", List.of(ANNA), true, at(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
    assertThatThrownBy(() -> segments.recordSize("ghost", at(0), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
    segments.setMembers("ghost", List.of(ANNA), false, at(0));

    assertThat(segments.segmentsOf(List.of(ANNA))).isEmpty();
    assertThat(segments.sizeHistory("ghost", at(-10), at(10))).isEmpty();
  }

  @Test
  void listsTheSizesOfARangeOldestFirst() {
    segments.save(segment("vip"));
    segments.save(segment("other"));
    for (int day : new int[] {3, 0, 5, 1, 4, 2}) {
      segments.recordSize("vip", at(day * 86_400L), 100 + day);
    }
    segments.recordSize("other", at(86_400), 7);
    segments.recordSize("vip", at(2 * 86_400L), 202); // again at the same instant: replaces

    assertThat(segments.sizeHistory("vip", at(86_400), at(4 * 86_400L))).containsExactly(
        new SizePoint(at(86_400), 101), new SizePoint(at(2 * 86_400L), 202), new SizePoint(at(3 * 86_400L), 103));
    assertThat(segments.sizeHistory("vip", at(0), at(1))).containsExactly(new SizePoint(at(0), 100));
    assertThat(segments.sizeHistory("vip", at(10 * 86_400L), at(20 * 86_400L))).isEmpty();
  }

  @Test
  void writesManyMembersAtOnce() {
    segments.save(segment("all"));
    List<PersonId> many = persons(0, 5_000);

    segments.setMembers("all", many, true, at(0));
    segments.setMembers("all", many, true, at(1));
    assertThat(segments.size("all")).isEqualTo(5_000);

    segments.setMembers("all", many.subList(0, 3_000), false, at(2));
    assertThat(segments.size("all")).isEqualTo(2_000);
  }

  @Test
  void keepsSegmentsAcrossARestart() throws Exception {
    SegmentDefinition vip = segment("vip");
    segments.save(vip);
    segments.setMembers("vip", List.of(ANNA, BEN), true, at(0));
    segments.recordSize("vip", at(0), 2);

    segments = reopen();

    assertThat(segments.definitions()).containsExactly(vip);
    assertThat(segments.members("vip", null, 10).items()).containsExactly(ANNA, BEN);
    assertThat(segments.sizeHistory("vip", at(0), at(1))).containsExactly(new SizePoint(at(0), 2));
  }
}
