package io.shopsense.api.delivery;

/**
 * What a channel answers for one delivery attempt: {@link Sent} with the provider's id for the message,
 * {@link RetryableFailure} (the provider or the network was unavailable: try again later) or {@link PermanentFailure}
 * (the message can never be delivered as it is: a rejected address, a refused request).
 */
public sealed interface DeliveryResult {

  /** Why it failed, or the provider id when sent. */
  String detail();

  record Sent(String providerId) implements DeliveryResult {
    public Sent {
      providerId = providerId == null ? "" : providerId;
    }

    @Override
    public String detail() {
      return providerId;
    }
  }

  record RetryableFailure(String reason) implements DeliveryResult {
    public RetryableFailure {
      requireReason(reason);
    }

    @Override
    public String detail() {
      return reason;
    }
  }

  record PermanentFailure(String reason) implements DeliveryResult {
    public PermanentFailure {
      requireReason(reason);
    }

    @Override
    public String detail() {
      return reason;
    }
  }

  static DeliveryResult sent(String providerId) {
    return new Sent(providerId);
  }

  static DeliveryResult retry(String reason) {
    return new RetryableFailure(reason);
  }

  static DeliveryResult permanent(String reason) {
    return new PermanentFailure(reason);
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a failed delivery needs a reason");
    }
  }
}
