package io.shopsense.server.security;

import io.shopsense.platform.Platform;
import io.shopsense.server.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may call what. Ingest endpoints take a write-only ingest key (what a storefront embeds); reads take a read
 * key; everything that changes data or configuration takes an admin key. An admin key may do everything.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
  static final String[] INGEST = {"/v1/batch", "/v1/track", "/v1/identify", "/v1/page", "/v1/screen", "/v1/alias"};

  @Bean
  SecurityFilterChain api(HttpSecurity http, Platform platform, ProblemWriter problems, CustomerTokens customerTokens)
      throws Exception {
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .addFilterBefore(new CustomerTokenFilter(customerTokens, problems), AuthorizationFilter.class)
        .addFilterBefore(new ApiKeyAuthenticationFilter(platform, problems), AuthorizationFilter.class)
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> problems.write(res, HttpStatus.UNAUTHORIZED,
                "missing_api_key", "send an API key (Authorization: Bearer <key>)"))
            .accessDeniedHandler((req, res, ex) -> problems.write(res, HttpStatus.FORBIDDEN, "insufficient_scope",
                "this API key's scope does not allow this request")))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
            .requestMatchers(HttpMethod.GET, "/privacy", "/v1/privacy/summary").permitAll()
            .requestMatchers("/v1/me/**").hasRole("CUSTOMER")
            .requestMatchers(HttpMethod.POST, "/v1/privacy/customer-tokens")
            .hasAnyAuthority("SCOPE_read", "SCOPE_admin")
            .requestMatchers("/v1/audit", "/v1/audit/**").hasAuthority("SCOPE_admin")
            .requestMatchers(HttpMethod.POST, INGEST).hasAnyAuthority("SCOPE_ingest", "SCOPE_admin")
            .requestMatchers("/v1/keys", "/v1/keys/**").hasAuthority("SCOPE_admin")
            .requestMatchers(HttpMethod.GET, "/v1/**", "/actuator/**").hasAnyAuthority("SCOPE_read", "SCOPE_admin")
            .requestMatchers("/v1/**").hasAuthority("SCOPE_admin")
            .anyRequest().denyAll());
    return http.build();
  }
}
