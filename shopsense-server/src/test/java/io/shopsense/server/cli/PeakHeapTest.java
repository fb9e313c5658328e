package io.shopsense.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Heap growth of a measured task: the peak, and what its result keeps alive. */
class PeakHeapTest {
  private static final int MIB = 1 << 20;

  @Test
  void aResultThatHoldsMemoryIsCountedAsRetainedAndInThePeak() {
    PeakHeap.Measured<byte[]> m = PeakHeap.measure(() -> new byte[64 * MIB]);

    assertThat(m.value()).hasSize(64 * MIB);
    assertThat(m.retainedBytes()).isBetween(60L * MIB, 80L * MIB);
    assertThat(m.peakBytes()).isGreaterThanOrEqualTo(60L * MIB);
  }

  @Test
  void garbageMadeOnTheWayIsInThePeakButNotRetained() {
    PeakHeap.Measured<Integer> m = PeakHeap.measure(() -> {
      byte[] scratch = new byte[64 * MIB];
      scratch[scratch.length - 1] = 1;
      return (int) scratch[scratch.length - 1];
    });

    assertThat(m.value()).isEqualTo(1);
    assertThat(m.peakBytes()).isGreaterThanOrEqualTo(60L * MIB);
    assertThat(m.retainedBytes()).isLessThan(8L * MIB);
  }
}
