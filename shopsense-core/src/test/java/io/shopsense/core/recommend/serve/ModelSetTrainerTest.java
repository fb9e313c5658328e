package io.shopsense.core.recommend.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.UserRef;
import io.shopsense.core.recommend.internal.HybridModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelSetTrainerTest {
  static final Instant NOW = ShopHistory.END.plus(Duration.ofHours(1));
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final List<TrainingEvent> SHOP = ShopHistory.generate(7, 60, 3, 16);

  private final ModelSetTrainer trainer = new ModelSetTrainer(CLOCK, ModelSetTrainer.Settings.DEFAULT);

  @Test
  void trainsEveryModelOfTheSetFromOneSnapshot() {
    ModelSet set = trainer.train(SHOP, ModelSetTrainer.Context.NONE);

    assertThat(set.trainedAt()).isEqualTo(NOW);
    assertThat(set.version()).matches("20261027T010000Z-[0-9a-f]{8}");
    assertThat(set.personal()).get().isInstanceOf(HybridModel.class);
    assertThat(set.similar()).isPresent();
    assertThat(set.sessions()).isPresent();
    assertThat(set.bundles().orElseThrow().basketCount()).isEqualTo(60 * 8);
    assertThat(set.repeat().orElseThrow().consumables()).containsExactlyInAnyOrder("tea-0", "tea-1", "tea-2");
    assertThat(set.summary().persons()).isEqualTo(60);
    assertThat(set.summary().items()).isEqualTo(3 * 16 + 3);
    assertThat(set.summary().interactions()).isEqualTo(SHOP.size());
    assertThat(set.summary().millisByModel()).containsKeys("personal", "item-knn", "bought-together",
        "repeat-purchase", "session-knn", "popularity");
  }

  @Test
  void thePersonalModelRecommendsFromThePersonsOwnCluster() {
    ModelSet set = trainer.train(SHOP, ModelSetTrainer.Context.NONE);
    var personal = set.personal().orElseThrow();

    UserRef p001 = personal.user("p001"); // cluster 1
    List<ScoredItem> picks = personal.recommend(p001, 3, Set.of());

    assertThat(picks).extracting(ScoredItem::item).allMatch(i -> i.startsWith("k1-") || i.equals("tea-1"));
  }

  @Test
  void tunesTheHybridWhenTheValidationWindowHasEnoughBuyersElseWeighsMembersAlike() {
    HybridModel tuned = (HybridModel) trainer.train(SHOP, ModelSetTrainer.Context.NONE).personal().orElseThrow();
    ModelSetTrainer strict = new ModelSetTrainer(CLOCK, new ModelSetTrainer.Settings(20, 1_000, Duration.ofDays(14),
        10, Duration.ofDays(14), 5_000, ModelSetTrainer.Settings.DEFAULT.weights()));
    HybridModel untuned = (HybridModel) strict.train(SHOP, ModelSetTrainer.Context.NONE).personal().orElseThrow();

    assertThat(untuned.weights()).containsOnly(0.25);
    assertThat(Arrays.stream(tuned.weights()).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(tuned.weights()).isNotEqualTo(untuned.weights());
  }

  @Test
  void aTinyShopGetsASetWithoutCollaborativeModelsInsteadOfAnError() {
    List<TrainingEvent> tiny = List.of(
        TrainingEvent.of(new Interaction("p1", "a", InteractionKind.VIEW, 1, ShopHistory.START)),
        TrainingEvent.of(new Interaction("p1", "b", InteractionKind.PURCHASE, 1, ShopHistory.START)));

    ModelSet set = trainer.train(tiny, ModelSetTrainer.Context.NONE);

    assertThat(set.personal()).isEmpty();
    assertThat(set.similar()).isEmpty();
    assertThat(set.sessions()).isEmpty();
    assertThat(set.bundles()).isEmpty();
    assertThat(set.repeat()).isEmpty();
    assertThat(set.summary().interactions()).isEqualTo(2);
  }

  @Test
  void anEmptyShopGetsAnEmptySet() {
    ModelSet set = trainer.train(List.of(), ModelSetTrainer.Context.NONE);

    assertThat(set.personal()).isEmpty();
    assertThat(set.summary().persons()).isZero();
    assertThat(set.version()).isNotEqualTo(ModelSet.NONE);
  }

  @Test
  void theSameDataAndClockGiveTheSameVersionAndOtherDataAnother() {
    String a = trainer.train(SHOP, ModelSetTrainer.Context.NONE).version();
    String b = trainer.train(SHOP, ModelSetTrainer.Context.NONE).version();
    String c = trainer.train(SHOP.subList(0, SHOP.size() - 1), ModelSetTrainer.Context.NONE).version();

    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void replacingThePersonalModelKeepsTheRestUnderANewVersion() {
    ModelSet set = trainer.train(SHOP, ModelSetTrainer.Context.NONE);
    ModelSet other = trainer.train(SHOP.subList(0, SHOP.size() / 2), ModelSetTrainer.Context.NONE);

    ModelSet replaced = trainer.withPersonal(set, other.personal().orElseThrow());

    assertThat(replaced.version()).isNotEqualTo(set.version()).matches("20261027T010000Z-[0-9a-f]{8}");
    assertThat(replaced.personal()).containsSame(other.personal().orElseThrow());
    assertThat(replaced.similar()).isSameAs(set.similar());
    assertThat(replaced.summary()).isEqualTo(set.summary());
  }
}
