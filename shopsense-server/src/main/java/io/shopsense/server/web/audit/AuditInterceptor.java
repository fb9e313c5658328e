package io.shopsense.server.web.audit;

import io.shopsense.core.audit.AuditTrail;
import io.shopsense.server.security.ApiKeyAuthentication;
import io.shopsense.server.security.CustomerAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records audited requests in the audit log once they are answered: every request that changes something (not GET,
 * HEAD, OPTIONS) except the ingest calls, and reads of personal data. The action is the method and the path
 * <em>template</em> ({@code GET /v1/persons/{id}}), never the raw path or query, which may hold an email; the target
 * is the person or resource id of the path ({@code {id}}, {@code {person}}, {@code {personRef}}), or what the
 * controller put in {@link #TARGET}; the outcome is the HTTP status. Requests refused by the security filters (401,
 * 403) never reach here and are not recorded.
 */
public final class AuditInterceptor implements HandlerInterceptor {
  /** A request attribute a controller sets to the (random) id of the person or resource it acted on. */
  public static final String TARGET = AuditInterceptor.class.getName() + ".target";
  private static final Logger LOG = LoggerFactory.getLogger(AuditInterceptor.class);
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  /** Path variables that hold random ids; {@code userId} and the like may be an email and are never recorded. */
  private static final List<String> ID_VARIABLES = List.of("person", "personRef", "id");

  private final AuditTrail audit;
  private final List<String> personalReads;
  private final Set<String> unauditedWrites;

  public AuditInterceptor(AuditTrail audit, List<String> personalReads, List<String> unauditedWrites) {
    this.audit = audit;
    this.personalReads = List.copyOf(personalReads);
    this.unauditedWrites = Set.copyOf(unauditedWrites);
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception ex) {
    String method = request.getMethod();
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String template = pattern == null ? "(no endpoint)" : pattern.toString();
    if (READS.contains(method) ? !personal(template) : unauditedWrites.contains(request.getRequestURI())) {
      return;
    }
    try {
      audit.record(actor(), method + " " + template, target(request), Integer.toString(response.getStatus()));
    } catch (RuntimeException e) {
      // the message could quote a stored value; the class name says enough to look further
      LOG.error("could not record an audited request in the audit log ({})", e.getClass().getSimpleName());
    }
  }

  boolean personal(String template) {
    for (String p : personalReads) {
      if (p.endsWith("/**") ? template.startsWith(p.substring(0, p.length() - 3)) : template.equals(p)) {
        return true;
      }
    }
    return false;
  }

  static String actor() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated()) {
      return "anonymous";
    }
    if (a instanceof ApiKeyAuthentication k) {
      return AuditTrail.apiKey(k.getName());
    }
    if (a instanceof CustomerAuthentication c) {
      return AuditTrail.customer(c.getPrincipal().person());
    }
    return AuditTrail.user(a.getName());
  }

  @SuppressWarnings("unchecked")
  static String target(HttpServletRequest request) {
    Object set = request.getAttribute(TARGET);
    String value = set == null ? null : set.toString();
    if (value == null && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> m) {
      Map<String, String> vars = (Map<String, String>) m;
      for (String name : ID_VARIABLES) {
        if (vars.containsKey(name)) {
          value = vars.get(name);
          break;
        }
      }
    }
    if (value == null || value.isBlank()) {
      return null;
    }
    // ids are random; anything that looks like an address is not recorded
    return value.indexOf('@') >= 0 ? "(redacted)" : value.length() > 200 ? value.substring(0, 200) : value;
  }
}
