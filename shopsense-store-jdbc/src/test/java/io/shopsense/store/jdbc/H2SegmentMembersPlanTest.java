package io.shopsense.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.profile.SegmentDefinition;
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
 * A members page on H2 reads about one page of rows off the primary key, wherever its cursor is: a page that read
 * and sorted every member past its cursor made a broadcast's paging quadratic in its audience.
 */
class H2SegmentMembersPlanTest {
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @AfterEach
  void close() {
    stores.close();
  }

  @Test
  void aPageAfterACursorReadsOnlyThatPagesRows() throws Exception {
    JdbcStores s = stores.open();
    s.segmentStore().save(new SegmentDefinition("all", "All", "everyone", "behaviour.events >= 0", NOW, NOW, 1));
    List<PersonId> members = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      members.add(PersonId.of(String.format("p-%05d", i)));
    }
    s.segmentStore().setMembers("all", members, true, NOW);

    try (Connection c = s.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("explain analyze "
            + JdbcSegmentStore.membersQuery(c.getMetaData().getDatabaseProductName(), true))) {
      ps.setString(1, "all");
      ps.setString(2, "p-00100"); // early: most members lie past the cursor
      ps.setInt(3, 101);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        String plan = rs.getString(1);
        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(scanned.find()).as(plan).isTrue();
        assertThat(Integer.parseInt(scanned.group(1))).as(plan).isLessThanOrEqualTo(110);
      }
    }
  }
}
