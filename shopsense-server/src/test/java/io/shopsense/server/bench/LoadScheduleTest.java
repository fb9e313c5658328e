package io.shopsense.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The open-loop schedule of the load generator. */
class LoadScheduleTest {

  @Test
  void requestsAreDueEvenlyAtTheRateWhateverTheAnswers() {
    LoadSchedule s = LoadSchedule.of(1_000, 2, 3);

    assertThat(s.total()).isEqualTo(5_000);
    assertThat(s.dueNanos(0)).isZero();
    assertThat(s.dueNanos(1)).isEqualTo(1_000_000);
    assertThat(s.dueNanos(4_999)).isEqualTo(4_999_000_000L);
  }

  @Test
  void onlyRequestsAfterTheWarmUpAreMeasured() {
    LoadSchedule s = LoadSchedule.of(3, 2, 1);

    assertThat(s.isMeasured(5)).isFalse();
    assertThat(s.isMeasured(6)).isTrue();
    assertThat(s.dueNanos(1)).isEqualTo(333_333_333L);
  }

  @Test
  void aScheduleWithoutRequestsIsRefused() {
    assertThatThrownBy(() -> LoadSchedule.of(0, 1, 1)).hasMessageContaining("at least 1 request/s");
    assertThatThrownBy(() -> LoadSchedule.of(10, 1, 0)).hasMessageContaining("measured window >= 1");
  }
}
