package io.shopsense.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportArchiveTest {

  @Test
  void writesRfc4180CsvWithQuotedCellsAndNestedValuesAsJson() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", "Ann, \"the\" first\nline two");
    row.put("n", 3);
    row.put("tags", List.of("a", "b"));
    row.put("none", null);

    String csv = ExportArchive.csv(new SectionRows("x", List.of("name", "n", "tags", "none"), List.of(row)));

    assertThat(csv).isEqualTo("name,n,tags,none\r\n\"Ann, \"\"the\"\" first\nline two\",3,\"[\"\"a\"\",\"\"b\"\"]\",\r\n");
  }
}
