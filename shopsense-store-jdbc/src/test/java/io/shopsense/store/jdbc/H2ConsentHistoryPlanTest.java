package io.shopsense.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.privacy.ConsentRecord;
import io.shopsense.api.privacy.ConsentSubject;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consent histories of a campaign page's subjects on H2 read those subjects' rows off an index, not the whole
 * ledger: a list of (kind, value) pairs made H2 scan every record for each page of an audience, so that a broadcast
 * slowed down with the size of the shop.
 */
class H2ConsentHistoryPlanTest {
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @AfterEach
  void close() {
    stores.close();
  }

  @Test
  void aPageOfSubjectsReadsOnlyTheirRecords() throws Exception {
    JdbcStores s = stores.open();
    List<ConsentRecord> records = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      records.add(new ConsentRecord(0, new ConsentSubject(ConsentSubject.Kind.USER_ID, "u" + i),
          Purpose.MARKETING_EMAIL, i % 2 == 0, LawfulBasis.CONSENT, "signup", "2026-05", NOW, "c-" + i));
    }
    s.consentLedger().append(records);

    try (Connection c = s.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("explain analyze " + JdbcConsentLedger.historyQuery(10))) {
      for (int i = 0; i < 10; i++) {
        ps.setString(i + 1, "u" + (i * 100));
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        String plan = rs.getString(1);
        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(scanned.find()).as(plan).isTrue();
        assertThat(Integer.parseInt(scanned.group(1))).as(plan).isLessThanOrEqualTo(30);
      }
    }
    assertThat(s.consentLedger().history(List.of(new ConsentSubject(ConsentSubject.Kind.USER_ID, "u4"),
        new ConsentSubject(ConsentSubject.Kind.PERSON, "u6")))).extracting(ConsentRecord::cause)
        .containsExactly("c-4");
  }
}
