package io.shopsense.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every model promises: byte round trips, a digest that tracks every setting, and determinism. */
class ModelLifecycleTest {
  static final CoBoughtClusters DATA = CoBoughtClusters.generate(3, 200, 6, 6, 4);
  static final Instant NOW = CoBoughtClusters.START.plus(Duration.ofDays(40));
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Interactions TRAIN = Interactions.of(DATA.train(), InteractionWeights.DEFAULT,
      Optional.of(new TimeDecay(Duration.ofDays(14), NOW)));

  static Stream<Recommender> recommenders() {
    Map<String, String> categories = new HashMap<>();
    for (int i = 0; i < TRAIN.itemCount(); i++) {
      categories.put(TRAIN.itemId(i), TRAIN.itemId(i).substring(0, 3));
    }
    return Stream.of(new PopularityRecommender(CLOCK, categories),
        new ItemKnnRecommender(CLOCK, new ItemKnnRecommender.Settings(5, 3)),
        new EaseRecommender(CLOCK, new EaseRecommender.Settings(10, 100)),
        new AlsRecommender(CLOCK, new AlsRecommender.Settings(8, 0.1, 10, 5, 3, 1, 10_000, 16, 200)),
        new SessionKnnRecommender(CLOCK, new SessionKnnRecommender.Settings(20, 5)));
  }

  @ParameterizedTest
  @MethodSource("recommenders")
  void roundTripsThroughBytesWithIdenticalPredictions(Recommender recommender) {
    RecommenderModel model = recommender.train(TRAIN);
    RecommenderModel back = RecommenderModel.fromBytes(model.toBytes());

    assertThat(back.getClass()).isEqualTo(model.getClass());
    assertThat(back.recommender()).isEqualTo(recommender.name());
    assertThat(back.settingsDigest()).isEqualTo(model.settingsDigest()).hasSize(64);
    assertThat(back.trainedAt()).isEqualTo(NOW);
    assertThat(back.interactions().weighting()).isEqualTo(TRAIN.weighting());
    Set<String> exclude = Set.of(TRAIN.itemId(0), TRAIN.itemId(5));
    for (int u = 0; u < TRAIN.userCount(); u++) {
      UserRef user = new UserRef.Known(u);
      assertThat(back.recommend(user, 8, exclude)).isEqualTo(model.recommend(user, 8, exclude));
      assertThat(back.scoreAll(user)).containsExactly(model.scoreAll(user));
    }
    assertThat(back.recommend(UserRef.unknown(), 8, Set.of())).isEqualTo(model.recommend(UserRef.unknown(), 8,
        Set.of()));
    assertThat(back.toBytes()).isEqualTo(model.toBytes());
  }

  @ParameterizedTest
  @MethodSource("recommenders")
  void exclusionsAreNeverRecommendedAndListsHaveNoDuplicates(Recommender recommender) {
    RecommenderModel model = recommender.train(TRAIN);
    Random random = new Random(11);
    for (int u = 0; u < TRAIN.userCount(); u += 7) {
      Set<String> exclude = new HashSet<>();
      for (int k = 0; k < 10; k++) {
        exclude.add(TRAIN.itemId(random.nextInt(TRAIN.itemCount())));
      }
      List<ScoredItem> items = model.recommend(new UserRef.Known(u), 15, exclude);
      assertThat(items).hasSize(15).extracting(ScoredItem::item).doesNotContainAnyElementsOf(exclude)
          .doesNotHaveDuplicates();
      assertThat(items).extracting(ScoredItem::reason).doesNotContainNull();
    }
  }

  @ParameterizedTest
  @MethodSource("recommenders")
  void trainingIsDeterministicWhateverTheRecordOrder(Recommender recommender) {
    List<Interaction> shuffled = new ArrayList<>(DATA.train());
    Collections.shuffle(shuffled, new Random(5));
    Interactions reordered = Interactions.of(shuffled, InteractionWeights.DEFAULT,
        Optional.of(new TimeDecay(Duration.ofDays(14), NOW)));
    RecommenderModel model = recommender.train(TRAIN);
    RecommenderModel again = recommender.train(reordered);
    assertThat(again.settingsDigest()).isEqualTo(model.settingsDigest());
    for (int u = 0; u < TRAIN.userCount(); u++) {
      UserRef user = new UserRef.Known(u);
      double[] a = model.scoreAll(user);
      double[] b = again.scoreAll(user);
      // summation order may differ with record order: equal up to rounding, same ranking
      assertThat(b).containsExactly(a, within(1e-9));
      assertThat(again.recommend(user, 10, Set.of())).extracting(ScoredItem::item)
          .isEqualTo(model.recommend(user, 10, Set.of()).stream().map(ScoredItem::item).toList());
    }
  }

