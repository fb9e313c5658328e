package io.shopsense.api.delivery;

import io.shopsense.api.campaign.Channel;
import java.util.Map;

/**
 * One rendered message on its way to one person through one channel. {@code recipient} is the channel's address of
 * the person (an email address, a phone number, a device token, the person id for the in-app inbox).
 * {@code html} and {@code unsubscribeUrl} are empty when there is none; {@code data} carries channel-specific extras
 * (a push's deep link, an SMS sender id), passed on as they are.
 */
public record OutboundMessage(DeliveryKey key, Channel channel, String recipient, String subject, String text,
    String html, String unsubscribeUrl, Map<String, String> data) {

  public OutboundMessage {
    if (key == null || channel == null) {
      throw new IllegalArgumentException("a message needs a key and a channel");
    }
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalArgumentException("message " + key + " has no recipient for channel " + channel.wireName());
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("message " + key + " has no text body");
    }
    subject = subject == null ? "" : subject;
    html = html == null ? "" : html;
    unsubscribeUrl = unsubscribeUrl == null ? "" : unsubscribeUrl;
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** A message with a plain text body only, no HTML, no unsubscribe link, no extras. */
  public static OutboundMessage text(DeliveryKey key, Channel channel, String recipient, String subject,
      String text) {
    return new OutboundMessage(key, channel, recipient, subject, text, "", "", Map.of());
  }

  public boolean hasHtml() {
    return !html.isEmpty();
  }

  public boolean hasUnsubscribeUrl() {
    return !unsubscribeUrl.isEmpty();
  }
}
