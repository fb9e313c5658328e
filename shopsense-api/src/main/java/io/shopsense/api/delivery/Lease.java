package io.shopsense.api.delivery;

import java.time.Instant;

/**
 * A named lease held by one node until {@code expiresAt}. {@code token} grows each time the lease changes hands (not
 * when its holder renews it): a fencing token that lets work done under an old holding be recognised.
 */
public record Lease(String name, String holder, Instant expiresAt, long token) {

  public boolean heldBy(String node, Instant now) {
    return holder.equals(node) && expiresAt.isAfter(now);
  }
}
