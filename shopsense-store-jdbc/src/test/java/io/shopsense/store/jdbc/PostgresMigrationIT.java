package io.shopsense.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.store.contract.PostgresTestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A PostgreSQL schema is created and migrated from nothing, and migrating it again changes nothing. */
class PostgresMigrationIT {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();

  @Test
  void createsTheSchemaAndMigratesItFromEmpty() throws Exception {
    String schema = PG.newSchemaName();

    try (JdbcStores stores = JdbcStores.postgres(PG.url(), PG.user(), PG.password(), schema)) {
      assertThat(Migrations.appliedVersions(stores.dataSource())).containsExactly("1", "1.1", "2", "2.1", "3", "4", "5", "6", "8.1", "9", "10", "11", "12", "13", "14", "15", "16");
      List<String> expected = new ArrayList<>(Migrations.COMMON_TABLES);
      expected.add("events");
      expected.add("erased_events");
      assertThat(Migrations.tables(stores.dataSource(), schema)).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(stores.eventLog().count()).isZero();
    }
  }

  @Test
  void migratingAgainIsANoOp() throws Exception {
    String schema = PG.newSchemaName();
    try (JdbcStores stores = JdbcStores.postgres(PG.url(), PG.user(), PG.password(), schema)) {
      assertThat(JdbcStores.migrate(stores.dataSource(), JdbcStores.Backend.POSTGRESQL, schema)).isZero();
    }
    try (JdbcStores reopened = JdbcStores.postgres(PG.url(), PG.user(), PG.password(), schema)) {
      assertThat(Migrations.appliedVersions(reopened.dataSource())).containsExactly("1", "1.1", "2", "2.1", "3", "4", "5", "6", "8.1", "9", "10", "11", "12", "13", "14", "15", "16");
    }
  }

  @Test
  void comparesPersonAndSegmentIdsByteWiseWhateverTheDatabaseCollation() throws Exception {
    String schema = PG.newSchemaName();
    try (JdbcStores stores = JdbcStores.postgres(PG.url(), PG.user(), PG.password(), schema);
        var c = stores.dataSource().getConnection();
        var ps = c.prepareStatement("select table_name || '.' || column_name from information_schema.columns "
            + "where table_schema = ? and collation_name = 'C' order by 1")) {
      ps.setString(1, schema);
      List<String> columns = new ArrayList<>();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
      assertThat(columns).contains("products.product_id", "profiles.person_id", "segment_members.person_id",
          "segment_members.segment_id", "segment_sizes.segment_id", "segments.segment_id");
    }
  }

  @Test
  void upgradesASchemaOfTheFirstVersionKeepingItsData() throws Exception {
    String schema = PG.newSchemaName();
    Flyway.configure().dataSource(PG.url(), PG.user(), PG.password()).schemas(schema).defaultSchema(schema)
        .createSchemas(true).locations(JdbcStores.Backend.POSTGRESQL.migrations).target("1.1").loggers("slf4j")
        .load().migrate();
    try (var c = PG.connect()) {
      c.createStatement().executeUpdate("insert into " + schema + ".consumer_offsets (consumer, seq) "
          + "values ('identity', 5)");
    }

    try (JdbcStores upgraded = JdbcStores.postgres(PG.url(), PG.user(), PG.password(), schema)) {
      assertThat(Migrations.appliedVersions(upgraded.dataSource())).containsExactly("1", "1.1", "2", "2.1", "3", "4", "5", "6", "8.1", "9", "10", "11", "12", "13", "14", "15", "16");
      assertThat(upgraded.consumerOffsets().get("identity")).isEqualTo(5);
      assertThat(upgraded.profileStore().count()).isZero();
    }
  }

  @Test
  void keepsSchemasApart() {
    String one = PG.newSchemaName();
    String two = PG.newSchemaName();
    try (JdbcStores a = JdbcStores.postgres(PG.url(), PG.user(), PG.password(), one);
        JdbcStores b = JdbcStores.postgres(PG.url(), PG.user(), PG.password(), two)) {
      a.consumerOffsets().commit("identity", 5);

      assertThat(b.consumerOffsets().get("identity")).isZero();
      assertThat(a.consumerOffsets().get("identity")).isEqualTo(5);
    }
  }

  @Test
  void refusesASchemaNameThatIsNotAPlainIdentifier() {
    assertThatThrownBy(() -> JdbcStores.postgres(PG.url(), PG.user(), PG.password(), "Bad-Name; drop"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
