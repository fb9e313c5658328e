package io.shopsense.api.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tracked data-subject requests. Written by the privacy request service (one request at a time per id); read by
 * the API and CLI. Each call is atomic on its own and thread-safe.
 */
public interface PrivacyRequests {

  /**
   * Stores a new request.
   *
   * @throws IllegalStateException if a request with its id exists
   */
  void create(PrivacyRequest request);

  /** Replaces the stored request with the same id (status, person, subject, report, completion time). */
  void update(PrivacyRequest request);

  Optional<PrivacyRequest> find(String id);

  /**
   * Requests in receipt order (oldest first, then by id), at most {@code limit}.
   *
   * @param status      only requests in this status; null for any
   * @param overdueAt   only requests still open whose deadline is before this instant; null for any
   * @param afterId     the last id of the previous page; null for the first page
   */
  List<PrivacyRequest> list(RequestStatus status, Instant overdueAt, String afterId, int limit);

  /**
   * Replaces the subject of every request of the person with {@link PrivacyRequest#ERASED_SUBJECT} (after the
   * person's erasure, so that no earlier request keeps their identifier); returns how many requests it changed.
   */
  int forgetSubject(io.shopsense.api.id.PersonId person);
}
