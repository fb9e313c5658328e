package io.shopsense.server.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a customer token: authority {@code ROLE_CUSTOMER}, principal a {@link CustomerPrincipal}. */
public final class CustomerAuthentication extends AbstractAuthenticationToken {
  private final CustomerPrincipal principal;

  public CustomerAuthentication(CustomerPrincipal principal) {
    super(List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER")));
    this.principal = principal;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public CustomerPrincipal getPrincipal() {
    return principal;
  }

  @Override
  public String getName() {
    return principal.person().value();
  }
}
