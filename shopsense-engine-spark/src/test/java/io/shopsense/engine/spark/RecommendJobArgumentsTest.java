package io.shopsense.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.core.recommend.InteractionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendJobArgumentsTest {
  static final Instant CLOCK_NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir
  Path dir;

  @Test
  void readsTheCommonAndTheJobsOptionsWithDefaults() throws Exception {
    Path excluded = Files.writeString(dir.resolve("x.txt"), "p1\n");
    RecommendJobArguments a = RecommendJobArguments.parse(new String[] {"--lake", dir.toString(), "--out",
        dir.resolve("m.bin").toString(), "--exclude", excluded.toString(), "--rank", "8"}, CLOCK_NOW,
        AlsJob.DEFAULTS, AlsJob.USAGE);

    assertThat(a.now()).isEqualTo(CLOCK_NOW);
    assertThat(a.master()).isNull();
    assertThat(a.persons().excluded()).contains(excluded);
    assertThat(a.persons().personalised()).isEmpty();
    SparkAls.Settings settings = AlsJob.settings(a);
    assertThat(settings).isEqualTo(new SparkAls.Settings(8, 0.05, 10, 15, 42));
  }

  @Test
  void refusesToTrainWithoutAConsentInput() {
    assertThatThrownBy(() -> RecommendJobArguments.parse(new String[] {"--lake", dir.toString(), "--out",
        dir.resolve("m.bin").toString()}, CLOCK_NOW, AlsJob.DEFAULTS, AlsJob.USAGE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--personalised")
        .hasMessageContaining("usage: AlsJob");
  }

  @Test
  void refusesUnknownMissingAndMalformedArguments() throws Exception {
    Path snapshot = Files.writeString(dir.resolve("p.txt"), "p1\n");
    String[] base = {"--lake", dir.toString(), "--out", dir.resolve("m.bin").toString(), "--personalised",
        snapshot.toString()};
    assertThatThrownBy(() -> parse(base, "--rank", "8"))
        .hasMessageContaining("unknown argument --rank").hasMessageContaining("usage: ItemCooccurrenceJob");
    assertThatThrownBy(() -> parse(base, "--neighbours"))
        .hasMessageContaining("--neighbours needs a value");
    assertThatThrownBy(() -> ItemCooccurrenceJob.settings(parse(base, "--neighbours", "0")))
        .hasMessageContaining("--neighbours must be >= 1");
    assertThatThrownBy(() -> ItemCooccurrenceJob.settings(parse(base, "--kinds", "view,refund")))
        .hasMessageContaining("--kinds takes view, cart and purchase, not refund");
    assertThatThrownBy(() -> parse(base, "--now", "yesterday")).hasMessageContaining("ISO instant");
    assertThatThrownBy(() -> RecommendJobArguments.parse(new String[] {"--lake", dir.resolve("none").toString(),
        "--out", "m.bin", "--personalised", snapshot.toString()}, CLOCK_NOW, AlsJob.DEFAULTS, AlsJob.USAGE))
        .hasMessageContaining("is not a directory");
    assertThatThrownBy(() -> RecommendJobArguments.parse(new String[] {"--lake", dir.toString(),
        "--out", "m.bin", "--personalised", dir.resolve("none.txt").toString()}, CLOCK_NOW, AlsJob.DEFAULTS,
        AlsJob.USAGE)).hasMessageContaining("--personalised").hasMessageContaining("is not a file");

    ItemCooccurrenceJob.Settings purchases = ItemCooccurrenceJob.settings(parse(base, "--kinds", " purchase "));
    assertThat(purchases.kinds()).containsExactlyInAnyOrder(InteractionKind.PURCHASE, InteractionKind.REFUND);
  }

  private static RecommendJobArguments parse(String[] base, String... more) {
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return RecommendJobArguments.parse(args, CLOCK_NOW, ItemCooccurrenceJob.DEFAULTS, ItemCooccurrenceJob.USAGE);
  }
}
