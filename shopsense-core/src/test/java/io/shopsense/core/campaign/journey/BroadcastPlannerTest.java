package io.shopsense.core.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.Recipient;
import io.shopsense.api.journey.ScheduledSend;
import io.shopsense.api.journey.SendSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BroadcastPlannerTest {
  private static final SendSpec SPEC = new SendSpec("preferred", "spring-sale", "promotional", "offers", 40);

  private static Broadcast at(LocalDate date, LocalTime time) {
    return new Broadcast("spring", "newsletter", SPEC, date, time, ZoneId.of("Europe/London"));
  }

  @Test
  void appliesTheLocalTimeInEachPersonsZone() {
    BroadcastPlanner planner = new BroadcastPlanner(Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"),
        ZoneOffset.UTC));
    List<ScheduledSend> sends = planner.plan(at(LocalDate.of(2026, 4, 10), LocalTime.of(10, 0)), Stream.of(
        new Recipient(PersonId.of("tokyo"), ZoneId.of("Asia/Tokyo")),
        new Recipient(PersonId.of("berlin"), ZoneId.of("Europe/Berlin")),
        new Recipient(PersonId.of("ny"), ZoneId.of("America/New_York")),
        new Recipient(PersonId.of("unknown"), null))).toList();
    assertThat(sends).extracting(ScheduledSend::sendAt).containsExactly(
        Instant.parse("2026-04-10T01:00:00Z"), Instant.parse("2026-04-10T08:00:00Z"),
        Instant.parse("2026-04-10T14:00:00Z"), Instant.parse("2026-04-10T09:00:00Z"));
    assertThat(sends.get(0).idempotencyKey()).isEqualTo("broadcast/spring/tokyo");
    assertThat(sends).allSatisfy(s -> assertThat(s.spec()).isEqualTo(SPEC));
  }

  @Test
  void aLocalTimeAlreadyPastIsSentNowAndADaylightSavingGapMovesForward() {
    // 2026-03-29 02:30 does not exist in Berlin (clocks jump 02:00 -> 03:00)
    BroadcastPlanner planner = new BroadcastPlanner(Clock.fixed(Instant.parse("2026-03-29T00:00:00Z"),
        ZoneOffset.UTC));
    List<ScheduledSend> sends = planner.plan(at(LocalDate.of(2026, 3, 29), LocalTime.of(2, 30)), Stream.of(
        new Recipient(PersonId.of("tokyo"), ZoneId.of("Asia/Tokyo")),
        new Recipient(PersonId.of("berlin"), ZoneId.of("Europe/Berlin")))).toList();
    assertThat(sends).extracting(ScheduledSend::sendAt).containsExactly(
        Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T01:30:00Z"));
  }

  @Test
  void streamsALargeAudienceLazily() {
    BroadcastPlanner planner = new BroadcastPlanner(Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"),
        ZoneOffset.UTC));
    Stream<Recipient> audience = IntStream.range(0, 1_000_000)
        .mapToObj(i -> new Recipient(PersonId.of("p" + i), i % 2 == 0 ? ZoneId.of("Asia/Tokyo") : null));
    assertThat(planner.plan(at(LocalDate.of(2026, 4, 10), LocalTime.of(10, 0)), audience)
        .filter(s -> s.sendAt().equals(Instant.parse("2026-04-10T01:00:00Z"))).count()).isEqualTo(500_000);
  }
}
