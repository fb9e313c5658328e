package io.shopsense.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.core.json.JsonCodec;
import io.shopsense.core.profile.ProfileModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job as spark-submit starts it: {@code main} with a command line, in local[2], its own session started and
 * stopped by the job. The output is read back with DuckDB, as a consumer of the files outside Spark would.
 */
class ProfileJobMainTest {
  @TempDir
  Path dir;

  @Test
  void runsFromTheCommandLineAndWritesProfilesAndModel() throws Exception {
    Path lake = ShopLake.shared().lake();
    Path segments = dir.resolve("segments.json");
    Files.write(segments, JsonCodec.mapper().writeValueAsBytes(ProfileJobTest.RULES));
    Path out = dir.resolve("out");

    ProfileJob.main(new String[] {"--lake", lake.toString(), "--out", out.toString(), "--segments",
        segments.toString(), "--now", ShopLake.NOW.toString(), "--master", "local[2]"});

    try (Stream<Path> files = Files.list(out.resolve("profiles"))) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("_SUCCESS")
          .anyMatch(n -> n.endsWith(".parquet"));
    }
    ProfileModel model = ProfileModel.fromJson(Files.readString(out.resolve("model.json")));
    assertThat(model.fittedAt()).isEqualTo(ShopLake.NOW);
    assertThat(model.rfm().customers()).isPositive();

    List<String> row = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET memory_limit = '256MB'");
      s.execute("SET threads = 1");
      try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT person_id), sum(events),"
          + " count(*) FILTER (WHERE list_contains(segments, 'customers')), typeof(any_value(net_revenue)),"
          + " typeof(any_value(stage_since)) FROM read_parquet('" + out.resolve("profiles") + "/*.parquet')")) {
        rs.next();
        for (int i = 1; i <= 6; i++) {
          row.add(rs.getString(i));
        }
      }
    }
    assertThat(row.subList(0, 2)).containsExactly(Integer.toString(ShopLake.PERSONS),
        Integer.toString(ShopLake.PERSONS));
    assertThat(Long.parseLong(row.get(3))).as("members of 'customers'").isEqualTo(model.rfm().customers());
    assertThat(row.subList(4, 6)).containsExactly("DECIMAL(18,4)", "TIMESTAMP WITH TIME ZONE");
  }

  @Test
  void refusesAnIncompleteCommandLineWithItsUsage() {
    assertThatThrownBy(() -> ProfileJob.main(new String[] {"--lake", dir.toString()}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--out").hasMessageContaining("usage:");
  }
}
