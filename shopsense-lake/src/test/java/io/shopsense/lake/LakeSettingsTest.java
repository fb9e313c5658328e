package io.shopsense.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LakeSettingsTest {
  static LakeSettings memory(String limit) {
    return new LakeSettings(Path.of("lake"), 1_000, Duration.ofSeconds(5), 8, limit, 2);
  }

  @Test
  void readsTheMemoryLimitInBytesAsDuckDbDoes() {
    assertThat(memory("512MB").memoryLimitBytes()).isEqualTo(512_000_000L);
    assertThat(memory("2 GiB").memoryLimitBytes()).isEqualTo(2L << 30);
    assertThat(memory("1.5GB").memoryLimitBytes()).isEqualTo(1_500_000_000L);
    assertThat(memory("100B").memoryLimitBytes()).isEqualTo(100L);
    assertThat(memory("64KiB").memoryLimitBytes()).isEqualTo(65_536L);
  }

  @Test
  void refusesALimitThatIsNoSize() {
    assertThatThrownBy(() -> memory("80%")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("such as 512MB");
  }
}
