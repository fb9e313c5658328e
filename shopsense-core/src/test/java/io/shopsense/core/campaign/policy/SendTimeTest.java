package io.shopsense.core.campaign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The send-time helper picks the person's habitual local hour, when the campaign can wait for it. */
class SendTimeTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final QuietHours QUIET = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
  /** Monday 2026-11-23 02:00 UTC = 10:00 in Shanghai. */
  private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

  @Test
  void sendsAtTheNextHabitualHourInThePersonsZone() {
    // three evenings at 19:xx Shanghai time (11:xx UTC), one morning at 09:xx
    List<Instant> events = List.of(Instant.parse("2026-11-20T11:05:00Z"), Instant.parse("2026-11-21T11:40:00Z"),
        Instant.parse("2026-11-22T11:59:00Z"), Instant.parse("2026-11-22T01:10:00Z"));

    Instant at = SendTime.best(events, SHANGHAI, NOW, NOW.plus(Duration.ofDays(1)), QUIET);

    assertThat(at).isEqualTo(Instant.parse("2026-11-23T11:00:00Z")); // 19:00 today in Shanghai
  }

  @Test
  void goesAtOnceWhenTheCampaignCannotWaitOrThereIsNoHabit() {
    int[] evenings = new int[24];
    evenings[19] = 5;
    assertThat(SendTime.best(evenings, SHANGHAI, NOW, NOW.plus(Duration.ofHours(2)), QUIET)).isEqualTo(NOW);
    assertThat(SendTime.best(new int[24], SHANGHAI, NOW, NOW.plus(Duration.ofDays(1)), QUIET)).isEqualTo(NOW);
    int[] mornings = new int[24];
    mornings[10] = 4;
    assertThat(SendTime.best(mornings, SHANGHAI, NOW.plusSeconds(900), NOW.plus(Duration.ofDays(1)), QUIET))
        .isEqualTo(NOW.plusSeconds(900)); // already in the habitual hour
  }

  @Test
  void takesTomorrowWhenTodaysHourHasPassed() {
    int[] mornings = new int[24];
    mornings[9] = 4;
    assertThat(SendTime.best(mornings, SHANGHAI, NOW, NOW.plus(Duration.ofDays(2)), QUIET))
        .isEqualTo(Instant.parse("2026-11-24T01:00:00Z")); // 09:00 tomorrow in Shanghai
  }

  @Test
  void neverPicksAnHourInsideQuietHours() {
    int[] nights = new int[24];
    nights[23] = 50;
    nights[12] = 3;
    assertThat(SendTime.habitualHour(nights, QUIET)).isEqualTo(OptionalInt.of(12));
    nights[12] = 2;
    assertThat(SendTime.habitualHour(nights, QUIET)).isEmpty(); // too few events outside quiet hours
    assertThatThrownBy(() -> SendTime.habitualHour(new int[23], QUIET)).hasMessageContaining("24 counts");
  }
}
