package io.shopsense.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.core.recommend.RecommenderModel;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
