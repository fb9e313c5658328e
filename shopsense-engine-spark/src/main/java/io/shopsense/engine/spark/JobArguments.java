package io.shopsense.engine.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of {@link ProfileJob#main}.
 *
 * @param lake     the lake's root directory
 * @param out      where {@code profiles/} and {@code model.json} are written (replaced when present)
 * @param segments segment id → rule text, from the {@code --segments} file (empty without it)
 * @param now      the instant the facts and segments are derived at
 * @param personalised the persons with personalisation consent, from the {@code --personalised} file (one person id a
 *                 line, written by the platform's consent snapshot); the others are in no segment. Null without it:
 *                 every person is evaluated (a lake whose events already carry only consenting persons)
 * @param master   the Spark master to use, or null to take spark-submit's
 */
record JobArguments(Path lake, Path out, Map<String, String> segments, Instant now, String master,
    java.util.Set<String> personalised) {

  static final String USAGE = "usage: ProfileJob --lake DIR --out DIR [--segments FILE] [--now ISO-INSTANT]"
      + " [--master URL] [--personalised FILE]\n"
      + "  --segments  a JSON object of segment id to rule text: {\"big-spenders\": \"<rule>\", ...}\n"
      + "  --now       the instant facts and segments are derived at (default: the current time)\n"
      + "  --master    the Spark master, such as local[2] (default: the one spark-submit sets)\n"
      + "  --personalised  the person ids with personalisation consent, one a line; the others are in no segment";

  /**
   * Reads the arguments; {@code clockNow} is used when {@code --now} is absent.
   *
   * @throws IllegalArgumentException with the usage when an argument is missing, unknown or malformed
   */
  static JobArguments parse(String[] args, Instant clockNow) {
    Map<String, String> values = pairs(args, java.util.Set.of("--lake", "--out", "--segments", "--now", "--master",
        "--personalised"), USAGE);
    Path lake = lake(values);
    Instant now = now(values, clockNow);
    Map<String, String> segments = values.containsKey("--segments")
        ? readSegments(Path.of(values.get("--segments"))) : Map.of();
    java.util.Set<String> personalised = null;
    if (values.containsKey("--personalised")) {
      try (var lines = Files.lines(Path.of(values.get("--personalised")))) {
        personalised = lines.map(String::strip).filter(l -> !l.isEmpty())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the personalised file " + values.get("--personalised"), e);
      }
    }
    return new JobArguments(lake, Path.of(values.get("--out")), segments, now, values.get("--master"),
        personalised);
  }

  /**
   * The {@code --name value} pairs of a job's command line, every name one of {@code names}.
   *
   * @throws IllegalArgumentException with {@code usage} on an unknown name or a name without a value
   */
  static Map<String, String> pairs(String[] args, java.util.Set<String> names, String usage) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!names.contains(name)) {
        throw new IllegalArgumentException("unknown argument " + name + "\n" + usage);
      }
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(name + " needs a value\n" + usage);
      }
      values.put(name, args[++i]);
    }
    if (!values.containsKey("--lake") || !values.containsKey("--out")) {
      throw new IllegalArgumentException("--lake and --out are required\n" + usage);
    }
    return values;
  }

  /** {@code --lake}, an existing directory. */
  static Path lake(Map<String, String> values) {
    Path lake = Path.of(values.get("--lake"));
    if (!Files.isDirectory(lake)) {
      throw new IllegalArgumentException("--lake " + lake + " is not a directory");
    }
    return lake;
  }

  /** {@code --now}, an ISO instant, else {@code clockNow}. */
  static Instant now(Map<String, String> values, Instant clockNow) {
    if (!values.containsKey("--now")) {
      return clockNow;
    }
    try {
      return Instant.parse(values.get("--now"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--now needs an ISO instant such as 2026-11-22T00:00:00Z, not "
          + values.get("--now"), e);
    }
  }

  /** A JSON object of segment id → rule text. */
  static Map<String, String> readSegments(Path file) {
    JsonNode root;
    try {
      root = JsonCodec.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the segments file " + file, e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the segments file " + file
          + " must hold a JSON object of segment id to rule text");
    }
    Map<String, String> rules = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException("segment " + e.getKey() + " in " + file + ": the rule must be a string");
      }
      rules.put(e.getKey(), e.getValue().asText());
    }
    return rules;
  }
}
