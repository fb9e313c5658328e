package io.shopsense.api.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leases for work that runs on one node at a time (the journey scheduler, the dispatcher's housekeeping): whoever
 * holds a name's lease does the work until it expires, renewing it while alive; a crashed holder's lease expires and
 * another node acquires it. Every call is one atomic statement on the database, so two nodes never hold one name at
 * the same instant (by the database's clock of {@code now} as the callers give it: keep node clocks in sync, and keep
 * the work between renewals well inside the lease time).
 */
public interface Leases {

  /**
   * Acquires the lease for {@code holder} when nobody holds it, its holding expired (at or before {@code now}), or
   * {@code holder} already holds it (then it is renewed); returns the lease now held, or empty when another holds it.
   */
  Optional<Lease> acquire(String name, String holder, Duration ttl, Instant now);

  /** Extends the holder's unexpired lease to {@code now + ttl}; false when it does not hold it (any more). */
  boolean renew(String name, String holder, Duration ttl, Instant now);

  /** Gives the lease up at once so another node need not wait for it to expire; false when not held by holder. */
  boolean release(String name, String holder);

  /** The lease's last holding, expired or not; empty when never acquired or released. */
  Optional<Lease> find(String name);
}
