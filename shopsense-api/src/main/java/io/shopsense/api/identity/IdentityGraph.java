package io.shopsense.api.identity;

import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which identifiers belong to which person, and the history of merges. Persistence only: the policy (when to
 * stitch, when to refuse) is the identity resolver's. Each method is atomic on its own and idempotent, so that the
 * log consumer that drives it can replay after a crash. Written by one resolver at a time.
 */
public interface IdentityGraph {

  Optional<PersonId> personOf(Identifier identifier);

  /** The owners of those identifiers that have one. */
  Map<Identifier, PersonId> personsOf(Collection<Identifier> identifiers);

  /** The identifiers the person owns now, oldest link first; empty for an unknown or merged-away person. */
  List<IdentityLink> links(PersonId person);

  /**
   * Gives the identifier to the person, creating the person on its first identifier. Does nothing if the person owns
   * it already.
   *
   * @throws IdentityConflictException if another person owns it
   */
  void link(PersonId person, Identifier identifier, Instant at);

  /**
   * Moves every identifier of {@code merged} to {@code survivor}, records the merge and makes {@code merged} resolve
   * to {@code survivor}. Does nothing if {@code merged} was already merged into {@code survivor}.
   *
   * @return the merge as recorded, with the identifiers it moved
   */
  MergeRecord merge(PersonId survivor, PersonId merged, String reason, MessageId cause, Instant at);

  /** The person that stands for {@code person} now: itself, or the survivor of the merges it went into. */
  PersonId resolve(PersonId person);

  /** The merges into {@code survivor}, directly or through persons merged into it, oldest first. */
  List<MergeRecord> merges(PersonId survivor);

  /**
   * {@link #resolve} of many persons at once (a campaign page, a consent check of an audience): every person asked
   * is a key, mapped to itself when it is live or unknown.
   */
  Map<PersonId, PersonId> resolveAll(Collection<PersonId> persons);

  /** {@link #merges} of many survivors at once: every survivor asked is a key, with its merges oldest first. */
  Map<PersonId, List<MergeRecord>> mergesInto(Collection<PersonId> survivors);

  /** {@link #links} of many persons at once: every person asked is a key, with its links oldest first. */
  Map<PersonId, List<IdentityLink>> linksOf(Collection<PersonId> persons);

  /** A recorded merge and its position in the history of merges (positive, increasing). */
  record SequencedMerge(long seq, MergeRecord merge) {}

  /** The merges recorded after position {@code seq}, oldest first, at most {@code limit}: how followers learn of them. */
  List<SequencedMerge> mergesAfter(long seq, int limit);

  /**
   * Hands every identifier that has an owner now, with its owner, to {@code sink}, streaming (the whole graph is not
   * held in memory): the snapshot batch jobs attribute lake events with.
   */
  void scanLinks(java.util.function.BiConsumer<Identifier, PersonId> sink);

  /** Records a merge the resolver refused. */
  void refuse(RefusedMerge refusal);

  /** The refused merges that involve the person, oldest first. */
  List<RefusedMerge> refusals(PersonId person);

  /** The number of persons now (merged-away ones not counted). */
  long persons();

  /**
   * Erases the person (a data-subject erasure): the person row of {@code person} and of every person merged into it,
   * their identifiers, the merges among them, and the refusals that name any of them or any of their identifiers.
   * Afterwards none of its identifiers has an owner and {@link #resolve} of a merged-away id is that id. Idempotent:
   * erasing an unknown or erased person removes nothing. Call it with the live (resolved) person.
   */
  ErasedIdentity erase(PersonId person);
}
