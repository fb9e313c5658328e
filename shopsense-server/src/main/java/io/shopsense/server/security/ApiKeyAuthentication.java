package io.shopsense.server.security;

import io.shopsense.api.access.ApiKey;
import io.shopsense.api.access.ApiScope;
import java.util.List;
import java.util.Locale;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated API key: its scopes become the authorities {@code SCOPE_ingest}, {@code SCOPE_read}, ... */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {
  private final transient ApiKey key;

  public ApiKeyAuthentication(ApiKey key) {
    super(authorities(key));
    this.key = key;
    setAuthenticated(true);
  }

  private static List<GrantedAuthority> authorities(ApiKey key) {
    return key.scopes().stream().map(ApiScope::name)
        .map(s -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + s.toLowerCase(Locale.ROOT))).toList();
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public ApiKey getPrincipal() {
    return key;
  }

  @Override
  public String getName() {
    return key.id();
  }
}
