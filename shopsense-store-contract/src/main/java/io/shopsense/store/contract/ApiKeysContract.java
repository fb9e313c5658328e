package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.access.ApiKey;
import io.shopsense.api.access.ApiKeys;
import io.shopsense.api.access.ApiScope;
import io.shopsense.api.id.SourceId;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ApiKeys}. {@link #open()} gives the port over the backend's storage for this test (empty at
 * the first call of a test, the same storage at later calls); {@link #close()} closes what it opened and may be
 * called twice; {@link #reopen()} is a restart.
 *
 * <p>Decided here, where the port leaves it open: {@code save} inserts a key or replaces the one with the same id;
 * a secret hash belongs to one key only, saving another key with it is an {@link IllegalArgumentException};
 * {@code byHash} finds revoked keys too (the caller checks {@code revokedAt}); {@code all} lists keys by creation
 * time, then id; {@code revoke} keeps the first revocation time, and revoking an unknown id is an
 * {@link IllegalArgumentException}.
 */
public abstract class ApiKeysContract {
  protected static final Instant T0 = Envelopes.T0;
  protected static final SourceId STORE = SourceId.of("storefront");

  protected ApiKeys keys;

  protected abstract ApiKeys open() throws Exception;

  protected abstract void close() throws Exception;

  protected ApiKeys reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openKeys() throws Exception {
    keys = open();
  }

  @AfterEach
  void closeKeys() throws Exception {
    close();
  }

  protected static ApiKey key(String id, Set<ApiScope> scopes, Instant createdAt) {
    return new ApiKey(id, STORE, scopes, "sha256-of-" + id, id.substring(id.length() - 4), createdAt, null);
  }

  @Test
  void anEmptyStoreHasNoKeys() {
    assertThat(keys.all()).isEmpty();
    assertThat(keys.byHash("sha256-of-nothing")).isEmpty();
  }

  @Test
  void findsASavedKeyByItsSecretHash() {
    ApiKey key = key("key_ingest01", Set.of(ApiScope.INGEST, ApiScope.READ), T0);

    keys.save(key);

    assertThat(keys.byHash("sha256-of-key_ingest01")).contains(key);
    assertThat(keys.byHash("sha256-of-key_other")).isEmpty();
  }

  @Test
  void listsEveryKeyByCreationTimeThenId() {
    ApiKey later = key("key_aaaa", Set.of(ApiScope.READ), T0.plusSeconds(60));
    ApiKey secondOfTwins = key("key_zzzz", Set.of(ApiScope.ADMIN), T0);
    ApiKey firstOfTwins = key("key_mmmm", Set.of(ApiScope.INGEST), T0);
    keys.save(later);
    keys.save(secondOfTwins);
    keys.save(firstOfTwins);
    keys.revoke("key_aaaa", T0.plusSeconds(120));

    assertThat(keys.all()).extracting(ApiKey::id).containsExactly("key_mmmm", "key_zzzz", "key_aaaa");
  }

  @Test
  void aRevokedKeyIsKeptButAllowsNothing() {
    keys.save(key("key_admin001", Set.of(ApiScope.ADMIN), T0));

    keys.revoke("key_admin001", T0.plusSeconds(30));

    ApiKey revoked = keys.byHash("sha256-of-key_admin001").orElseThrow();
    assertThat(revoked.revokedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(revoked.allows(ApiScope.READ)).isFalse();
    assertThat(keys.all()).containsExactly(revoked);
  }

  @Test
  void revokingAgainKeepsTheFirstRevocationTime() {
    keys.save(key("key_admin001", Set.of(ApiScope.ADMIN), T0));
    keys.revoke("key_admin001", T0.plusSeconds(30));

    keys.revoke("key_admin001", T0.plusSeconds(90));

    assertThat(keys.byHash("sha256-of-key_admin001").orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void revokingAnUnknownKeyIsRefused() {
    assertThatThrownBy(() -> keys.revoke("key_unknown", T0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void savingAKeyAgainReplacesIt() {
    keys.save(key("key_ingest01", Set.of(ApiScope.INGEST), T0));
    ApiKey widened = new ApiKey("key_ingest01", SourceId.of("app"), Set.of(ApiScope.INGEST, ApiScope.READ),
        "sha256-of-key_ingest01", "st01", T0, null);

    keys.save(widened);

    assertThat(keys.all()).containsExactly(widened);
  }

  @Test
  void aSecretHashBelongsToOneKeyOnly() {
    keys.save(key("key_first001", Set.of(ApiScope.READ), T0));
    ApiKey clash = new ApiKey("key_second01", STORE, Set.of(ApiScope.ADMIN), "sha256-of-key_first001", "ond1", T0,
        null);
    keys.save(key("key_third001", Set.of(ApiScope.READ), T0));
    ApiKey clashOnReplace = new ApiKey("key_third001", STORE, Set.of(ApiScope.READ), "sha256-of-key_first001",
        "d001", T0, null);

    assertThatThrownBy(() -> keys.save(clash)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> keys.save(clashOnReplace)).isInstanceOf(IllegalArgumentException.class);
    assertThat(keys.byHash("sha256-of-key_first001").orElseThrow().id()).isEqualTo("key_first001");
    assertThat(keys.all()).extracting(ApiKey::id).containsExactly("key_first001", "key_third001");
  }

  @Test
  void keepsKeysAcrossARestart() throws Exception {
    ApiKey valid = key("key_valid001", Set.of(ApiScope.INGEST), T0);
    keys.save(valid);
    keys.save(key("key_gone0001", Set.of(ApiScope.READ), T0.plusSeconds(1)));
    keys.revoke("key_gone0001", T0.plusSeconds(2));

    keys = reopen();

    assertThat(keys.byHash("sha256-of-key_valid001")).contains(valid);
    assertThat(keys.byHash("sha256-of-key_gone0001").orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(2));
  }
}
