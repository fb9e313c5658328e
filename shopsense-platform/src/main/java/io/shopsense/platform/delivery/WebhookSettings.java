package io.shopsense.platform.delivery;

import io.shopsense.api.campaign.Channel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One webhook channel: the kind of messages it carries (SMS, push; a messaging app counts as SMS), the provider's
 * URL (http or https), the shared secret the requests are signed with (at least 16 bytes) and the time a request
 * may take before it counts as a retryable failure.
 */
public record WebhookSettings(Channel kind, URI url, String secret, Duration timeout) {

  public WebhookSettings {
    if (kind == null || kind == Channel.EMAIL || kind == Channel.IN_APP) {
      throw new IllegalArgumentException("a webhook carries sms or push messages, not " + kind);
    }
    if (url == null || url.getHost() == null
        || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
      throw new IllegalArgumentException("the webhook URL must be an absolute http(s) URL, not " + url);
    }
    if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 16) {
      throw new IllegalArgumentException("the webhook secret must be at least 16 bytes long");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the webhook timeout must be positive, not " + timeout);
    }
  }

  byte[] secretBytes() {
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "WebhookSettings[kind=" + kind + ", url=" + url + ", secret=***, timeout=" + timeout + "]";
  }
}
