package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.core.recommend.serve.ModelSetTrainer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecommendSettingsTest {
  private static final Path DATA = Path.of("/var/lib/shopsense");

  @Test
  void defaultsKeepThreeVersionsUnderTheDataDirectoryAndCheckErasuresEveryMinute() {
    RecommendSettings d = RecommendSettings.defaults(DATA);

    assertThat(d.modelsDir()).isEqualTo(DATA.resolve("models"));
    assertThat(d.versionsKept()).isEqualTo(3);
    assertThat(d.erasureCheckEvery()).isEqualTo(Duration.ofMinutes(1));
    assertThat(d.training()).isEqualTo(ModelSetTrainer.Settings.DEFAULT);
    assertThat(PlatformSettings.embedded(DATA).recommend()).isEqualTo(d);
  }

  @Test
  void refusesSettingsThatCannotWorkAndSaysWhich() {
    RecommendSettings d = RecommendSettings.defaults(DATA);

    assertThatThrownBy(() -> new RecommendSettings(d.modelsDir(), 0, d.erasureCheckEvery(), 10, d.contextTtl(),
        d.training())).hasMessageContaining("recommend.versions-kept");
    assertThatThrownBy(() -> d.withErasureCheckEvery(Duration.ofSeconds(-1)))
        .hasMessageContaining("recommend.erasure-check-every");
    assertThatThrownBy(() -> new RecommendSettings(d.modelsDir(), 3, d.erasureCheckEvery(), 0, d.contextTtl(),
        d.training())).hasMessageContaining("recommend.context-cache-size");
    assertThatThrownBy(() -> new RecommendSettings(d.modelsDir(), 3, d.erasureCheckEvery(), 10, Duration.ZERO,
        d.training())).hasMessageContaining("recommend.context-ttl");
    assertThatThrownBy(() -> ModelSetTrainer.Settings.DEFAULT.withMinInteractions(0))
        .hasMessageContaining("minInteractions");
  }

  @Test
  void aPlatformSettingsWithoutRecommendSettingsGetsTheDefaults() {
    PlatformSettings e = PlatformSettings.embedded(DATA);
    PlatformSettings eight = new PlatformSettings(e.store(), e.ingest(), e.identity(), e.lake(), e.profile(),
        e.crypto(), e.consent(), e.privacyRequests());

    assertThat(eight.recommend()).isEqualTo(RecommendSettings.defaults(DATA));
    assertThat(eight.withRecommend(null).recommend()).isEqualTo(RecommendSettings.defaults(DATA));
  }
}
