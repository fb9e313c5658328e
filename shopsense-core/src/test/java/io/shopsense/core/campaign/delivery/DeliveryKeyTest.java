package io.shopsense.core.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.OutboundMessage;
import io.shopsense.api.id.PersonId;
import org.junit.jupiter.api.Test;

/** The delivery key and message records of the api, tested where they are used. */
class DeliveryKeyTest {
  @Test
  void theIdempotencyKeyIsStableAndDiffersPerStepAndPerson() {
    DeliveryKey a = DeliveryKey.journeyStep("welcome", "s1", PersonId.of("p-1"));
    assertThat(a.value()).isEqualTo("journey:welcome|s1|p-1");
    assertThat(a.idempotencyKey()).hasSize(32).matches("[0-9a-f]+")
        .isEqualTo(DeliveryKey.journeyStep("welcome", "s1", PersonId.of("p-1")).idempotencyKey());
    assertThat(a.idempotencyKey()).isNotEqualTo(DeliveryKey.journeyStep("welcome", "s2", PersonId.of("p-1"))
        .idempotencyKey()).isNotEqualTo(DeliveryKey.journeyStep("welcome", "s1", PersonId.of("p-2")).idempotencyKey());
    assertThat(DeliveryKey.campaign("spring", PersonId.of("p-1")).value()).isEqualTo("campaign:spring|send|p-1");
  }

  @Test
  void rejectsKeysThatCouldCollide() {
    assertThatThrownBy(() -> new DeliveryKey("journey:a|b", "s", PersonId.of("p"))).hasMessageContaining("'|'");
    assertThatThrownBy(() -> new DeliveryKey("journey:a", " ", PersonId.of("p"))).hasMessageContaining("step");
  }

  @Test
  void aMessageNeedsARecipientAndAText() {
    DeliveryKey k = DeliveryKey.campaign("c", PersonId.of("p"));
    assertThatThrownBy(() -> OutboundMessage.text(k, Channel.EMAIL, "", "s", "t"))
        .hasMessageContaining("no recipient for channel email");
    assertThatThrownBy(() -> OutboundMessage.text(k, Channel.EMAIL, "a@b.c", "s", " "))
        .hasMessageContaining("no text body");
    assertThat(Channel.parse("in_app")).isEqualTo(Channel.IN_APP);
    assertThatThrownBy(() -> Channel.parse("fax")).hasMessageContaining("known: [email, in_app, sms, push, messaging_app]");
  }
}
