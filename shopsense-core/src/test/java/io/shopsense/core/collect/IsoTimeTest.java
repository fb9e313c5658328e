package io.shopsense.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path agrees with the JDK on everything: same instants accepted, same text printed. */
class IsoTimeTest {

  @Test
  void printsExactlyWhatInstantToStringPrints() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      long seconds = random.nextLong(-62_167_219_200L, 253_402_300_799L); // years 0000..9999
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant t = Instant.ofEpochSecond(seconds, nanos);
      assertThat(IsoTime.format(t)).isEqualTo(t.toString());
    }
    assertThat(IsoTime.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    assertThat(IsoTime.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
  }

  @Test
  void parsesLikeTheJdkWithAnyOffsetAndFraction() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      Instant t = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
      String text = OffsetDateTime.ofInstant(t, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      assertThat(IsoTime.parse(text)).as(text).isEqualTo(t);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-20T11:59:00Z", "2026-11-20T11:59:00.1Z", "2026-11-20T11:59:00.123456789+08:00",
      "2026-11-20T11:59:00-05:30", "2026-11-20t11:59:00z", "2026-11-20T11:59:00+18:00", "2024-02-29T00:00:00Z",
      "2026-11-20T11:59Z", "2026-11-20T11:59:00+08", "0000-01-01T00:00:00Z", "2026-11-20T11:59:00.Z"})
  void acceptsWhatTheJdkAccepts(String text) {
    assertThat(IsoTime.parse(text)).isEqualTo(jdk(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T11:60:00Z",
      "2026-11-20T11:59:00+18:59", "2026-11-20T11:59:00", "2026-11-20 11:59:00Z", "2026-13-01T00:00:00Z",
      "2026-11-20T11:59:00+0800", "2026-11-20T11:59:00.1234567891Z", "yesterday", "2026-11-20T11:59:00ZZ",
      "2026-11-20T11:59:00.\u0661\u0662Z", "2026-11-20T11:59:00.\uFF11Z"})
  void refusesWhatTheJdkRefuses(String text) {
    assertThatThrownBy(() -> jdk(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoTime.parse(text)).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void parseOrNullAnswersNullForAbsentOrUnreadableTimes() {
    assertThat(IsoTime.parseOrNull("2026-11-20T11:59:00+08:00")).isEqualTo(Instant.parse("2026-11-20T03:59:00Z"));
    assertThat(IsoTime.parseOrNull(null)).isNull();
    assertThat(IsoTime.parseOrNull("yesterday")).isNull();
    assertThat(IsoTime.parseOrNull("2026-02-30T00:00:00Z")).isNull();
  }

  private static Instant jdk(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }
}
