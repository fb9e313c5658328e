package io.shopsense.store.log;

import static io.shopsense.store.contract.Envelopes.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.AppendResult;
import io.shopsense.api.collect.AppendResult.Outcome;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.UserId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Message ids are stored once, across restarts, and hash collisions never merge or lose events. */
class DeduplicationTest {

  /** Every message id and every identity hashes alike: each lookup must fall back on the stored records. */
  private static final IdHash EVERYTHING_COLLIDES = (bytes, offset, length) -> 42L;
  private static final SegmentLogSettings SETTINGS = new SegmentLogSettings(4096, Durability.FSYNC);

  @TempDir
  Path dir;

  @Test
  void recognisesRetriesAfterARestart() {
    long seq;
    try (SegmentEventLog log = SegmentEventLog.open(dir, SETTINGS)) {
      log.append(batch(0, 50));
      seq = log.find(MessageId.of("m17")).orElseThrow().seq();
    }
    try (SegmentEventLog log = SegmentEventLog.open(dir, SETTINGS)) {
      List<AppendResult> retry = log.append(List.of(track("m17", "a7", null), track("m50", "a0", null),
          track("m50", "a0", null)));

      assertThat(retry).containsExactly(AppendResult.duplicate(seq), AppendResult.stored(51),
          AppendResult.duplicate(51));
      assertThat(log.count()).isEqualTo(51);
    }
  }

  @Test
  void keepsDistinctIdsApartWhenAllHashesCollide() {
    try (SegmentEventLog log = SegmentEventLog.open(dir, SETTINGS, EVERYTHING_COLLIDES)) {
      List<AppendResult> first = log.append(batch(0, 40));
      List<EventEnvelope> retried = new ArrayList<>(batch(30, 60));
      retried.add(track("m55", "a5", null));
      List<AppendResult> second = log.append(retried);

      assertThat(first).extracting(AppendResult::outcome).containsOnly(Outcome.STORED);
      assertThat(second.subList(0, 10)).extracting(AppendResult::outcome).containsOnly(Outcome.DUPLICATE);
      assertThat(second.subList(0, 10)).extracting(AppendResult::seq)
          .containsExactlyElementsOf(first.subList(30, 40).stream().map(AppendResult::seq).toList());
      assertThat(second.subList(10, 30)).extracting(AppendResult::outcome).containsOnly(Outcome.STORED);
      assertThat(second.get(30)).isEqualTo(AppendResult.duplicate(second.get(25).seq()));
      assertFindsEach(log, 60);
    }
  }

  @Test
  void keepsDistinctIdsApartWhenAllHashesCollideAfterARestart() {
    try (SegmentEventLog log = SegmentEventLog.open(dir, SETTINGS, EVERYTHING_COLLIDES)) {
      log.append(batch(0, 60));
    }
    try (SegmentEventLog log = SegmentEventLog.open(dir, SETTINGS, EVERYTHING_COLLIDES)) {
      assertFindsEach(log, 60);
      assertThat(log.append(batch(0, 60))).extracting(AppendResult::outcome).containsOnly(Outcome.DUPLICATE);
      assertThat(log.append(batch(60, 61))).containsExactly(AppendResult.stored(61));
      assertThat(log.find(MessageId.of("never"))).isEmpty();
    }
  }

  @Test
  void readsOnlyTheAskedIdentitiesWhenIdentityKeysCollide() {
    try (SegmentEventLog log = SegmentEventLog.open(dir, SETTINGS, EVERYTHING_COLLIDES)) {
      log.append(batch(0, 60));

      List<StoredEvent> a3 = log.readByIdentity(Set.of(AnonymousId.of("a3")), Set.of(), 0, 100);
      long afterM13 = log.find(MessageId.of("m13")).orElseThrow().seq();
      List<StoredEvent> page = log.readByIdentity(Set.of(AnonymousId.of("a3")), Set.of(UserId.of("u4")), afterM13, 3);

      assertThat(a3).extracting(e -> e.envelope().messageId().value())
          .containsExactly("m3", "m13", "m23", "m33", "m43", "m53");
      assertThat(page).extracting(e -> e.envelope().messageId().value()).containsExactly("m14", "m23", "m24");
      assertThat(log.readByIdentity(Set.of(AnonymousId.of("u4")), Set.of(), 0, 100))
          .as("an anonymous id equal to a user id is another identity").isEmpty();
    }
  }

  private static void assertFindsEach(SegmentEventLog log, int n) {
    assertThat(log.count()).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      assertThat(log.find(MessageId.of("m" + i)).orElseThrow().envelope().messageId().value()).isEqualTo("m" + i);
    }
    assertThat(log.readAfter(0, 1000)).extracting(e -> e.envelope().messageId().value()).doesNotHaveDuplicates();
  }

  /** m{from}..m{to-1}, anonymous id a(i % 10), user id u(i % 10) for even i. */
  private static List<EventEnvelope> batch(int from, int to) {
    List<EventEnvelope> batch = new ArrayList<>();
    for (int i = from; i < to; i++) {
      batch.add(track("m" + i, "a" + (i % 10), i % 2 == 0 ? "u" + (i % 10) : null));
    }
    return batch;
  }
}
