package io.shopsense.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.audit.AuditHash;
import io.shopsense.api.audit.AuditRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditHashTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00.123456789Z");

  @Test
  void isAStableSha256OverTheCanonicalFields() {
    String h = AuditHash.of(1, new AuditRecord(T, "key:a", "POST /v1/x", null, "200"), AuditHash.GENESIS);

    assertThat(h).hasSize(64).matches("[0-9a-f]+");
    assertThat(AuditHash.of(1, new AuditRecord(T, "key:a", "POST /v1/x", null, "200"), AuditHash.GENESIS))
        .isEqualTo(h);
  }

  @Test
  void fieldsCannotPoseAsEachOther() {
    String a = AuditHash.of(1, new AuditRecord(T, "key:a", "b", "c", "200"), AuditHash.GENESIS);
    String b = AuditHash.of(1, new AuditRecord(T, "key:ab", "b", null, "c200"), AuditHash.GENESIS);
    String c = AuditHash.of(2, new AuditRecord(T, "key:a", "b", "c", "200"), AuditHash.GENESIS);

    assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void keepsTimeToTheMicrosecondAsTheStoresDo() {
    assertThat(new AuditRecord(T, "system", "x", null, "ok").at()).isEqualTo(Instant.parse(
        "2026-03-01T10:00:00.123456Z"));
  }
}
