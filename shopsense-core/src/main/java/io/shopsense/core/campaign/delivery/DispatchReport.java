package io.shopsense.core.campaign.delivery;

/**
 * What one dispatcher round did: messages claimed, delivered, put back for a retry, failed for good, delivered but
 * not recorded because another dispatcher had taken the claim over ({@code lostClaims}), and left unattempted because
 * the round's lease ran out before their turn ({@code leaseExpired}; they are claimed again later).
 */
public record DispatchReport(int claimed, int delivered, int retried, int failed, int lostClaims, int leaseExpired) {

  public static final DispatchReport EMPTY = new DispatchReport(0, 0, 0, 0, 0, 0);

  public DispatchReport plus(DispatchReport o) {
    return new DispatchReport(claimed + o.claimed, delivered + o.delivered, retried + o.retried, failed + o.failed,
        lostClaims + o.lostClaims, leaseExpired + o.leaseExpired);
  }
}
