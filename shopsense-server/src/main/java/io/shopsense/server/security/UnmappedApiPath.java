package io.shopsense.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches a {@code /v1} request that no controller serves, so that it gets its 404 rather than a 401/403 that would
 * suggest it exists. A path a controller serves for another method is not matched (it stays denied).
 */
final class UnmappedApiPath implements RequestMatcher {
  private final Supplier<RequestMappingHandlerMapping> mappings;

  UnmappedApiPath(Supplier<RequestMappingHandlerMapping> mappings) {
    this.mappings = mappings;
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/v1/")) {
      return false;
    }
    boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
    if (parsedHere) {
      ServletRequestPathUtils.parseAndCache(request);
    }
    try {
      return mappings.get().getHandler(request) == null;
    } catch (Exception methodNotAllowedOrMediaType) {
      return false;
    } finally {
      if (parsedHere) {
        ServletRequestPathUtils.clearParsedRequestPath(request);
      }
    }
  }
}
