package io.shopsense.api.event;

/** A person entered payment details during checkout. */
public record PaymentInfoEntered(EventMeta meta, String checkoutId, String orderId, String paymentMethod,
    Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.PAYMENT_INFO_ENTERED.wireName();
  }
}
