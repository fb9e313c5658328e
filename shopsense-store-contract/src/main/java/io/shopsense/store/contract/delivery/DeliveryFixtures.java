package io.shopsense.store.contract.delivery;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.OutboundMessage;
import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Map;

/** Messages for the delivery contracts. */
public final class DeliveryFixtures {
  public static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

  private DeliveryFixtures() {}

  public static DeliveryKey key(String journey, String step, int person) {
    return DeliveryKey.journeyStep(journey, step, PersonId.of("p-" + person));
  }

  /** An in-app message of the welcome journey's step to person {@code p-<person>}. */
  public static OutboundMessage inApp(String step, int person) {
    DeliveryKey key = key("welcome", step, person);
    return new OutboundMessage(key, Channel.IN_APP, key.person().value(), "Welcome " + person,
        "Hello person " + person, "<p>Hello person " + person + "</p>", "https://shop.example/u?t=" + person,
        Map.of("link", "https://shop.example/new?p=" + person, "weird key &=", "a=b&c"));
  }
}
