package io.shopsense.lake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The answer to one {@link LakeQuery#query} call.
 *
 * @param columns   the column names, in order
 * @param types     DuckDB's type name of each column ({@code BIGINT}, {@code DECIMAL(18,4)},
 *                  {@code TIMESTAMP WITH TIME ZONE}, ...)
 * @param rows      the rows read, each a list of JDK values in column order ({@code null} for SQL NULL)
 * @param truncated true when the query had more rows than were read
 */
public record QueryResult(List<String> columns, List<String> types, List<List<Object>> rows, boolean truncated) {

  public QueryResult {
    columns = List.copyOf(columns);
    types = List.copyOf(types);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(row))); // rows hold nulls, which List.copyOf refuses
    }
    rows = Collections.unmodifiableList(copy);
  }
}
