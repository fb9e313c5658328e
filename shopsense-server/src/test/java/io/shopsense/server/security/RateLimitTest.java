package io.shopsense.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.server.ServerTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The rate limits of the public endpoints, set low here; an hour's period keeps the buckets from refilling during the
 * test.
 */
@TestPropertySource(properties = {
    "shopsense.security.rate-limit.ingest-requests=5", "shopsense.security.rate-limit.ingest-period=1h",
    "shopsense.security.rate-limit.login-requests=3", "shopsense.security.rate-limit.login-period=1h",
    "shopsense.security.rate-limit.me-requests=2", "shopsense.security.rate-limit.me-period=1h",
    "shopsense.security.rate-limit.privacy-requests=2", "shopsense.security.rate-limit.privacy-period=1h",
    "shopsense.security.rate-limit.link-requests=2", "shopsense.security.rate-limit.link-period=1h"})
class RateLimitTest extends ServerTestBase {

  private Answer track(String key, int i) {
    return post("/v1/track", key, json("{'event':'E','anonymousId':'rl','messageId':'rl-" + key.hashCode() + "-" + i
        + "'}"));
  }

  @Test
  void limitsIngestPerApiKeyWith429RetryAfterAndProblemDetails() {
    String key = platform.apiKeys().issue(io.shopsense.api.id.SourceId.of("rl"),
        java.util.Set.of(io.shopsense.api.access.ApiScope.INGEST)).secret();
    for (int i = 0; i < 5; i++) {
      assertThat(track(key, i).status()).isEqualTo(200);
    }

    Answer limited = track(key, 5);
    Answer otherKey = track(ingestKey, 0);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body().get("code").asText()).isEqualTo("rate_limited");
    assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(700L, 720L); // one request per 12 min
    assertThat(otherKey.status()).isEqualTo(200);
  }

  @Test
  void limitsSignInPerClientAddress() {
    for (int i = 0; i < 3; i++) {
      assertThat(post("/v1/sessions", null, json("{'username':'x','password':'y'}")).status()).isEqualTo(401);
    }

    Answer limited = post("/v1/sessions", null, json("{'username':'x','password':'y'}"));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body().get("code").asText()).isEqualTo("rate_limited");
    assertThat(limited.header("Retry-After")).isNotNull();
  }

  @Test
  void limitsTheCustomerApiAndThePrivacyPagePerClientAddress() {
    get("/v1/me/usage", null);
    get("/v1/me/usage", null);
    get("/privacy", null);
    get("/v1/privacy/summary", null);

    assertThat(get("/v1/me/usage", null).status()).isEqualTo(429);
    assertThat(get("/privacy", null).status()).isEqualTo(429);
  }

  @Test
  void limitsTheSignedMessageLinksPerClientAddress() {
    // a bad token is refused on its own (400), until the address has used up its link requests
    assertThat(get("/s/o?t=forged", null).status()).isEqualTo(400);
    assertThat(get("/s/c?t=forged", null).status()).isEqualTo(400);

    Answer limited = get("/s/u?t=forged", null);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body().get("code").asText()).isEqualTo("rate_limited");
  }

  @Test
  void leavesOtherEndpointsUnlimited() {
    for (int i = 0; i < 10; i++) {
      assertThat(get("/v1/segments", readKey).status()).isEqualTo(200);
    }
  }
}
