package io.shopsense.server.web.ops;

import io.shopsense.api.access.ApiKey;
import io.shopsense.api.access.ApiScope;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.access.ApiKeyService.IssuedKey;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API keys: issue one (its secret is shown only in this answer), list them (without secrets), revoke one. */
@RestController
@RequestMapping(path = "/v1/keys", produces = MediaType.APPLICATION_JSON_VALUE)
public class KeyController {
  private final Platform platform;

  public KeyController(Platform platform) {
    this.platform = platform;
  }

  /** @param scopes any of {@code ingest}, {@code read}, {@code admin} */
  public record NewKey(String source, List<String> scopes) {}

  @PostMapping
  public org.springframework.http.ResponseEntity<Map<String, Object>> issue(@RequestBody NewKey body) {
    if (body == null || body.source() == null || body.source().isBlank() || body.scopes() == null
        || body.scopes().isEmpty()) {
      throw ApiProblem.badRequest("invalid_request", "give a source name and at least one scope");
    }
    if (body.source().length() > 100 || !body.source().matches("[A-Za-z0-9._-]+")) {
      throw ApiProblem.badRequest("invalid_value", "a source name is letters, digits, '.', '_' or '-'");
    }
    Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    for (String s : body.scopes()) {
      try {
        scopes.add(ApiScope.valueOf(s.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest("invalid_value", "scopes are ingest, read, admin");
      }
    }
    IssuedKey issued = platform.apiKeys().issue(SourceId.of(body.source()), scopes);
    Map<String, Object> out = view(issued.key());
    out.put("secret", issued.secret());
    return org.springframework.http.ResponseEntity.status(HttpStatus.CREATED).body(out);
  }

  @GetMapping
  public List<Map<String, Object>> list() {
    return platform.stores().apiKeys().all().stream().map(KeyController::view).toList();
  }

  @PostMapping("/{id}/revoke")
  public Map<String, Object> revoke(@PathVariable String id) {
    ApiKey key = platform.stores().apiKeys().all().stream().filter(k -> k.id().equals(id)).findFirst()
        .orElseThrow(() -> ApiProblem.notFound("key"));
    platform.apiKeys().revoke(key.id());
    return Map.of("id", id, "revoked", true);
  }

  private static Map<String, Object> view(ApiKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id());
    m.put("source", k.source().value());
    m.put("scopes", k.scopes().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().toList());
    m.put("hint", "…" + k.hint());
    m.put("createdAt", k.createdAt());
    m.put("revokedAt", k.revokedAt());
    return m;
  }
}
