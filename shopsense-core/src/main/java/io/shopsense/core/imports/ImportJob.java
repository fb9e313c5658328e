package io.shopsense.core.imports;

import io.shopsense.api.id.SourceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One import to run: the preset, the source its events are recorded under, the named inputs (read in the order
 * given) and the preset's options. Checked when built, so that a wrong preset, input or option fails before anything
 * is read.
 *
 * @param inputs  input name (usually the file name) to a supplier of its bytes; each supplier is called once per run
 * @param options the preset's options, e.g. {@code zone=Europe/London}
 */
public record ImportJob(ImportPreset preset, SourceId source, Map<String, Supplier<InputStream>> inputs,
    Map<String, String> options) {

  public ImportJob {
    if (preset == null || source == null || inputs == null || options == null) {
      throw new IllegalArgumentException("preset, source, inputs and options are required");
    }
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("an import needs at least one input");
    }
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    preset.check(inputs.keySet(), options);
  }

  /**
   * A job for the preset with this id, under source {@code import:<preset>}.
   *
   * @throws IllegalArgumentException for an unknown preset (the message lists the known ones), or inputs and options
   *                                  the preset does not accept
   */
  public static ImportJob of(String presetId, Map<String, Supplier<InputStream>> inputs, Map<String, String> options) {
    ImportPreset preset = ImportPresets.byId(presetId);
    return new ImportJob(preset, SourceId.of("import:" + preset.id()), inputs, options);
  }

  /** The same job under another source id. */
  public ImportJob withSource(SourceId otherSource) {
    return new ImportJob(preset, otherSource, inputs, options);
  }

  /** The option's value, or the fallback when it is not given. */
  public String option(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }

  /** Inputs from files, named by their file names, in the order given. */
  public static Map<String, Supplier<InputStream>> files(Path... paths) {
    Map<String, Supplier<InputStream>> inputs = new LinkedHashMap<>();
    for (Path p : paths) {
      if (inputs.put(p.getFileName().toString(), file(p)) != null) {
        throw new IllegalArgumentException("two inputs are named " + p.getFileName());
      }
    }
    return inputs;
  }

  /**
   * Inputs from the regular files of a folder that the preset reads ({@link ImportPreset#reads}), named by file name,
   * in name order.
   */
  public static Map<String, Supplier<InputStream>> folder(Path dir, ImportPreset preset) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return files(list.filter(Files::isRegularFile).filter(p -> preset.reads(p.getFileName().toString()))
          .sorted().toArray(Path[]::new));
    }
  }

  /** A supplier that opens the file each time it is called. */
  public static Supplier<InputStream> file(Path path) {
    return () -> {
      try {
        return Files.newInputStream(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open " + path, e);
      }
    };
  }
}
