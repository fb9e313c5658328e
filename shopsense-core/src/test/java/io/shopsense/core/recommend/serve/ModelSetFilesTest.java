package io.shopsense.core.recommend.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.UserRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSetFilesTest {
  static ModelSet set;

  @TempDir
  Path dir;

  @BeforeAll
  static void train() {
    set = new ModelSetTrainer(ModelSetTrainerTest.CLOCK, ModelSetTrainer.Settings.DEFAULT)
        .train(ModelSetTrainerTest.SHOP, ModelSetTrainer.Context.NONE);
  }

  @Test
  void readsBackEveryModelWithTheSameAnswers() {
    Path target = dir.resolve(set.version());
    set.write(target);

    ModelSet back = ModelSet.read(target);

    assertThat(back.version()).isEqualTo(set.version());
    assertThat(back.trainedAt()).isEqualTo(set.trainedAt());
    assertThat(back.summary()).isEqualTo(set.summary());
    RecommenderModel personal = back.personal().orElseThrow();
    for (String person : List.of("p000", "p001", "p042")) {
      assertThat(personal.recommend(personal.user(person), 5, Set.of()))
          .isEqualTo(set.personal().orElseThrow().recommend(set.personal().orElseThrow().user(person), 5, Set.of()));
    }
    assertThat(back.similar().orElseThrow().similarItems("k0-1", 4, Set.of()))
        .isEqualTo(set.similar().orElseThrow().similarItems("k0-1", 4, Set.of()));
    assertThat(back.bundles().orElseThrow().complementsOf("k2-0", 3))
        .isEqualTo(set.bundles().orElseThrow().complementsOf("k2-0", 3));
    assertThat(back.repeat().orElseThrow().consumables()).isEqualTo(set.repeat().orElseThrow().consumables());
    assertThat(back.sessions().orElseThrow().recommendForSession(List.of("k1-0", "k1-2"), 4, Set.of()))
        .isEqualTo(set.sessions().orElseThrow().recommendForSession(List.of("k1-0", "k1-2"), 4, Set.of()));
    assertThat(back.personal().orElseThrow().recommend(UserRef.unknown(), 3, Set.of())).isNotEmpty();
  }

  @Test
  void anAbsentModelStaysAbsent() {
    ModelSet empty = ModelSet.empty();
    Path target = dir.resolve("none");
    empty.write(target);

    ModelSet back = ModelSet.read(target);

    assertThat(back.personal()).isEmpty();
    assertThat(back.similar()).isEmpty();
    assertThat(back.popular()).isSameAs(ScopedPopularity.EMPTY);
    assertThat(target.resolve("personal.model")).doesNotExist();
  }

  @Test
  void leavesNoTemporaryFolderBehindAndRefusesToOverwriteASet() throws IOException {
    Path target = dir.resolve(set.version());
    set.write(target);

    assertThatThrownBy(() -> set.write(target)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already holds files");
    try (var entries = Files.list(dir)) {
      assertThat(entries).containsExactly(target);
    }
  }

  @Test
  void namesTheCorruptFile() throws IOException {
    Path target = dir.resolve(set.version());
    set.write(target);
    byte[] bytes = Files.readAllBytes(target.resolve("similar.model"));
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(target.resolve("similar.model"), bytes);

    assertThatThrownBy(() -> ModelSet.read(target)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("similar.model").hasMessageContaining("corrupt");
  }

  @Test
  void namesTheMissingFileAndTheMissingManifest() throws IOException {
    Path target = dir.resolve(set.version());
    set.write(target);
    Files.delete(target.resolve("bundles.model"));

    assertThatThrownBy(() -> ModelSet.read(target)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bundles.model").hasMessageContaining("missing");
    Files.delete(target.resolve(ModelSetFiles.MANIFEST));
    assertThatThrownBy(() -> ModelSet.read(target)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("manifest.properties");
  }

  @Test
  void refusesAManifestOfAnotherFormat() throws IOException {
    Path target = dir.resolve(set.version());
    set.write(target);
    Path manifest = target.resolve(ModelSetFiles.MANIFEST);
    Files.writeString(manifest, Files.readString(manifest).replace("format=1", "format=9"));

    assertThatThrownBy(() -> ModelSet.read(target)).hasMessageContaining("format 9");
  }
}
