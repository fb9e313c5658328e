package io.shopsense.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobArgumentsTest {
  private static final Instant CLOCK = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir
  Path dir;

  @Test
  void readsEveryOption() throws Exception {
    Path rules = Files.writeString(dir.resolve("segments.json"),
        "{\"vip\": \"rfm.monetary >= 4\", \"lapsed\": \"lifecycle = 'silent'\"}");
    JobArguments a = JobArguments.parse(new String[] {"--lake", dir.toString(), "--out", "out", "--segments",
        rules.toString(), "--now", "2024-07-15T00:00:00Z", "--master", "local[2]"}, CLOCK);
    assertThat(a.lake()).isEqualTo(dir);
    assertThat(a.out()).isEqualTo(Path.of("out"));
    assertThat(a.segments()).containsExactly(Map.entry("vip", "rfm.monetary >= 4"),
        Map.entry("lapsed", "lifecycle = 'silent'"));
    assertThat(a.now()).isEqualTo(Instant.parse("2024-07-15T00:00:00Z"));
    assertThat(a.master()).isEqualTo("local[2]");
  }

  @Test
  void readsThePersonsWithPersonalisationConsent() throws Exception {
    Path file = dir.resolve("personalised.txt");
    java.nio.file.Files.writeString(file, "p-1\n\n p-2 \n");
    JobArguments a = JobArguments.parse(new String[] {"--lake", dir.toString(), "--out", "o", "--personalised",
        file.toString()}, CLOCK);
    assertThat(a.personalised()).containsExactlyInAnyOrder("p-1", "p-2");
    assertThat(JobArguments.parse(new String[] {"--lake", dir.toString(), "--out", "o"}, CLOCK).personalised())
        .isNull();
  }

  @Test
  void defaultsToNoSegmentsTheClocksTimeAndSparkSubmitsMaster() {
    JobArguments a = JobArguments.parse(new String[] {"--out", "o", "--lake", dir.toString()}, CLOCK);
    assertThat(a.segments()).isEmpty();
    assertThat(a.now()).isEqualTo(CLOCK);
    assertThat(a.master()).isNull();
  }

  @Test
  void refusesUnknownMissingAndMalformedArguments() throws Exception {
    assertThatThrownBy(() -> JobArguments.parse(new String[] {"--lake", dir.toString(), "--out", "o", "--fast"},
        CLOCK)).hasMessageStartingWith("unknown argument --fast");
    assertThatThrownBy(() -> JobArguments.parse(new String[] {"--lake", dir.toString(), "--out"}, CLOCK))
        .hasMessageStartingWith("--out needs a value");
    assertThatThrownBy(() -> JobArguments.parse(new String[] {"--lake", dir.resolve("x").toString(), "--out", "o"},
        CLOCK)).hasMessageContaining("is not a directory");
    assertThatThrownBy(() -> JobArguments.parse(new String[] {"--lake", dir.toString(), "--out", "o", "--now",
        "yesterday"}, CLOCK)).hasMessageContaining("ISO instant");
    Path array = Files.writeString(dir.resolve("array.json"), "[\"vip\"]");
    assertThatThrownBy(() -> JobArguments.parse(new String[] {"--lake", dir.toString(), "--out", "o",
        "--segments", array.toString()}, CLOCK)).hasMessageContaining("JSON object");
    Path number = Files.writeString(dir.resolve("number.json"), "{\"vip\": 4}");
    assertThatThrownBy(() -> JobArguments.parse(new String[] {"--lake", dir.toString(), "--out", "o",
        "--segments", number.toString()}, CLOCK)).hasMessageContaining("the rule must be a string");
  }
}
