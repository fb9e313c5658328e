package io.shopsense.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.DeliveryResult;
import io.shopsense.api.delivery.OutboundMessage;
import io.shopsense.api.id.PersonId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook channel against a real in-process HTTP server that answers as scripted. */
class WebhookChannelTest {
  private static final String SECRET = "0123456789abcdef-webhook-secret";
  private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
  private static final DeliveryKey KEY = DeliveryKey.journeyStep("cart", "sms-1", PersonId.of("p-anna"));
  private static final OutboundMessage SMS = new OutboundMessage(KEY, Channel.SMS, "+4915112345678", "",
      "Your cart misses you: \"Shoes\"\n10% off", "", "https://shop.example/u?t=x", Map.of("sender", "SHOP"));

  record Received(String body, String signature, String idempotencyKey, String contentType) {}

  private HttpServer server;
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile List<Integer> script = List.of(200);
  private volatile long delayMillis;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(new Received(new String(body, StandardCharsets.UTF_8),
          exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
          exchange.getRequestHeaders().getFirst(WebhookChannel.IDEMPOTENCY_HEADER),
          exchange.getRequestHeaders().getFirst("Content-Type")));
      int call = calls.getAndIncrement();
      int status = script.get(Math.min(call, script.size() - 1));
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] answer = (status < 300 ? "{\"ok\":true}" : "{\"error\":\"status " + status + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      if (status < 300) {
        exchange.getResponseHeaders().add(WebhookChannel.PROVIDER_ID_HEADER, "prov-" + call);
      }
      exchange.sendResponseHeaders(status, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private WebhookChannel channel(Duration timeout) {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    return new WebhookChannel(new WebhookSettings(Channel.SMS, url, SECRET, timeout),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void postsSignedJsonWithTheIdempotencyKey() throws Exception {
    DeliveryResult result = channel(Duration.ofSeconds(5)).deliver(SMS);

    assertThat(result).isEqualTo(DeliveryResult.sent("prov-0"));
    Received r = received.peek();
    assertThat(r.idempotencyKey()).isEqualTo(KEY.idempotencyKey());
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.body()).contains("\"recipient\":\"+4915112345678\"", "\"channel\":\"sms\"",
        "\"text\":\"Your cart misses you: \\\"Shoes\\\"\\n10% off\"", "\"data\":{\"sender\":\"SHOP\"}");
    // recomputed independently of WebhookSignature: HMAC-SHA256(secret, "<t>.<body>")
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal((NOW.getEpochSecond() + "." + r.body())
        .getBytes(StandardCharsets.UTF_8)));
    assertThat(r.signature()).isEqualTo("t=" + NOW.getEpochSecond() + ",v1=" + expected);
    assertThat(WebhookSignature.verify(r.signature(), r.body(), SECRET.getBytes(StandardCharsets.UTF_8),
        NOW.plusSeconds(60), Duration.ofMinutes(5))).isTrue();
  }

  @Test
  void aTamperedBodyAWrongSecretOrAStaleSignatureDoNotVerify() {
    channel(Duration.ofSeconds(5)).deliver(SMS);
    Received r = received.peek();
    byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSignature.verify(r.signature(), r.body().replace("10%", "90%"), secret, NOW,
        Duration.ofMinutes(5))).isFalse();
    assertThat(WebhookSignature.verify(r.signature(), r.body(), "another-secret-of-16+".getBytes(
        StandardCharsets.UTF_8), NOW, Duration.ofMinutes(5))).isFalse();
    assertThat(WebhookSignature.verify(r.signature(), r.body(), secret, NOW.plus(Duration.ofMinutes(6)),
        Duration.ofMinutes(5))).isFalse();
    assertThat(WebhookSignature.verify("v1=abc", r.body(), secret, NOW, Duration.ofMinutes(5))).isFalse();
  }

  @Test
  void serverErrorsAndThrottlingAreRetriedWithTheSameKeyClientErrorsAreNot() {
    script = List.of(503, 429, 500, 200);
    WebhookChannel channel = channel(Duration.ofSeconds(5));
    assertThat(channel.deliver(SMS)).isInstanceOf(DeliveryResult.RetryableFailure.class)
        .extracting(DeliveryResult::detail).isEqualTo("webhook answered 503: {\"error\":\"status 503\"}");
    assertThat(channel.deliver(SMS)).isInstanceOf(DeliveryResult.RetryableFailure.class);
    assertThat(channel.deliver(SMS)).isInstanceOf(DeliveryResult.RetryableFailure.class);
    assertThat(channel.deliver(SMS)).isEqualTo(DeliveryResult.sent("prov-3"));
    assertThat(received).extracting(Received::idempotencyKey).containsOnly(KEY.idempotencyKey()).hasSize(4);

    script = List.of(400);
    calls.set(0);
    assertThat(channel.deliver(SMS)).isInstanceOf(DeliveryResult.PermanentFailure.class)
        .extracting(DeliveryResult::detail).asString().startsWith("webhook answered 400");
  }

  @Test
  void aSlowProviderTimesOutAsRetryable() {
    delayMillis = 1_500;
    DeliveryResult result = channel(Duration.ofMillis(300)).deliver(SMS);
    assertThat(result).isEqualTo(DeliveryResult.retry("webhook timed out after 300 ms"));
  }

  @Test
  void anUnreachableProviderIsRetryable() {
    WebhookChannel channel = channel(Duration.ofSeconds(2));
    server.stop(0);
    assertThat(channel.deliver(SMS)).isInstanceOf(DeliveryResult.RetryableFailure.class)
        .extracting(DeliveryResult::detail).asString().startsWith("webhook unreachable");
  }

  @Test
  void refusesAMessageOfAnotherChannel() {
    OutboundMessage push = OutboundMessage.text(KEY, Channel.PUSH, "device-token", "Hi", "Hi");
    assertThat(channel(Duration.ofSeconds(2)).deliver(push)).isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(received).isEmpty();
  }
}
