package io.shopsense.server.web.imports;

import io.shopsense.api.id.SourceId;
import io.shopsense.core.imports.ImportJob;
import io.shopsense.core.imports.ImportPreset;
import io.shopsense.core.imports.ImportPresets;
import io.shopsense.core.imports.ImportProgress;
import io.shopsense.core.imports.ImportReport;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports of history through the one ingest path (as historical events): one file as the request body, read while
 * it arrives, or several files as {@code multipart/form-data} (a preset that joins tables, such as Olist). The
 * answer is the import report: rows read, accepted, duplicate and rejected by reason, which reconcile exactly.
 */
@RestController
public class ImportController {
  private final Platform platform;

  public ImportController(Platform platform) {
    this.platform = platform;
  }

  @GetMapping(path = "/v1/imports/presets", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<Map<String, String>> presets() {
    return ImportPresets.all().stream().map(p -> Map.of("id", p.id(), "description", p.description())).toList();
  }

  /**
   * Runs an import.
   *
   * @param preset  {@code online_retail}, {@code olist}, {@code jsonl}, {@code csv}, ...
   * @param name    the input's file name, for a single file sent as the body (default: the preset's usual name)
   * @param source  the source the events are recorded under (default {@code import:<preset>})
   * @param request the body: the file, or multipart parts (each part's file name names the input)
   */
  @PostMapping(path = "/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> run(@RequestParam String preset, @RequestParam(required = false) String name,
      @RequestParam(required = false) String source, @RequestParam Map<String, String> params,
      HttpServletRequest request) throws IOException {
    ImportPreset p;
    try {
      p = ImportPresets.byId(preset);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("unknown_preset", e.getMessage());
    }
    Map<String, String> options = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      if (k.startsWith("option.")) {
        options.put(k.substring("option.".length()), v);
      }
    });
    Map<String, Supplier<InputStream>> inputs = inputs(request, name == null ? p.id() : name);
    ImportJob job;
    try {
      job = ImportJob.of(p.id(), inputs, options);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid_import", e.getMessage());
    }
    if (source != null && !source.isBlank()) {
      if (!source.matches("[A-Za-z0-9:._-]{1,100}")) {
        throw ApiProblem.badRequest("invalid_parameter", "a source is letters, digits, ':', '.', '_' or '-'");
      }
      job = job.withSource(SourceId.of(source));
    }
    try {
      return view(platform.importer().run(job, ImportProgress.NONE));
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", e.getMessage());
    } catch (UncheckedIOException e) {
      throw ApiProblem.badRequest("unreadable_input", "an input could not be read: " + e.getMessage());
    }
  }

  private static Map<String, Supplier<InputStream>> inputs(HttpServletRequest request, String name)
      throws IOException {
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    Map<String, Supplier<InputStream>> inputs = new LinkedHashMap<>();
    if (type.startsWith("multipart/form-data")) {
      try {
        for (Part part : request.getParts()) {
          String file = part.getSubmittedFileName();
          if (file == null || file.isBlank()) {
            continue;
          }
          if (inputs.put(file, () -> open(part)) != null) {
            throw ApiProblem.badRequest("invalid_import", "two parts carry the file name " + file);
          }
        }
      } catch (ServletException e) {
        throw ApiProblem.badRequest("invalid_multipart", "the multipart body could not be read");
      }
      if (inputs.isEmpty()) {
        throw ApiProblem.badRequest("invalid_import", "the multipart body has no file parts");
      }
      return inputs;
    }
    InputStream body = request.getInputStream();
    inputs.put(name, () -> body);
    return inputs;
  }

  private static InputStream open(Part part) {
    try {
      return part.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> view(ImportReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("preset", r.preset());
    m.put("source", r.source().value());
    m.put("rowsRead", r.rowsRead());
    m.put("bytesRead", r.bytesRead());
    m.put("rowsAccepted", r.rowsAccepted());
    m.put("rowsDuplicate", r.rowsDuplicate());
    m.put("rowsRejected", r.rowsRejected());
    m.put("rowsRejectedByReason", r.rowsRejectedByReason());
    m.put("rowsRejectedByDetail", r.rowsRejectedByDetail());
    m.put("eventsProduced", r.eventsProduced());
    m.put("eventsAccepted", r.eventsAccepted());
    m.put("eventsDuplicate", r.eventsDuplicate());
    m.put("eventsRejected", r.eventsRejected());
    m.put("quarantined", r.quarantined());
    m.put("productsUpserted", r.productsUpserted());
    m.put("productsRejected", r.productsRejected());
    m.put("elapsedMs", r.elapsed().toMillis());
    m.put("rowsPerSecond", Math.round(r.rowsPerSecond()));
    m.put("reconciles", r.reconciles());
    m.put("summary", r.summary());
    return m;
  }
}
