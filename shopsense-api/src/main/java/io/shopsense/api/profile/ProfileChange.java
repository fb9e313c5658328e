package io.shopsense.api.profile;

import io.shopsense.api.id.PersonId;
import java.time.Instant;

/**
 * One change of a profile, in the order recorded ({@code seq}, positive, increasing): a lifecycle transition
 * ({@code from} → {@code to} stage keys; {@code from} null for the first stage), or a segment entered ({@code to} is
 * the segment id) or exited ({@code from} is the segment id).
 */
public record ProfileChange(long seq, PersonId person, Kind kind, String from, String to, Instant at) {

  /** What changed; the names are the event names journeys trigger on. */
  public enum Kind {
    LIFECYCLE_STAGE_CHANGED("LifecycleStageChanged"),
    SEGMENT_ENTERED("SegmentEntered"),
    SEGMENT_EXITED("SegmentExited");

    private final String eventName;

    Kind(String eventName) {
      this.eventName = eventName;
    }

    public String eventName() {
      return eventName;
    }
  }

  public ProfileChange {
    if (person == null || kind == null || at == null) {
      throw new IllegalArgumentException("person, kind and at are required");
    }
  }
}
