package io.shopsense.server.web.crypto;

import io.shopsense.core.crypto.Pseudonymizer;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who sees pseudonyms: a caller with {@code ROLE_ANALYST} always (analysts never see person identifiers), anyone
 * who asks for them. Hands out the pseudonyms of the key ring; without a key ring an analyst's request is refused
 * rather than answered with raw ids.
 */
@Component
public class AnalystView {
  /** The authority of console analysts (see the common security decisions). */
  public static final String ANALYST = "ROLE_ANALYST";

  private final Platform platform;

  public AnalystView(Platform platform) {
    this.platform = platform;
  }

  /** Whether the answer must carry pseudonyms: the caller is an analyst, or asked for them. */
  public boolean pseudonymous(Authentication caller, Boolean asked) {
    boolean analyst = caller != null && caller.getAuthorities().stream()
        .anyMatch(a -> ANALYST.equals(a.getAuthority()));
    return analyst || Boolean.TRUE.equals(asked);
  }

  /** The pseudonymizer; a 409 problem when no key ring is configured. */
  public Pseudonymizer pseudonymizer() {
    if (!platform.hasKeys()) {
      throw new ApiProblem(HttpStatus.CONFLICT, "crypto_disabled", "pseudonyms need the key ring "
          + "(shopsense.crypto.enabled); person identifiers are not shown to analysts", Map.of());
    }
    return platform.pseudonymizer();
  }

  /** A paging cursor an analyst can hand back without seeing the id in it: sealed, bound to its use. */
  public String sealCursor(String cursor, String use) {
    return cursor == null ? null : platform.keys().cipher().seal(cursor, "cursor:" + use);
  }

  /** The id inside a cursor from {@link #sealCursor}; a 400 problem for anything else. */
  public String openCursor(String cursor, String use) {
    if (cursor == null) {
      return null;
    }
    try {
      var cipher = platform.keys().cipher();
      if (!cipher.isSealed(cursor)) {
        throw new IllegalArgumentException();
      }
      return cipher.open(cursor, "cursor:" + use);
    } catch (RuntimeException e) {
      throw ApiProblem.badRequest("invalid_parameter", "after must be the next cursor of a previous page");
    }
  }
}
