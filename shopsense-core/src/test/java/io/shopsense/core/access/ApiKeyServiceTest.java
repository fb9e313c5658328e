package io.shopsense.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.access.ApiKey;
import io.shopsense.api.access.ApiKeys;
import io.shopsense.api.access.ApiScope;
import io.shopsense.api.id.SourceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {
  /** Keys in a map, counting the look-ups by hash (what the cache saves). */
  private static final class CountingKeys implements ApiKeys {
    final Map<String, ApiKey> byId = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public void save(ApiKey key) {
      byId.put(key.id(), key);
    }

    @Override
    public Optional<ApiKey> byHash(String secretHash) {
      reads.incrementAndGet();
      return byId.values().stream().filter(k -> k.secretHash().equals(secretHash)).findFirst();
    }

    @Override
    public List<ApiKey> all() {
      return new ArrayList<>(byId.values());
    }

    @Override
    public void revoke(String id, Instant at) {
      ApiKey k = byId.get(id);
      byId.put(id, new ApiKey(k.id(), k.source(), k.scopes(), k.secretHash(), k.hint(), k.createdAt(), at));
    }
  }

  private final AdvancingClock clock = new AdvancingClock(Instant.parse("2026-11-01T00:00:00Z"));
  private final CountingKeys keys = new CountingKeys();
  private final ApiKeyService service = new ApiKeyService(keys, clock);

  @Test
  void repeatedAuthenticationsReadTheStoreOncePerTimeToLive() {
    ApiKeyService.IssuedKey issued = service.issue(new SourceId("web"), java.util.Set.of(ApiScope.READ));
    for (int i = 0; i < 100; i++) {
      assertThat(service.authenticate(issued.secret())).contains(issued.key());
    }
    assertThat(keys.reads).hasValue(1);
    clock.advance(ApiKeyService.CACHE_TTL);
    assertThat(service.authenticate(issued.secret())).contains(issued.key());
    assertThat(keys.reads).hasValue(2);
  }

  @Test
  void aKeyRevokedThroughTheServiceStopsAtOnce() {
    ApiKeyService.IssuedKey issued = service.issue(new SourceId("web"), java.util.Set.of(ApiScope.READ));
    assertThat(service.authenticate(issued.secret())).isPresent();
    service.revoke(issued.key().id());
    assertThat(service.authenticate(issued.secret())).isEmpty();
  }

  @Test
  void aKeyRevokedElsewhereStopsWithinTheTimeToLive() {
    ApiKeyService.IssuedKey issued = service.issue(new SourceId("web"), java.util.Set.of(ApiScope.READ));
    assertThat(service.authenticate(issued.secret())).isPresent();
    keys.revoke(issued.key().id(), clock.instant()); // another process, straight to the store
    clock.advance(ApiKeyService.CACHE_TTL.minus(Duration.ofMillis(1)));
    assertThat(service.authenticate(issued.secret())).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(service.authenticate(issued.secret())).isEmpty();
  }

  @Test
  void anUnknownSecretIsRefusedAndAKeyIssuedLaterWorksAtOnce() {
    assertThat(service.authenticate("ss_unknownunknownunknownunknown00")).isEmpty();
    assertThat(service.authenticate("not-even-a-key")).isEmpty();
    ApiKeyService.IssuedKey issued = service.issue(new SourceId("web"), java.util.Set.of(ApiScope.INGEST));
    assertThat(service.authenticate(issued.secret())).contains(issued.key());
  }
}
