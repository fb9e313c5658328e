package io.shopsense.platform.campaign;

import io.shopsense.api.collect.ConsumerOffsets;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.CouponApplied;
import io.shopsense.api.event.Event;
import io.shopsense.api.event.OrderCompleted;
import io.shopsense.api.event.TrackEvent;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.core.campaign.coupon.CouponRedeemer;
import io.shopsense.core.campaign.journey.JourneyEngine;
import io.shopsense.core.campaign.journey.JourneySignal;
import io.shopsense.core.identity.EventOwners;
import io.shopsense.core.pipeline.LogConsumer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows the event log for campaigns: each event of a known person is a journey signal (enrolments and exits),
 * a {@code Coupon Applied} or {@code Order Completed} redeems the person's coupon, and an order is credited to the
 * last message that reached the person within the attribution window.
 *
 * <p>Only events of the last {@link #TRIGGER_HORIZON} are journey signals: an import of last year's history must
 * not send last year's cart reminders. Coupons and attribution take every event.
 *
 * <p>Idempotent, as the pipeline asks: enrolment allows one active enrolment per journey and person, a coupon is
 * redeemed once per grant and an order is credited once. Waits for identity to have resolved the events, as the
 * profile consumer does, so that an event of a person who just identified finds them.
 */
final class CampaignFollower implements LogConsumer {
  static final String NAME = "campaigns";
  /** How old an event may be and still enrol or end journeys. */
  static final Duration TRIGGER_HORIZON = Duration.ofDays(1);

  private final JourneyEngine journeys;
  private final CouponRedeemer redeemer;
  private final Attribution attribution;
  private final IdentityGraph graph;
  private final ConsumerOffsets offsets;
  private final String identityConsumer;
  private final Duration identityWait;
  private final java.time.Clock clock;

  /** What an order counts for: the message it converts (last touch) and the offer whose coupon it redeemed. */
  @FunctionalInterface
  interface Attribution {
    void order(PersonId person, OrderCompleted order, io.shopsense.core.campaign.coupon.RedemptionResult redemption);
  }

  CampaignFollower(JourneyEngine journeys, CouponRedeemer redeemer, Attribution attribution, IdentityGraph graph,
      ConsumerOffsets offsets, String identityConsumer, Duration identityWait, java.time.Clock clock) {
    this.clock = clock;
    this.journeys = journeys;
    this.redeemer = redeemer;
    this.attribution = attribution;
    this.graph = graph;
    this.offsets = offsets;
    this.identityConsumer = identityConsumer;
    this.identityWait = identityWait;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public long process(List<StoredEvent> events) throws InterruptedException {
    long last = events.get(events.size() - 1).seq();
    EventOwners.awaitIdentity(offsets, identityConsumer, last, identityWait);
    java.time.Instant horizon = clock.instant().minus(TRIGGER_HORIZON);
    EventOwners.byPerson(events, graph).forEach((person, list) -> {
      for (Event e : list) {
        if (!(e instanceof TrackEvent track)) {
          continue;
        }
        if (track instanceof CouponApplied applied) {
          redeemer.onCouponApplied(applied, person);
        } else if (track instanceof OrderCompleted order) {
          attribution.order(person, order, redeemer.onOrderCompleted(order, person));
        }
        if (!track.meta().timestamp().isBefore(horizon)) {
          journeys.onSignal(new JourneySignal.EventSeen(person, track.name(), texts(track),
              track.meta().timestamp()));
        }
      }
    });
    return last;
  }

  /** The event's scalar properties as text, which is what event filters compare. */
  private static Map<String, String> texts(TrackEvent e) {
    Map<String, String> out = new HashMap<>();
    e.properties().values().forEach((k, v) -> {
      if (v instanceof String || v instanceof Number || v instanceof Boolean) {
        out.put(k, v.toString());
      }
    });
    return out;
  }
}
