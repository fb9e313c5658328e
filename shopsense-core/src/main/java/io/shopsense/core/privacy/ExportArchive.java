package io.shopsense.core.privacy;

import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The archive of an access request: a zip with a README, then for each section {@code <name>.json} (one document:
 * the section's note, columns and rows) and {@code <name>.csv} (RFC 4180, a header row, nested values as JSON text).
 * Written straight to the output (generated on demand, never stored).
 */
public final class ExportArchive {
  private ExportArchive() {}

  /** One exported section. */
  public record Section(String name, SectionRows rows) {}

  public static void write(OutputStream out, String requestId, String personId, Instant generatedAt,
      List<Section> sections) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    entry(zip, "README.txt", readme(requestId, personId, generatedAt, sections));
    for (Section s : sections) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("section", s.name());
      doc.put("description", s.rows().note());
      doc.put("columns", s.rows().columns());
      doc.put("rows", s.rows().rows());
      entry(zip, s.name() + ".json", JsonCodec.text(doc));
      entry(zip, s.name() + ".csv", csv(s.rows()));
    }
    zip.finish();
  }

  private static String readme(String requestId, String personId, Instant generatedAt, List<Section> sections) {
    StringBuilder sb = new StringBuilder();
    sb.append("Your data held by this shop's ShopSense\n")
        .append("=======================================\n\n")
        .append("Request: ").append(requestId).append('\n')
        .append("Person id: ").append(personId).append(" (a random id we gave your records)\n")
        .append("Generated at: ").append(generatedAt).append(" (UTC)\n\n")
        .append("Each part of your data is here twice: as JSON (<part>.json: a description, the column names and\n")
        .append("the rows) and as CSV (<part>.csv: UTF-8, comma-separated, a header row; nested values as JSON).\n\n")
        .append("Parts:\n");
    for (Section s : sections) {
      sb.append("- ").append(s.name()).append(" (").append(s.rows().rows().size()).append(" rows): ")
          .append(s.rows().note()).append('\n');
    }
    return sb.toString();
  }

  static String csv(SectionRows rows) {
    StringBuilder sb = new StringBuilder();
    line(sb, rows.columns().stream().map(c -> (Object) c).toList());
    for (Map<String, Object> r : rows.rows()) {
      line(sb, rows.columns().stream().map(r::get).toList());
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = cells.get(i);
      String text = v == null ? "" : v instanceof String s ? s
          : v instanceof Number || v instanceof Boolean ? v.toString() : JsonCodec.text(v);
      if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
        sb.append('"').append(text.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(text);
      }
    }
    sb.append("\r\n");
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
