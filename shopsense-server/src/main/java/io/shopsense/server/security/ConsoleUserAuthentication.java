package io.shopsense.server.security;

import io.shopsense.api.access.ConsoleRole;
import io.shopsense.core.access.ConsoleSessionService.SignedIn;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A console user signed in with a session: their roles become {@code ROLE_ADMIN}, {@code ROLE_MARKETER}, ... */
public final class ConsoleUserAuthentication extends AbstractAuthenticationToken {
  private final transient SignedIn signedIn;

  public ConsoleUserAuthentication(SignedIn signedIn) {
    super(authorities(signedIn));
    this.signedIn = signedIn;
    setAuthenticated(true);
  }

  private static List<GrantedAuthority> authorities(SignedIn s) {
    return s.user().roles().stream().map(ConsoleRole::name).sorted()
        .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public SignedIn getPrincipal() {
    return signedIn;
  }

  @Override
  public String getName() {
    return signedIn.user().username();
  }
}
