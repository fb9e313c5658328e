package io.shopsense.core.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one section holds on a person, as a table: the columns in order and one map per row (values are JSON-able:
 * text, numbers, booleans, null, or nested lists and maps, which the CSV writes as JSON text).
 *
 * @param note what the section is, for the archive's README (and why it is empty, when it is)
 */
public record SectionRows(String note, List<String> columns, List<Map<String, Object>> rows) {
  public SectionRows {
    columns = List.copyOf(columns);
    List<Map<String, Object>> copy = new ArrayList<>(rows.size());
    for (Map<String, Object> r : rows) {
      copy.add(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r)));
    }
    rows = java.util.Collections.unmodifiableList(copy);
  }

  public static SectionRows empty(String note, String... columns) {
    return new SectionRows(note, List.of(columns), List.of());
  }
}
