package io.shopsense.platform.delivery;

import io.shopsense.api.delivery.DeliveryChannel;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryResult;
import io.shopsense.api.delivery.OutboundMessage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * SMS, push and messaging apps through the shop's provider: each message is POSTed as JSON to the configured URL,
 * signed ({@link WebhookSignature}) and with the delivery key's {@code Idempotency-Key} header, the same on every
 * attempt, so the provider can drop a repeat.
 *
 * <p>Outcomes: 2xx is sent (the provider id is the response's {@code X-Message-Id} header, else the idempotency key);
 * 408, 425, 429 and 5xx, a timeout or a connection failure are retryable; any other status is permanent.
 * Thread-safe.
 */
public final class WebhookChannel implements DeliveryChannel {
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  public static final String PROVIDER_ID_HEADER = "X-Message-Id";

  private final WebhookSettings settings;
  private final HttpClient http;
  private final Clock clock;

  public WebhookChannel(WebhookSettings settings, HttpClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  /** With its own HTTP client (HTTP/1.1, connect timeout as the request timeout). */
  public WebhookChannel(WebhookSettings settings, Clock clock) {
    this(settings, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.timeout()).build(), clock);
  }

  @Override
  public Channel kind() {
    return settings.kind();
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  @Override
  public DeliveryResult deliver(OutboundMessage m) {
    if (m.channel() != settings.kind()) {
      return DeliveryResult.permanent("a " + m.channel().wireName() + " message reached the "
          + settings.kind().wireName() + " webhook");
    }
    String body = json(m);
    String idempotencyKey = m.key().idempotencyKey();
    HttpRequest request = HttpRequest.newBuilder(settings.url())
        .timeout(settings.timeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header(IDEMPOTENCY_HEADER, idempotencyKey)
        .header(WebhookSignature.HEADER, WebhookSignature.header(settings.secretBytes(), clock.instant(), body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return DeliveryResult.retry("webhook timed out after " + settings.timeout().toMillis() + " ms");
    } catch (IOException e) {
      return DeliveryResult.retry("webhook unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.retry("interrupted while calling the webhook");
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return DeliveryResult.sent(response.headers().firstValue(PROVIDER_ID_HEADER).orElse(idempotencyKey));
    }
    String reason = "webhook answered " + status + excerpt(response.body());
    if (status == 408 || status == 425 || status == 429 || status >= 500) {
      return DeliveryResult.retry(reason);
    }
    return DeliveryResult.permanent(reason);
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String b = body.strip().replaceAll("\\s+", " ");
    return ": " + (b.length() > 200 ? b.substring(0, 200) + "…" : b);
  }

  /** The request body: the message's fields, its keys and its extras, as one JSON object. */
  static String json(OutboundMessage m) {
    StringBuilder out = new StringBuilder(256).append('{');
    field(out, "idempotencyKey", m.key().idempotencyKey()).append(',');
    field(out, "key", m.key().value()).append(',');
    field(out, "person", m.key().person().value()).append(',');
    field(out, "channel", m.channel().wireName()).append(',');
    field(out, "recipient", m.recipient()).append(',');
    field(out, "subject", m.subject()).append(',');
    field(out, "text", m.text()).append(',');
    field(out, "unsubscribeUrl", m.unsubscribeUrl()).append(",\"data\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(m.data()).entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      field(out, e.getKey(), e.getValue());
    }
    return out.append("}}").toString();
  }

  private static StringBuilder field(StringBuilder out, String name, String value) {
    return string(string(out, name).append(':'), value);
  }

  private static StringBuilder string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}
