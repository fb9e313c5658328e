package io.shopsense.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.DeliveryStatus;
import io.shopsense.api.delivery.Outbox;
import io.shopsense.api.delivery.OutboundMessage;
import io.shopsense.api.delivery.OutboxEntry;
import io.shopsense.api.id.PersonId;
import io.shopsense.core.campaign.delivery.OutboxDispatcher;
import io.shopsense.core.campaign.delivery.RetryPolicy;
import io.shopsense.store.contract.delivery.SettableClock;
import io.shopsense.store.jdbc.delivery.JdbcDelivery;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook channel behind the dispatcher on a real (H2) outbox: a provider that answers 503 twice is retried with
 * back-off under the same idempotency key, each request signed, until it accepts; the outbox records the attempts.
 */
class WebhookDispatchTest {
  private static final String SECRET = "0123456789abcdef-webhook-secret";
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

  @TempDir
  Path dir;
  private HikariDataSource pool;
  private HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();
  private final ConcurrentLinkedQueue<String[]> requests = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() throws IOException {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl("jdbc:h2:file:" + dir.resolve("shopsense").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000");
    c.setUsername("sa");
    c.setPassword("");
    c.setMaximumPoolSize(2);
    pool = new HikariDataSource(c);
    Flyway.configure().dataSource(pool).locations("classpath:db/migration/common", "classpath:db/migration/h2")
        .load().migrate();

    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/sms", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
      requests.add(new String[] {exchange.getRequestHeaders().getFirst(WebhookChannel.IDEMPOTENCY_HEADER), body,
          signature});
      boolean valid = WebhookSignature.verify(signature, body, SECRET.getBytes(StandardCharsets.UTF_8), T0,
          Duration.ofHours(1));
      int status = !valid ? 401 : calls.incrementAndGet() <= 2 ? 503 : 202;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    pool.close();
  }

  @Test
  void retriesA503WithBackOffUnderOneIdempotencyKeyUntilAccepted() {
    Outbox outbox = JdbcDelivery.on(pool).outbox();
    SettableClock clock = new SettableClock(T0);
    WebhookChannel sms = new WebhookChannel(new WebhookSettings(Channel.SMS,
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms"), SECRET, Duration.ofSeconds(5)),
        clock);
    OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, List.of(sms),
        new RetryPolicy(4, Duration.ofSeconds(30), 4.0, Duration.ofMinutes(30), 0.2), clock, new SplittableRandom(1),
        "node-a", Duration.ofMinutes(1), 10);
    DeliveryKey key = DeliveryKey.journeyStep("cart-abandonment", "sms-1h", PersonId.of("p-anna"));
    outbox.enqueue(OutboundMessage.text(key, Channel.SMS, "+4915112345678", "", "Your cart is waiting"), T0, T0);

    assertThat(dispatcher.runOnce().retried()).isEqualTo(1);
    Instant firstRetry = outbox.find(key).orElseThrow().dueAt();
    assertThat(Duration.between(T0, firstRetry)).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
    clock.advance(Duration.between(T0, firstRetry));
    assertThat(dispatcher.runOnce().retried()).isEqualTo(1);
    Instant secondRetry = outbox.find(key).orElseThrow().dueAt();
    assertThat(Duration.between(firstRetry, secondRetry)).isBetween(Duration.ofSeconds(96), Duration.ofSeconds(144));
    clock.advance(Duration.between(firstRetry, secondRetry));
    assertThat(dispatcher.runOnce().delivered()).isEqualTo(1);

    OutboxEntry done = outbox.find(key).orElseThrow();
    assertThat(done.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(done.attempts()).isEqualTo(3);
    assertThat(requests).hasSize(3).allSatisfy(r -> assertThat(r[0]).isEqualTo(key.idempotencyKey()));
    assertThat(calls.get()).as("every request carried a valid signature").isEqualTo(3);
  }
}
