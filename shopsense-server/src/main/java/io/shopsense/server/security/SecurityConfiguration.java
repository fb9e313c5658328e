package io.shopsense.server.security;

import io.shopsense.core.access.ConsoleSessionService;
import io.shopsense.platform.Platform;
import io.shopsense.server.config.SecurityProperties;
import io.shopsense.server.web.ProblemWriter;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what: the endpoint × caller matrix of {@code docs/security.md}, checked endpoint by endpoint by
 * {@code EndpointRoleMatrixTest}. Callers are API keys (scopes {@code SCOPE_ingest}, {@code SCOPE_read},
 * {@code SCOPE_admin}), console users signed in with a session (roles {@code ROLE_ADMIN}, {@code ROLE_MARKETER},
 * {@code ROLE_ANALYST}, {@code ROLE_PRIVACY_OFFICER}) and customers ({@code ROLE_CUSTOMER}). Anything not listed is
 * denied; a {@code /v1} path that no controller serves is let through to its 404.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
  static final String[] INGEST = {"/v1/batch", "/v1/track", "/v1/identify", "/v1/page", "/v1/screen", "/v1/alias"};

  static final String INGEST_KEY = "SCOPE_ingest";
  static final String READ_KEY = "SCOPE_read";
  static final String ADMIN_KEY = "SCOPE_admin";
  static final String ADMIN = "ROLE_ADMIN";
  static final String MARKETER = "ROLE_MARKETER";
  static final String ANALYST = "ROLE_ANALYST";
  static final String PRIVACY_OFFICER = "ROLE_PRIVACY_OFFICER";
  static final String CUSTOMER = "ROLE_CUSTOMER";

  /** A person's data: profiles, events, identities, members, the quarantine's raw events. Not for analysts. */
  static final String[] PERSONAL_READ = {READ_KEY, ADMIN_KEY, ADMIN, MARKETER, PRIVACY_OFFICER};
  /** Counts and definitions without personal fields. */
  static final String[] AGGREGATE_READ = {READ_KEY, ADMIN_KEY, ADMIN, MARKETER, PRIVACY_OFFICER, ANALYST};
  /** Queries a console user writes (lake SQL, segment previews); keys only with admin scope, as before. */
  static final String[] ANALYSIS = {ADMIN_KEY, ADMIN, MARKETER, ANALYST};
  /** Changes to segments and the catalog. */
  static final String[] MARKETING_WRITE = {ADMIN_KEY, ADMIN, MARKETER};
  /** Consents, data-subject requests, the audit and usage logs. */
  static final String[] PRIVACY = {ADMIN_KEY, ADMIN, PRIVACY_OFFICER};
  /** Operations: imports, the pipeline, rebuilds, keys, users, crypto keys. */
  static final String[] OPERATIONS = {ADMIN_KEY, ADMIN};
  /** Reading the state of operations (pipeline, metrics, import presets). */
  static final String[] OPERATIONS_READ = {READ_KEY, ADMIN_KEY, ADMIN};
  /** Any signed-in console user. */
  static final String[] CONSOLE = {ADMIN, MARKETER, ANALYST, PRIVACY_OFFICER};

  /** The marketer's campaign API; a person's suppressions are under /v1/persons (personal data). */
  static final String[] CAMPAIGNS = {"/v1/templates", "/v1/templates/**", "/v1/journeys", "/v1/journeys/**",
      "/v1/broadcasts", "/v1/broadcasts/**", "/v1/coupon-pools/**", "/v1/offers/**", "/v1/campaign-reports",
      "/v1/suppressions"};

  private static final Set<String> INGEST_PATHS = Set.of(INGEST);

  static boolean isIngestPath(String path) {
    return INGEST_PATHS.contains(path);
  }

  /**
   * No Micrometer observation around every security filter, authentication and authorisation: they cost more CPU
   * than the filters themselves on the serving path. Requests are still measured as a whole
   * ({@code http.server.requests}).
   */
  @Bean
  static SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Path patterns match the rules below by the request's path alone, without asking Spring MVC's handler mappings
   * for every request (what the default MVC matchers do).
   */
  @Bean
  static PathPatternRequestMatcherBuilderFactoryBean requestMatchers() {
    return new PathPatternRequestMatcherBuilderFactoryBean();
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, Platform platform, ProblemWriter problems,
      ConsoleSessionService sessions, CustomerTokens customerTokens, SecurityProperties settings, Clock clock,
      ApplicationContext context) throws Exception {
    ApiKeyAuthenticationFilter keys = new ApiKeyAuthenticationFilter(platform, problems);
    http.csrf(AbstractHttpConfigurer::disable) // bearer tokens; the session cookie is SameSite=Strict
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .addFilterBefore(keys, AuthorizationFilter.class)
        .addFilterBefore(new SessionAuthenticationFilter(sessions, problems), ApiKeyAuthenticationFilter.class)
        .addFilterBefore(new CustomerTokenFilter(customerTokens, problems), ApiKeyAuthenticationFilter.class)
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> problems.write(res, HttpStatus.UNAUTHORIZED,
                "missing_api_key", "send an API key or a session token (Authorization: Bearer <token>)"))
            .accessDeniedHandler((req, res, ex) -> problems.write(res, HttpStatus.FORBIDDEN, "insufficient_scope",
                "this API key's scope or this user's roles do not allow this request")))
        .authorizeHttpRequests(a -> a
            // the container's error dispatches (not a request for /error, which nobody needs)
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            // public
            .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs.yaml",
                "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/v1/sessions").permitAll()
            .requestMatchers(HttpMethod.GET, "/v1/privacy/summary", "/privacy").permitAll()
            // the signed links in messages (open pixel, click, unsubscribe, preference centre): the token in the
            // query is the credential, checked by the controllers
            .requestMatchers(HttpMethod.GET, "/s/o", "/s/c", "/s/u", "/s/p").permitAll()
            .requestMatchers(HttpMethod.POST, "/s/u", "/s/p").permitAll()
            // collection
            .requestMatchers(HttpMethod.POST, INGEST).hasAnyAuthority(INGEST_KEY, ADMIN_KEY)
            // console sessions and users
            .requestMatchers(HttpMethod.GET, "/v1/sessions/current").hasAnyAuthority(CONSOLE)
            .requestMatchers(HttpMethod.DELETE, "/v1/sessions/current").hasAnyAuthority(CONSOLE)
            .requestMatchers("/v1/users", "/v1/users/**").hasAnyAuthority(OPERATIONS)
            // customers, about themselves
            .requestMatchers("/v1/me", "/v1/me/**").hasAuthority(CUSTOMER)
            // privacy
            .requestMatchers(HttpMethod.POST, "/v1/privacy/customer-tokens").hasAnyAuthority(READ_KEY, ADMIN_KEY)
            .requestMatchers(HttpMethod.GET, "/v1/privacy/usage/**").hasAnyAuthority(PRIVACY)
            .requestMatchers("/v1/privacy/requests", "/v1/privacy/requests/**").hasAnyAuthority(PRIVACY)
            .requestMatchers("/v1/audit", "/v1/audit/**").hasAnyAuthority(PRIVACY)
            .requestMatchers(HttpMethod.GET, "/v1/consents", "/v1/consents/**").hasAnyAuthority(PERSONAL_READ)
            .requestMatchers("/v1/consents", "/v1/consents/**").hasAnyAuthority(PRIVACY)
            .requestMatchers("/v1/crypto", "/v1/crypto/**").hasAnyAuthority(OPERATIONS)
            // operations
            .requestMatchers("/v1/keys", "/v1/keys/**").hasAnyAuthority(OPERATIONS)
            .requestMatchers(HttpMethod.POST, "/v1/imports").hasAnyAuthority(OPERATIONS)
            .requestMatchers(HttpMethod.GET, "/v1/imports/presets").hasAnyAuthority(OPERATIONS_READ)
            .requestMatchers(HttpMethod.GET, "/v1/pipeline", "/v1/profiles/latency").hasAnyAuthority(OPERATIONS_READ)
            .requestMatchers(HttpMethod.POST, "/v1/profiles/refresh", "/v1/profiles/rebuild")
            .hasAnyAuthority(OPERATIONS)
            .requestMatchers(HttpMethod.PUT, "/v1/customers/*/traits").hasAnyAuthority(OPERATIONS)
            .requestMatchers(HttpMethod.GET, "/actuator/**").hasAnyAuthority(OPERATIONS_READ)
            // the quarantine keeps raw events, which carry personal data
            .requestMatchers(HttpMethod.GET, "/v1/quarantine", "/v1/quarantine/**").hasAnyAuthority(PERSONAL_READ)
            .requestMatchers("/v1/quarantine", "/v1/quarantine/**").hasAnyAuthority(OPERATIONS)
            // segments
            // analysts get pseudonyms in place of person ids (AnalystView)
            .requestMatchers(HttpMethod.GET, "/v1/segments/*/members").hasAnyAuthority(AGGREGATE_READ)
            .requestMatchers(HttpMethod.POST, "/v1/segments/preview").hasAnyAuthority(ANALYSIS)
            .requestMatchers(HttpMethod.GET, "/v1/segments", "/v1/segments/**").hasAnyAuthority(AGGREGATE_READ)
            .requestMatchers("/v1/segments/**").hasAnyAuthority(MARKETING_WRITE)
            // catalog
            .requestMatchers(HttpMethod.GET, "/v1/products", "/v1/products/**").hasAnyAuthority(AGGREGATE_READ)
            .requestMatchers(HttpMethod.PUT, "/v1/products/*").hasAnyAuthority(MARKETING_WRITE)
            .requestMatchers(HttpMethod.POST, "/v1/products").hasAnyAuthority(MARKETING_WRITE)
            // aggregates
            .requestMatchers(HttpMethod.GET, "/v1/rfm/**", "/v1/lifecycle/**", "/v1/quality")
            .hasAnyAuthority(AGGREGATE_READ)
            .requestMatchers(HttpMethod.POST, "/v1/sql").hasAnyAuthority(ANALYSIS)
            // recommendations: the storefront's server (a read key) and staff who may read personal data serve
            // lists (they are shaped by a person's behaviour); models change by operations, and counts are aggregates
            .requestMatchers(HttpMethod.GET, "/v1/recommendations").hasAnyAuthority(PERSONAL_READ)
            .requestMatchers(HttpMethod.GET, "/v1/recommendations/performance").hasAnyAuthority(AGGREGATE_READ)
            .requestMatchers(HttpMethod.GET, "/v1/recommendations/models").hasAnyAuthority(OPERATIONS_READ)
            .requestMatchers(HttpMethod.POST, "/v1/recommendations/models/retrain").hasAnyAuthority(OPERATIONS)
            .requestMatchers(HttpMethod.PUT, "/v1/recommendations/models/personal").hasAnyAuthority(OPERATIONS)
            // campaigns and journeys: definitions, counts and reports are aggregates; the allocation log names persons
            .requestMatchers(HttpMethod.GET, "/v1/offers/*/allocations").hasAnyAuthority(PERSONAL_READ)
            .requestMatchers(HttpMethod.GET, CAMPAIGNS).hasAnyAuthority(AGGREGATE_READ)
            .requestMatchers(CAMPAIGNS).hasAnyAuthority(MARKETING_WRITE)
            // a person's data
            .requestMatchers(HttpMethod.GET, "/v1/persons", "/v1/persons/**", "/v1/profiles", "/v1/profiles/**",
                "/v1/events", "/v1/events/**").hasAnyAuthority(PERSONAL_READ)
            // an unknown /v1 path answers 404 (what it would answer if it existed is decided above)
            .requestMatchers(new UnmappedApiPath(
                () -> context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class))).permitAll()
            .anyRequest().denyAll());
    if (settings.rateLimit().enabled()) {
      http.addFilterAfter(new RateLimitFilter(settings.rateLimit(), clock, problems), ApiKeyAuthenticationFilter.class);
    }
    return http.build();
  }
}
