package io.shopsense.core.campaign.journey;

import io.shopsense.api.journey.Recipient;
import io.shopsense.api.journey.ScheduledSend;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.Stream;

/**
 * Expands a {@link Broadcast} into one {@link ScheduledSend} per audience member, at the broadcast's local date and
 * time in the member's zone. A local time that does not exist that day (a daylight-saving gap) moves forward by the
 * gap; one that has already passed when planning sends now, not a day late. Lazy: an audience of millions streams
 * through without being held. Stateless apart from the clock.
 */
public final class BroadcastPlanner {
  private final Clock clock;

  public BroadcastPlanner(Clock clock) {
    this.clock = clock;
  }

  /** The sends, in audience order (a member listed twice is planned twice: the key makes the second a no-op). */
  public Stream<ScheduledSend> plan(Broadcast broadcast, Stream<Recipient> audience) {
    Instant now = clock.instant();
    return audience.map(r -> {
      ZoneId zone = r.zone() == null ? broadcast.fallbackZone() : r.zone();
      Instant at = ZonedDateTime.of(broadcast.date(), broadcast.localTime(), zone).toInstant();
      return new ScheduledSend(broadcast.id(), r.person(), at.isBefore(now) ? now : at, broadcast.spec(),
          "broadcast/" + broadcast.id() + "/" + r.person().value());
    });
  }
}
