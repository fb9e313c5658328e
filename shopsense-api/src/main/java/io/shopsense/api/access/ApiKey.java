package io.shopsense.api.access;

import io.shopsense.api.id.SourceId;
import java.time.Instant;
import java.util.Set;

/**
 * An API key. Only a hash of the secret is kept; {@code hint} is its last characters, to tell keys apart.
 *
 * @param source    the source the key's events are recorded under
 * @param revokedAt when it was revoked, or null while it is valid
 */
public record ApiKey(String id, SourceId source, Set<ApiScope> scopes, String secretHash, String hint,
    Instant createdAt, Instant revokedAt) {
  public ApiKey {
    scopes = Set.copyOf(scopes);
  }

  public boolean allows(ApiScope scope) {
    return revokedAt == null && (scopes.contains(scope) || scopes.contains(ApiScope.ADMIN));
  }
}
