package io.shopsense.core.recommend.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.core.recommend.rules.Diversity;
import io.shopsense.core.recommend.rules.RerankSettings;
import org.junit.jupiter.api.Test;

class SceneSettingsTest {

  @Test
  void browsingScenesDiversifyAndExplore() {
    RerankSettings home = SceneSettings.defaults(Scene.HOME).rerank();
    assertThat(home.diversity()).isEqualTo(new Diversity.Mmr(0.3));
    assertThat(home.explorationSlots()).isEqualTo(1);
    assertThat(home.newItemWeight()).isPositive().isLessThan(0.1);
    assertThat(SceneSettings.defaults(Scene.PRODUCT).rerank().diversity()).isEqualTo(new Diversity.CategoryCap(6));
    assertThat(SceneSettings.defaults(Scene.PRODUCT).rerank().explorationSlots()).isEqualTo(1);
  }

  @Test
  void purchaseAndEmailScenesNeverExplore() {
    for (Scene scene : new Scene[] {Scene.CART, Scene.POST_PURCHASE, Scene.EMAIL}) {
      assertThat(SceneSettings.defaults(scene).rerank().explorationSlots()).as(scene.name()).isZero();
      assertThat(SceneSettings.defaults(scene).rerank().newItemWeight()).as(scene.name()).isZero();
    }
    assertThat(SceneSettings.defaults(Scene.EMAIL).rerank().diversity()).isEqualTo(new Diversity.CategoryCap(2));
  }

  @Test
  void searchKeepsTheSearchEnginesRelevance() {
    assertThat(SceneSettings.defaults(Scene.SEARCH).rerank()).isEqualTo(RerankSettings.OFF);
  }

  @Test
  void everySceneHasItsOwnExplorationSeed() {
    assertThat(SceneSettings.defaults(Scene.HOME).rerank().seed())
        .isNotEqualTo(SceneSettings.defaults(Scene.PRODUCT).rerank().seed());
  }
}
