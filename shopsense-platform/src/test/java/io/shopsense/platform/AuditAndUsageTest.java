package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.audit.AuditEntry;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.api.privacy.UsageCount;
import io.shopsense.api.privacy.UsageKind;
import io.shopsense.api.profile.ProfileChange;
import io.shopsense.core.audit.AuditTrail;
import io.shopsense.core.audit.AuditVerification;
import io.shopsense.core.usage.SegmentUsageFollower;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's audit trail and usage follower over the real embedded stores: the usage log counts segment entries
 * from the profile change feed exactly once (also across a restart), and the anchor file outside the database finds
 * a tail cut off the audit log together with the database's own head.
 */
class AuditAndUsageTest {
  private static final PersonId ANN = PersonId.of("p-ann");
  private static final PersonId BOB = PersonId.of("p-bob");
  private static final Instant DAY1 = Instant.parse("2026-03-01T09:00:00Z");

  @TempDir
  Path dir;

  @Test
  void countsSegmentEntriesFromTheChangeFeedExactlyOnce() throws Exception {
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      p.stores().profileChanges().append(List.of(
          new ProfileChange(0, ANN, ProfileChange.Kind.SEGMENT_ENTERED, null, "vip", DAY1),
          new ProfileChange(0, ANN, ProfileChange.Kind.SEGMENT_ENTERED, null, "outdoor", DAY1.plusSeconds(60)),
          new ProfileChange(0, ANN, ProfileChange.Kind.SEGMENT_EXITED, "vip", null, DAY1.plusSeconds(120)),
          new ProfileChange(0, ANN, ProfileChange.Kind.LIFECYCLE_STAGE_CHANGED, null, "new", DAY1),
          new ProfileChange(0, BOB, ProfileChange.Kind.SEGMENT_ENTERED, null, "vip", DAY1.plusSeconds(86_400))));
      p.followUsageNow();
      p.followUsageNow();

      assertThat(p.stores().usageLog().of(ANN)).containsExactly(new UsageCount(ANN, LocalDate.of(2026, 3, 1),
          Purpose.PERSONALISATION, UsageKind.SEGMENT_ENTERED, 2));
      assertThat(p.stores().usageLog().of(BOB)).containsExactly(new UsageCount(BOB, LocalDate.of(2026, 3, 2),
          Purpose.PERSONALISATION, UsageKind.SEGMENT_ENTERED, 1));
      assertThat(p.stores().consumerOffsets().get(SegmentUsageFollower.NAME)).isPositive();
    }
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      p.stores().profileChanges().append(List.of(
          new ProfileChange(0, ANN, ProfileChange.Kind.SEGMENT_ENTERED, null, "vip", DAY1.plusSeconds(300))));
      p.followUsageNow();

      assertThat(p.stores().usageLog().of(ANN)).extracting(UsageCount::count).containsExactly(3L);
      assertThat(p.stores().usageLog().of(BOB)).extracting(UsageCount::count).containsExactly(1L);
    }
  }

  @Test
  void hotPathsCountInMemoryAndTheCountsReachTheLogOnFlushAndOnClose() throws Exception {
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      for (int i = 0; i < 3; i++) {
        p.usageRecorder().record(ANN, DAY1, Purpose.PERSONALISATION, UsageKind.RECOMMENDATIONS_SERVED);
      }
      p.followUsageNow();
      assertThat(p.stores().usageLog().of(ANN)).extracting(UsageCount::count).containsExactly(3L);
      // written by the next tick or, at the latest, by the close
      p.usageRecorder().record(ANN, DAY1, Purpose.PERSONALISATION, UsageKind.RECOMMENDATIONS_SERVED);
      p.usageRecorder().record(BOB, DAY1, Purpose.MARKETING_PUSH, UsageKind.MESSAGE_SENT);
    }
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      assertThat(p.stores().usageLog().of(ANN)).extracting(UsageCount::count).containsExactly(4L);
      assertThat(p.stores().usageLog().of(BOB)).containsExactly(new UsageCount(BOB, LocalDate.of(2026, 3, 1),
          Purpose.MARKETING_PUSH, UsageKind.MESSAGE_SENT, 1));
    }
  }

  @Test
  void aPersonsUsageIncludesWhatWasRecordedUnderIdsMergedIntoThemNewestDayFirst() {
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      var log = p.stores().usageLog();
      LocalDate day = LocalDate.of(2026, 3, 1);
      log.recordAll(List.of(
          new UsageCount(ANN, day, Purpose.PERSONALISATION, UsageKind.SEGMENT_ENTERED, 1),
          new UsageCount(BOB, day, Purpose.PERSONALISATION, UsageKind.SEGMENT_ENTERED, 2),
          new UsageCount(BOB, day.plusDays(1), Purpose.MARKETING_EMAIL, UsageKind.MESSAGE_SENT, 1),
          new UsageCount(PersonId.of("p-other"), day, Purpose.ANALYTICS, UsageKind.DATA_SHARED, 9)));

      assertThat(io.shopsense.core.usage.PersonUsage.of(log, ANN, List.of(BOB))).containsExactly(
          new UsageCount(ANN, day.plusDays(1), Purpose.MARKETING_EMAIL, UsageKind.MESSAGE_SENT, 1),
          new UsageCount(ANN, day, Purpose.PERSONALISATION, UsageKind.SEGMENT_ENTERED, 3));
    }
  }

  @Test
  void theAnchorOutsideTheDatabaseFindsATailCutOffWithTheDatabasesHead() throws Exception {
    AuditEntry fourth;
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      for (int i = 1; i <= 5; i++) {
        p.audit().record(AuditTrail.apiKey("k1"), "POST /v1/segments", "seg-" + i, "201");
      }
      fourth = p.stores().auditLog().after(3, 1).get(0);
      assertThat(p.audit().verify()).isInstanceOf(AuditVerification.Intact.class);
      assertThat(Files.readString(dir.resolve(Platform.AUDIT_ANCHOR))).startsWith("5 ");
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db").resolve("shopsense")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", ""); Statement s = c.createStatement()) {
      s.executeUpdate("delete from audit_log where seq = 5");
      s.executeUpdate("update audit_head set head_seq = 4, head_hash = '" + fourth.hash() + "'");
    }

    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      AuditVerification v = p.audit().verify();

      assertThat(v).isEqualTo(new AuditVerification.Broken(5, AuditVerification.Reason.TRUNCATED,
          "a head recorded entry 5 but the log ends at 4"));
    }
  }
}
