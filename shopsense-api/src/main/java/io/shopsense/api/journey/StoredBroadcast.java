package io.shopsense.api.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A one-off campaign as stored: a send to a segment's members on a date at a local time in each person's zone
 * ({@code fallbackZone} for a person whose zone is unknown), where its run stands and what it did.
 *
 * @param status  {@code SCHEDULED} (saved, not run), {@code RUNNING} (a node is checking, rendering and enqueueing
 *                its audience), {@code DONE} (every member queued or suppressed), {@code CANCELLED}
 * @param counts  what the run did so far: audience, queued, suppressed, held (zero before it runs)
 * @param runAt   when the run starts: a while before the earliest local send time
 */
public record StoredBroadcast(String id, String name, String segment, SendSpec spec, LocalDate date,
    LocalTime localTime, ZoneId fallbackZone, Status status, Instant runAt, Counts counts, Instant createdAt,
    Instant updatedAt) {

  public enum Status {
    SCHEDULED,
    RUNNING,
    DONE,
    CANCELLED
  }

  /** What a run did: members of the audience, messages queued, suppressed by the policy and held for later. */
  public record Counts(long audience, long queued, long suppressed, long held) {
    public static final Counts NONE = new Counts(0, 0, 0, 0);

    public Counts plus(Counts o) {
      return new Counts(audience + o.audience, queued + o.queued, suppressed + o.suppressed, held + o.held);
    }
  }

  public StoredBroadcast {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(localTime, "localTime");
    Objects.requireNonNull(fallbackZone, "fallbackZone");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(runAt, "runAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    counts = counts == null ? Counts.NONE : counts;
    name = name == null || name.isBlank() ? id : name;
    if (id.isBlank() || id.length() > 100 || id.indexOf(':') >= 0 || id.indexOf('|') >= 0) {
      throw new IllegalArgumentException("a broadcast id is 1 to 100 characters without ':' or '|', got " + id);
    }
  }

  public StoredBroadcast with(Status newStatus, Counts newCounts, Instant now) {
    return new StoredBroadcast(id, name, segment, spec, date, localTime, fallbackZone, newStatus, runAt, newCounts,
        createdAt, now);
  }
}
