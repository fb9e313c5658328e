package io.shopsense.api.journey;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Journey definitions and enrolment state (persistence only; what a definition means and how an enrolment advances
 * is core's). Thread-safe; each call is atomic and durable when it returns, so an engine restarted on the same store
 * resumes where the last one stopped.
 */
public interface JourneyStore {

  /**
   * Saves a definition version. Saving the same id and version again with the same text changes nothing; with other
   * text it fails ({@link IllegalStateException}): a saved version is immutable. Live flags change by
   * {@link #setLive}.
   */
  void saveDefinition(StoredJourney journey);

  /** One saved version. */
  Optional<StoredJourney> definition(String journeyId, int version);

  /** The highest saved version of every journey id, in id order. */
  List<StoredJourney> latestDefinitions();

  /** Makes a saved version live (taking new enrolments) or not; false when that version is not saved. */
  boolean setLive(String journeyId, int version, boolean live);

  /**
   * Stores a new enrolment unless one with the same journey, person and entry exists; true when stored. Racing
   * enrolments of the same entry store one.
   */
  boolean enrol(Enrolment enrolment);

  /**
   * Replaces the stored state of the enrolment with the same journey, person and entry; false when there is none or
   * it has already ended (an ended enrolment never comes back).
   */
  boolean update(Enrolment enrolment);

  /** Every enrolment of the person in the journey (all versions), by entry. */
  List<Enrolment> enrolments(String journeyId, PersonId person);

  /** The person's active enrolments in any journey. */
  List<Enrolment> active(PersonId person);

  /** Active enrolments due at or before {@code now}, earliest first, at most {@code limit} (positive). */
  List<Enrolment> due(Instant now, int limit);

  /** How many enrolments of the journey are in each status (for reporting), as status to count. */
  java.util.Map<Enrolment.Status, Long> countByStatus(String journeyId);

  /**
   * Deletes every enrolment of the person, in every journey, active or ended (the right to be forgotten); returns how
   * many rows were deleted. Idempotent: erasing again, or erasing a person never enrolled, deletes nothing and returns
   * 0. Definitions and other persons' enrolments are untouched. The caller passes every person id that belongs to the
   * erased person (merged ones included); an engine working on a deleted enrolment finds it gone ({@link #update}
   * false). A later event may enrol the same id again: the caller stops that by erasing the identity first.
   */
  int erase(PersonId person);
}
