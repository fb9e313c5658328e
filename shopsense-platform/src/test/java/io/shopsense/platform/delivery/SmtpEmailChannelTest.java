package io.shopsense.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.DeliveryResult;
import io.shopsense.api.delivery.OutboundMessage;
import io.shopsense.api.id.PersonId;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email channel in a real SMTP conversation with an in-process GreenMail server. */
class SmtpEmailChannelTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  private static final DeliveryKey KEY = DeliveryKey.journeyStep("welcome", "mail-1", PersonId.of("p-anna"));

  private static SmtpSettings settings(int port) {
    return new SmtpSettings("127.0.0.1", port, "", "", false, "Shop <news@shop.example>", "mail.shop.example",
        Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  private static OutboundMessage welcome(String to) {
    return new OutboundMessage(KEY, Channel.EMAIL, to, "Willkommen, Anna — 10 % für Sie",
        "Hello Anna, plain text.", "<html><body><p>Hello <b>Anna</b></p></body></html>",
        "https://shop.example/unsubscribe?t=signed-token", Map.of());
  }

  @Test
  void sendsAMultipartMessageWithTheKeyAsMessageIdAndAnUnsubscribeHeader() throws Exception {
    SmtpEmailChannel channel = new SmtpEmailChannel(settings(SMTP.getSmtp().getPort()));
    DeliveryResult result = channel.deliver(welcome("anna@customer.example"));

    String expectedId = "<" + KEY.idempotencyKey() + "@mail.shop.example>";
    assertThat(result).isEqualTo(DeliveryResult.sent(expectedId));
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getMessageID()).isEqualTo(expectedId);
    assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<https://shop.example/unsubscribe?t=signed-token>");
    assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(mail.getHeader(SmtpEmailChannel.KEY_HEADER, null)).isEqualTo(KEY.idempotencyKey());
    assertThat(mail.getSubject()).isEqualTo("Willkommen, Anna — 10 % für Sie");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("Shop <news@shop.example>");
    assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("anna@customer.example");

    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain");
    assertThat(((String) text.getContent()).strip()).isEqualTo("Hello Anna, plain text.");
    assertThat(html.getContentType()).startsWith("text/html");
    assertThat((String) html.getContent()).contains("<b>Anna</b>");
  }

  @Test
  void aResendOfTheSameKeyCarriesTheSameMessageId() throws Exception {
    SmtpEmailChannel channel = new SmtpEmailChannel(settings(SMTP.getSmtp().getPort()));
    channel.deliver(welcome("anna@customer.example"));
    channel.deliver(welcome("anna@customer.example"));
    OutboundMessage other = OutboundMessage.text(DeliveryKey.journeyStep("welcome", "mail-2", PersonId.of("p-anna")),
        Channel.EMAIL, "anna@customer.example", "Second", "Plain only");
    channel.deliver(other);

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(3);
    assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID());
    assertThat(received[2].getMessageID()).isNotEqualTo(received[0].getMessageID());
    assertThat(received[2].getContentType()).startsWith("text/plain");
    assertThat(received[2].getHeader("List-Unsubscribe")).isNull();
  }

  @Test
  void aMalformedAddressFailsForGood() {
    SmtpEmailChannel channel = new SmtpEmailChannel(settings(SMTP.getSmtp().getPort()));
    DeliveryResult result = channel.deliver(welcome("anna at nowhere"));
    assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(result.detail()).contains("not an email address");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void anUnreachableServerIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    DeliveryResult result = new SmtpEmailChannel(settings(closedPort)).deliver(welcome("anna@customer.example"));
    assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
    assertThat(result.detail()).startsWith("SMTP failure");
  }
}
