package io.shopsense.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file the training bench hands its records to each model's JVM through. */
class InteractionFileTest {
  @TempDir
  Path dir;

  @Test
  void recordsComeBackAsTheyWereWrittenWithOneStringPerId() throws IOException {
    Instant t = Instant.parse("2026-10-01T10:00:00.123Z");
    List<Interaction> records = List.of(
        new Interaction("ann", "p-1", InteractionKind.VIEW, 1, t),
        new Interaction("anon:c-ü", "p-1", InteractionKind.REFUND, 2.5, t.plusSeconds(60)),
        new Interaction("ann", "p-2", InteractionKind.PURCHASE, 3, t.plusSeconds(120)));
    Path file = dir.resolve("records.bin");

    InteractionFile.write(file, records);
    List<Interaction> read = InteractionFile.read(file);

    assertThat(read).isEqualTo(records);
    assertThat(read.get(0).item()).isSameAs(read.get(1).item());
  }

  @Test
  void aFileOfSomethingElseIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("other.bin"), "not records");

    assertThatThrownBy(() -> InteractionFile.read(file)).isInstanceOf(IOException.class)
        .hasMessageContaining("not an interaction file");
  }
}
