package io.shopsense.api.profile;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The append-only feed of profile changes: lifecycle transitions and segment entries and exits, read by journeys
 * (after a sequence number), by a person's timeline, and by the lifecycle flow report. Joins the caller's
 * {@link io.shopsense.api.UnitOfWork}.
 */
public interface ProfileChanges {

  /** Appends the changes (their {@code seq} is ignored and assigned), in the order given. */
  void append(Collection<ProfileChange> changes);

  /** The changes after {@code seq}, oldest first, at most {@code limit}. */
  List<ProfileChange> after(long seq, int limit);

  /** The person's latest changes, newest first, at most {@code limit}. */
  List<ProfileChange> of(PersonId person, int limit);

  /** One count of a flow: how many changes of a kind went {@code from} → {@code to} on a UTC day. */
  record FlowCount(java.time.LocalDate day, String from, String to, long count) {}

  /** Counts of the changes of {@code kind} recorded with {@code at} in [{@code from}, {@code to}), per UTC day. */
  List<FlowCount> flows(ProfileChange.Kind kind, Instant from, Instant to);

  /** Gives the changes of {@code merged} to {@code survivor} (after an identity merge). */
  void reassign(PersonId merged, PersonId survivor);

  /**
   * Deletes every change of the persons (a data-subject erasure), leaving the feed's other rows and numbers as they
   * are; returns the number deleted. A follower after a sequence number misses nothing it could still read.
   */
  long erase(Collection<PersonId> persons);
}