  @ParameterizedTest
  @MethodSource("recommenders")
  void trainsOnAnEmptyMatrixAndRecommendsNothing(Recommender recommender) {
    Interactions empty = Interactions.of(List.of(new Interaction("u", "i", InteractionKind.REFUND, 1, NOW)),
        InteractionWeights.DEFAULT);
    RecommenderModel model = recommender.train(empty);
    assertThat(empty.itemCount()).isZero();
    assertThat(model.recommend(model.user("u"), 5, Set.of())).isEmpty();
    assertThat(model.scoreAll(UserRef.unknown())).isEmpty();
    assertThat(RecommenderModel.fromBytes(model.toBytes()).recommend(UserRef.unknown(), 5, Set.of())).isEmpty();
  }

  @Test
  void theDigestChangesWithEverySettingWeightAndDecay() {
    Interactions plain = Interactions.of(DATA.train(), InteractionWeights.DEFAULT);
    Set<String> digests = new HashSet<>();
    List<String> all = new ArrayList<>();
    for (Interactions m : List.of(plain,
        Interactions.of(DATA.train(), new InteractionWeights(1, 3, 5, 4)),
        Interactions.of(DATA.train(), new InteractionWeights(1, 3, 6, 5)),
        Interactions.of(DATA.train(), new InteractionWeights(1, 2, 5, 5)),
        Interactions.of(DATA.train(), new InteractionWeights(0.5, 3, 5, 5)),
        TRAIN,
        Interactions.of(DATA.train(), InteractionWeights.DEFAULT,
            Optional.of(new TimeDecay(Duration.ofDays(7), NOW))),
        Interactions.of(DATA.train(), InteractionWeights.DEFAULT,
            Optional.of(new TimeDecay(Duration.ofDays(14), NOW.plusSeconds(1)))))) {
      all.add(new PopularityRecommender(CLOCK).train(m).settingsDigest());
    }
    for (ItemKnnRecommender.Settings s : List.of(new ItemKnnRecommender.Settings(5, 3),
        new ItemKnnRecommender.Settings(6, 3), new ItemKnnRecommender.Settings(5, 3.5))) {
      all.add(new ItemKnnRecommender(CLOCK, s).train(plain).settingsDigest());
    }
    for (EaseRecommender.Settings s : List.of(new EaseRecommender.Settings(10, 100),
        new EaseRecommender.Settings(11, 100), new EaseRecommender.Settings(10, 101))) {
      all.add(new EaseRecommender(CLOCK, s).train(plain).settingsDigest());
    }
    digests.addAll(all);
    assertThat(digests).hasSize(all.size());
    // the same settings again give the same digest, and the clock does not enter it
    Clock later = Clock.offset(CLOCK, Duration.ofHours(5));
    assertThat(new ItemKnnRecommender(later, new ItemKnnRecommender.Settings(5, 3)).train(plain).settingsDigest())
        .isEqualTo(all.get(8));
  }

  @Test
  void canonicalSettingsAreSortedKeyValueLines() {
    assertThat(new EaseRecommender(CLOCK, new EaseRecommender.Settings(10, 100)).settings().canonical())
        .isEqualTo("recommender=ease\nlambda=10.0\nmax-items=100\n");
  }

  @Test
  void rejectsForeignAndTruncatedBytes() {
    byte[] bytes = new ItemKnnRecommender(CLOCK, ItemKnnRecommender.Settings.DEFAULT).train(TRAIN).toBytes();
    assertThatThrownBy(() -> RecommenderModel.fromBytes("hello, world".getBytes()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad magic");
    assertThatThrownBy(() -> RecommenderModel.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> RecommenderModel.fromBytes(longer)).hasMessageContaining("trailing bytes");
  }
}
