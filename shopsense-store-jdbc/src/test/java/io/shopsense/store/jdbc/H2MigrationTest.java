package io.shopsense.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 database is created and migrated from nothing, and migrating it again changes nothing. */
class H2MigrationTest {
  @TempDir
  Path dir;

  @Test
  void createsTheDatabaseAndMigratesItFromEmpty() throws Exception {
    Path db = dir.resolve("data").resolve("db");

    try (JdbcStores stores = JdbcStores.h2(db)) {
      assertThat(Files.isDirectory(db)).isTrue();
      assertThat(Migrations.appliedVersions(stores.dataSource())).containsExactly("1", "1.2", "2", "2.2", "3", "4", "5", "6", "9", "10", "11", "12", "13", "14", "15", "15.2", "16");
      assertThat(Migrations.tables(stores.dataSource(), "public"))
          .containsExactlyElementsOf(Migrations.COMMON_TABLES);
    }
  }

  @Test
  void migratingAgainIsANoOp() throws Exception {
    try (JdbcStores stores = JdbcStores.h2(dir)) {
      assertThat(JdbcStores.migrate(stores.dataSource(), JdbcStores.Backend.H2, null)).isZero();
    }
    try (JdbcStores reopened = JdbcStores.h2(dir)) {
      assertThat(Migrations.appliedVersions(reopened.dataSource())).containsExactly("1", "1.2", "2", "2.2", "3", "4", "5", "6", "9", "10", "11", "12", "13", "14", "15", "15.2", "16");
      assertThat(JdbcStores.migrate(reopened.dataSource(), JdbcStores.Backend.H2, null)).isZero();
    }
  }

  @Test
  void upgradesADatabaseOfTheFirstVersionKeepingItsData() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("shopsense") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    Flyway.configure().dataSource(url, "sa", "").locations(JdbcStores.Backend.H2.migrations).target("1.2")
        .loggers("slf4j").load().migrate();
    try (var c = java.sql.DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().executeUpdate("insert into consumer_offsets (consumer, seq) values ('identity', 5)");
    }

    try (JdbcStores upgraded = JdbcStores.h2(dir)) {
      assertThat(Migrations.appliedVersions(upgraded.dataSource())).containsExactly("1", "1.2", "2", "2.2", "3", "4", "5", "6", "9", "10", "11", "12", "13", "14", "15", "15.2", "16");
      assertThat(upgraded.consumerOffsets().get("identity")).isEqualTo(5);
      assertThat(upgraded.profileStore().count()).isZero();
    }
  }

  @Test
  void identityColumnsHandOutValuesInBlocks() throws Exception {
    try (JdbcStores stores = JdbcStores.h2(dir);
        var c = stores.dataSource().getConnection();
        var rs = c.createStatement().executeQuery("select table_name, identity_cache from information_schema.columns"
            + " where is_identity = 'YES' and table_schema = 'public' order by table_name")) {
      List<String> caches = new java.util.ArrayList<>();
      while (rs.next()) {
        caches.add(rs.getString(1) + "=" + rs.getLong(2));
      }
      assertThat(caches).contains("identifiers=1000", "quarantine=1000", "merges=1000", "merge_refusals=1000",
          "profile_changes=1000");
    }
  }

  @Test
  void keepsNoEventLogAndSaysWhere() {
    try (JdbcStores stores = JdbcStores.h2(dir)) {
      assertThatThrownBy(stores::eventLog).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("segment file log").hasMessageContaining("postgres");
    }
  }

  @Test
  void closingTwiceIsHarmless() {
    JdbcStores stores = JdbcStores.h2(dir);
    stores.close();
    stores.close();
    assertThat(List.of(dir.toFile().list())).isNotEmpty();
  }
}
