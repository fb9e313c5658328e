package io.shopsense.api.profile;

import io.shopsense.api.Slice;
import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Segment definitions, who is in each segment now, and each segment's size over time. Joins the caller's
 * {@link io.shopsense.api.UnitOfWork}.
 */
public interface SegmentStore {

  /** Every definition, by id. */
  List<SegmentDefinition> definitions();

  Optional<SegmentDefinition> definition(String id);

  /** Inserts or replaces the definition with its id. */
  void save(SegmentDefinition definition);

  /** Deletes the definition, its memberships and its size history; false if there was none. */
  boolean delete(String id);

  /** The ids of the segments each of the persons is in now; persons in none are left out. */
  Map<PersonId, Set<String>> segmentsOf(Collection<PersonId> persons);

  /** Makes the persons members ({@code member} true) or not of the segment; idempotent. */
  void setMembers(String segmentId, Collection<PersonId> persons, boolean member, Instant at);

  /** Removes the persons from every segment (after a merge or an erasure). */
  void removeFromAll(Collection<PersonId> persons);

  /** A page of the segment's members in person id order. */
  Slice<PersonId> members(String segmentId, String after, int limit);

  long size(String segmentId);

  /** One measurement of a segment's size. */
  record SizePoint(Instant at, long size) {}

  void recordSize(String segmentId, Instant at, long size);

  /** The sizes recorded in [{@code from}, {@code to}), oldest first. */
  List<SizePoint> sizeHistory(String segmentId, Instant from, Instant to);
}
