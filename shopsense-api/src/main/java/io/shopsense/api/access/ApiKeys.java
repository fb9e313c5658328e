package io.shopsense.api.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The API keys. Called by the authentication filter on every request (by hash) and by key management. */
public interface ApiKeys {

  void save(ApiKey key);

  Optional<ApiKey> byHash(String secretHash);

  List<ApiKey> all();

  void revoke(String id, Instant at);
}
