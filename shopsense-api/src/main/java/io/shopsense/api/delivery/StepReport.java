package io.shopsense.api.delivery;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How the messages of one step of a campaign or journey did (a broadcast has the one step {@code send}; an A/B
 * split's arms are steps of their own, so variants compare step against step).
 *
 * @param statuses     messages per delivery status
 * @param opened       delivered messages opened at least once
 * @param clicked      delivered messages with at least one tracked click
 * @param converted    delivered messages credited with an order within the attribution window
 * @param unsubscribed delivered messages whose unsubscribe link was used
 * @param revenue      the credited orders' value
 */
public record StepReport(String source, String step, Map<DeliveryStatus, Long> statuses, long opened, long clicked,
    long converted, long unsubscribed, BigDecimal revenue) {
  public StepReport {
    statuses = Map.copyOf(statuses);
    revenue = revenue == null ? BigDecimal.ZERO : revenue;
  }

  public long delivered() {
    return statuses.getOrDefault(DeliveryStatus.DELIVERED, 0L);
  }
}
