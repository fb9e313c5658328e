package io.shopsense.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.RecommenderModel;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recommendation jobs as spark-submit starts them: {@code main}, its own local[2] session, a model file out. */
class RecommendJobsMainTest {
  @TempDir
  Path dir;

  @Test
  void bothJobsWriteModelFilesTheServerCanLoad() throws Exception {
    String lake = BasketLake.shared().toString();
    String excluded = BasketLake.excludedFile(dir).toString();
    Path als = dir.resolve("models/als.model");
    Path knn = dir.resolve("models/item-knn.model");

    AlsJob.main(new String[] {"--lake", lake, "--out", als.toString(), "--exclude", excluded, "--rank", "4",
        "--iterations", "5", "--now", ShopLake.NOW.toString(), "--master", "local[2]"});
    ItemCooccurrenceJob.main(new String[] {"--lake", lake, "--out", knn.toString(), "--exclude", excluded,
        "--neighbours", "5", "--now", ShopLake.NOW.toString(), "--master", "local[2]"});

    RecommenderModel alsModel = RecommenderModel.fromBytes(Files.readAllBytes(als));
    RecommenderModel knnModel = RecommenderModel.fromBytes(Files.readAllBytes(knn));
    assertThat(alsModel.recommender()).isEqualTo("als");
    assertThat(knnModel.recommender()).isEqualTo("item-knn");
    for (RecommenderModel m : new RecommenderModel[] {alsModel, knnModel}) {
      assertThat(m.trainedAt()).isEqualTo(ShopLake.NOW);
      assertThat(m.interactions().userIndex(BasketLake.NO_CONSENT)).isEmpty();
      assertThat(m.interactions().itemIds()).doesNotContain("s1", "s2");
    }
    try (var files = Files.list(dir.resolve("models"))) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
          .containsExactlyInAnyOrder("als.model", "item-knn.model");
    }
  }

  /** The Spark half of {@code shopsense eval --with-spark}: a matrix file in, one served model per grid point out. */
  @Test
  void alsFitsWritesOneModelAndOneMeasuredLinePerGridPoint() throws Exception {
    Interactions matrix = Interactions.of(List.of(
        new Interaction("u1", "a", InteractionKind.PURCHASE, 1, ShopLake.NOW),
        new Interaction("u1", "b", InteractionKind.PURCHASE, 1, ShopLake.NOW),
        new Interaction("u2", "a", InteractionKind.PURCHASE, 1, ShopLake.NOW),
        new Interaction("u2", "b", InteractionKind.VIEW, 2, ShopLake.NOW),
        new Interaction("u3", "c", InteractionKind.CART, 1, ShopLake.NOW)), InteractionWeights.DEFAULT);
    Path file = dir.resolve("matrix.bin");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      matrix.writeTo(out);
    }
    Path out = dir.resolve("fits");

    SparkAlsFits.main(new String[] {"--matrix", file.toString(), "--out", out.toString(), "--now",
        ShopLake.NOW.toString(), "--grid", "2:0.1:1,3:0.05:10", "--iterations", "3", "--master", "local[2]"});

    List<String> lines = Files.readAllLines(out.resolve("fits.tsv"));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("1\t3\t0.05\t10.0\t");
    for (int n = 0; n < 2; n++) {
      RecommenderModel model = RecommenderModel.fromBytes(Files.readAllBytes(out.resolve("model-" + n + ".bin")));
      assertThat(model.recommender()).isEqualTo("als");
      assertThat(model.interactions().itemIds()).containsExactly("a", "b", "c");
      assertThat(model.settingsDigest()).isEqualTo(SparkAlsFits.grid(n == 0 ? "2:0.1:1" : "3:0.05:10", 3, 42)
          .get(0).recommenderSettings().digest(matrix));
    }
  }
}
