package io.shopsense.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks at a lake's files directly, below {@link LakeQuery}, for tests. */
final class LakeFiles {
  private LakeFiles() {}

  /** Every data file of a table, as paths relative to the lake, sorted. */
  static List<String> names(Path lake, LakeTable table) {
    return new LakeDirectory(lake).files(table).stream()
        .map(f -> lake.relativize(f.path()).toString()).sorted().toList();
  }

  /** Every file and folder under the lake (hidden ones too), relative, sorted. */
  static List<String> everything(Path lake) {
    try (Stream<Path> paths = Files.walk(lake)) {
      return paths.filter(Files::isRegularFile).map(p -> lake.relativize(p).toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The given columns of one Parquet file, row by row, in the order they are stored. */
  static List<List<Object>> rowsInFileOrder(Path file, String columns) {
    try (DuckDbSession s = new DuckDbSession(LakeSettings.defaults(file.getParent()));
        Statement st = s.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT " + columns + " FROM read_parquet(" + DuckDbSession.literal(file)
            + ", hive_partitioning = false, file_row_number = true) ORDER BY file_row_number")) {
      List<List<Object>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The column names stored in a Parquet file. */
  static List<String> columnsOf(Path file) {
    try (DuckDbSession s = new DuckDbSession(LakeSettings.defaults(file.getParent()));
        Statement st = s.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM parquet_schema(" + DuckDbSession.literal(file)
            + ") WHERE num_children IS NULL OR num_children = 0")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One number from a query over the lake. */
  static long count(Path lake, String sql) {
    try (LakeQuery q = LakeQuery.open(lake)) {
      return (Long) q.query(sql, 1).rows().get(0).get(0);
    }
  }
}
