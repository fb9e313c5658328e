package io.shopsense.core.campaign.journey;

import java.time.LocalDate;
import java.time.ZoneId;

/** What enrols a person into a journey. */
public sealed interface Trigger {

  /** Whether the signal enrols; {@code zone} is the person's time zone (for date triggers). */
  boolean fires(JourneySignal signal, ZoneId zone);

  /** An event, optionally with property values. */
  record OnEvent(EventFilter filter) implements Trigger {
    @Override
    public boolean fires(JourneySignal signal, ZoneId zone) {
      return signal instanceof JourneySignal.EventSeen e && filter.matches(e);
    }
  }

  /** Entering ({@code entered}) or leaving a segment. */
  record OnSegment(String segment, boolean entered) implements Trigger {
    @Override
    public boolean fires(JourneySignal signal, ZoneId zone) {
      return signal instanceof JourneySignal.SegmentChanged s && s.segment().equals(segment)
          && s.entered() == entered;
    }
  }

  /** A lifecycle stage change; a null {@code from} or {@code to} matches any stage. */
  record OnStageChange(String from, String to) implements Trigger {
    @Override
    public boolean fires(JourneySignal signal, ZoneId zone) {
      return signal instanceof JourneySignal.StageChanged s && (from == null || from.equals(s.from()))
          && (to == null || to.equals(s.to()));
    }
  }

  /**
   * A date trait's yearly anniversary, {@code offsetDays} away (negative: before, e.g. -7 for a week before the
   * birthday). A 29 February date counts as 28 February in other years.
   */
  record OnDateTrait(String trait, int offsetDays) implements Trigger {
    @Override
    public boolean fires(JourneySignal signal, ZoneId zone) {
      if (!(signal instanceof JourneySignal.DateTraitSeen d) || !d.trait().equals(trait)) {
        return false;
      }
      LocalDate today = signal.at().atZone(zone).toLocalDate();
      LocalDate target = today.minusDays(offsetDays);
      LocalDate anniversary = d.value().withYear(target.getYear());
      return anniversary.equals(target);
    }
  }
}
