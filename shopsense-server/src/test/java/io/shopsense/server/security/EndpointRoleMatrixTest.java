package io.shopsense.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.access.ConsoleRole;
import io.shopsense.core.access.ConsoleUserService;
import io.shopsense.server.OnceBeforeAll;
import io.shopsense.server.ServerTestBase;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint × every kind of caller, over real HTTP: the endpoints are read from Spring MVC's handler mappings at
 * run time, so an endpoint added without a line in {@link #MATRIX} fails this test. A caller the matrix allows must
 * not get 401/403; any other caller must get 401 (anonymous) or 403. Console roles sign in through
 * {@code POST /v1/sessions} like the console does.
 */
@AutoConfigureObservability // as in production: with the Prometheus endpoint
@TestPropertySource(properties = "shopsense.security.rate-limit.login-requests=1000")
class EndpointRoleMatrixTest extends ServerTestBase {
  private static final String PASSWORD = "matrix test passphrase";
  private static final OnceBeforeAll USERS = new OnceBeforeAll();
  private static final OnceBeforeAll CUSTOMER_KNOWN = new OnceBeforeAll();

  /** The kinds of caller: anonymous, the three API key scopes, the four console roles and a customer's token. */
  enum Caller { ANONYMOUS, INGEST_KEY, READ_KEY, ADMIN_KEY, ADMIN, MARKETER, ANALYST, PRIVACY_OFFICER, CUSTOMER }

  /** Names for the caller groups of docs/security.md. */
  private static final Map<String, String> GROUPS = Map.ofEntries(
      Map.entry("NOBODY", ""),
      Map.entry("PUBLIC", "anonymous ingest_key read_key admin_key admin marketer analyst privacy_officer customer"),
      Map.entry("INGEST", "ingest_key admin_key"),
      Map.entry("PERSONAL", "read_key admin_key admin marketer privacy_officer"),
      Map.entry("AGGREGATE", "read_key admin_key admin marketer privacy_officer analyst"),
      Map.entry("ANALYSIS", "admin_key admin marketer analyst"),
      Map.entry("MARKETING", "admin_key admin marketer"),
      Map.entry("PRIVACY", "admin_key admin privacy_officer"),
      Map.entry("OPS", "admin_key admin"),
      Map.entry("OPS_READ", "read_key admin_key admin"),
      Map.entry("CONSOLE", "admin marketer analyst privacy_officer"),
      Map.entry("SERVER", "read_key admin_key"),
      Map.entry("CUSTOMER", "customer"));

  /** Method and pattern, as Spring MVC maps them → who may call. */
  static final String MATRIX = """
      ANY    /error                                     NOBODY
      GET    /v3/api-docs                               PUBLIC
      GET    /v3/api-docs.yaml                          PUBLIC
      GET    /v3/api-docs/swagger-config                PUBLIC
      GET    /swagger-ui.html                           PUBLIC
      GET    /actuator/health                           PUBLIC
      GET    /actuator/health/**                        PUBLIC
      GET    /actuator                                  OPS_READ
      GET    /actuator/info                             OPS_READ
      GET    /actuator/metrics                          OPS_READ
      GET    /actuator/metrics/{requiredMetricName}     OPS_READ
      GET    /actuator/prometheus                       OPS_READ
      POST   /v1/sessions                               PUBLIC
      GET    /v1/sessions/current                       CONSOLE
      DELETE /v1/sessions/current                       CONSOLE
      POST   /v1/batch                                  INGEST
      POST   /v1/{call:identify|track|page|screen|alias} INGEST
      GET    /v1/products                               AGGREGATE
      GET    /v1/products/{id}                          AGGREGATE
      PUT    /v1/products/{id}                          MARKETING
      POST   /v1/products                               MARKETING
      PUT    /v1/customers/{userId}/traits              OPS
      GET    /v1/persons                                PERSONAL
      GET    /v1/persons/{id}                           PERSONAL
      GET    /v1/persons/{id}/events                    PERSONAL
      GET    /v1/events                                 PERSONAL
      GET    /v1/events/{messageId}                     PERSONAL
      GET    /v1/profiles                               PERSONAL
      GET    /v1/profiles/{person}                      PERSONAL
      GET    /v1/profiles/{person}/timeline             PERSONAL
      GET    /v1/profiles/latency                       OPS_READ
      POST   /v1/profiles/refresh                       OPS
      POST   /v1/profiles/rebuild                       OPS
      GET    /v1/pipeline                               OPS_READ
      GET    /v1/keys                                   OPS
      POST   /v1/keys                                   OPS
      POST   /v1/keys/{id}/revoke                       OPS
      POST   /v1/sql                                    ANALYSIS
      GET    /v1/rfm/grid                               AGGREGATE
      GET    /v1/lifecycle/distribution                 AGGREGATE
      GET    /v1/lifecycle/flows                        AGGREGATE
      GET    /v1/quality                                AGGREGATE
      GET    /v1/quarantine                             PERSONAL
      GET    /v1/quarantine/{id}                        PERSONAL
      PUT    /v1/quarantine/{id}                        OPS
      POST   /v1/quarantine/{id}/replay                 OPS
      POST   /v1/quarantine/replay                      OPS
      POST   /v1/quarantine/{id}/discard                OPS
      GET    /v1/imports/presets                        OPS_READ
      POST   /v1/imports                                OPS
      GET    /v1/segments                               AGGREGATE
      GET    /v1/segments/fields                        AGGREGATE
      GET    /v1/segments/{id}                          AGGREGATE
      GET    /v1/segments/{id}/history                  AGGREGATE
      GET    /v1/segments/{id}/members                  AGGREGATE
      PUT    /v1/segments/{id}                          MARKETING
      DELETE /v1/segments/{id}                          MARKETING
      POST   /v1/segments/preview                       ANALYSIS
      GET    /v1/templates                              AGGREGATE
      GET    /v1/templates/{id}                         AGGREGATE
      PUT    /v1/templates/{id}                         MARKETING
      DELETE /v1/templates/{id}                         MARKETING
      POST   /v1/templates/{id}/preview                 MARKETING
      GET    /v1/journeys                               AGGREGATE
      POST   /v1/journeys                               MARKETING
      GET    /v1/journeys/{id}                          AGGREGATE
      PUT    /v1/journeys/{id}/versions/{version}/live  MARKETING
      DELETE /v1/journeys/{id}/versions/{version}/live  MARKETING
      POST   /v1/journeys/ready-made                    MARKETING
      GET    /v1/broadcasts                             AGGREGATE
      POST   /v1/broadcasts                             MARKETING
      GET    /v1/broadcasts/{id}                        AGGREGATE
      POST   /v1/broadcasts/{id}/cancel                 MARKETING
      GET    /v1/coupon-pools/{id}                      AGGREGATE
      PUT    /v1/coupon-pools/{id}                      MARKETING
      GET    /v1/offers/{id}                            AGGREGATE
      PUT    /v1/offers/{id}                            MARKETING
      GET    /v1/offers/{id}/allocations                PERSONAL
      POST   /v1/offers/{id}/allocations                MARKETING
      GET    /v1/campaign-reports                       AGGREGATE
      GET    /v1/suppressions                           AGGREGATE
      GET    /v1/persons/{id}/suppressions              PERSONAL
      GET    /v1/users                                  OPS
      POST   /v1/users                                  OPS
      GET    /v1/users/{username}                       OPS
      DELETE /v1/users/{username}                       OPS
      PUT    /v1/users/{username}/roles                 OPS
      PUT    /v1/users/{username}/password              OPS
      POST   /v1/users/{username}/disable               OPS
      POST   /v1/users/{username}/enable                OPS
      GET    /v1/audit                                  PRIVACY
      GET    /v1/audit/verify                           PRIVACY
      GET    /v1/privacy/usage/{personRef}              PRIVACY
      GET    /v1/privacy/requests                       PRIVACY
      POST   /v1/privacy/requests                       PRIVACY
      GET    /v1/privacy/requests/{id}                  PRIVACY
      GET    /v1/privacy/requests/{id}/archive          PRIVACY
      POST   /v1/privacy/requests/{id}/process          PRIVACY
      POST   /v1/privacy/customer-tokens                SERVER
      GET    /v1/privacy/summary                        PUBLIC
      GET    /privacy                                   PUBLIC
      GET    /v1/me/usage                               CUSTOMER
      GET    /v1/me/preferences                         CUSTOMER
      PUT    /v1/me/preferences                         CUSTOMER
      GET    /v1/me/inbox                               CUSTOMER
      POST   /v1/me/inbox/{id}/read                     CUSTOMER
      DELETE /v1/me/inbox/{id}                          CUSTOMER
      GET    /s/o                                       PUBLIC
      GET    /s/c                                       PUBLIC
      GET    /s/u                                       PUBLIC
      POST   /s/u                                       PUBLIC
      GET    /s/p                                       PUBLIC
      POST   /s/p                                       PUBLIC
      PUT    /v1/consents                               PRIVACY
      GET    /v1/consents/{ref}                         PERSONAL
      GET    /v1/crypto/keys                            OPS
      POST   /v1/crypto/keys/rotate                     OPS
      GET    /v1/recommendations                        PERSONAL
      GET    /v1/recommendations/performance            AGGREGATE
      GET    /v1/recommendations/models                 OPS_READ
      POST   /v1/recommendations/models/retrain         OPS
      PUT    /v1/recommendations/models/personal        OPS
      """;

  @Autowired
  ApplicationContext context;
  @Autowired
  ConsoleUserService users;

  private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

  @BeforeEach
  void signIn() {
    USERS.run(() -> {
      for (ConsoleRole role : ConsoleRole.values()) {
        users.create("matrix-" + role.wireName().replace('_', '-'), Set.of(role), PASSWORD);
      }
    });
    tokens.put(Caller.INGEST_KEY, ingestKey);
    tokens.put(Caller.READ_KEY, readKey);
    tokens.put(Caller.ADMIN_KEY, adminKey);
    for (ConsoleRole role : ConsoleRole.values()) {
      tokens.put(Caller.valueOf(role.name()), login(role));
    }
    tokens.put(Caller.CUSTOMER, customerToken());
  }

  /** A customer's token, as the shop's server asks for it once the customer's identify has been processed. */
  private String customerToken() {
    CUSTOMER_KNOWN.run(() -> {
      assertThat(post("/v1/identify", ingestKey, json("{'userId':'matrix-customer','traits':{'plan':'basic'}}"))
          .status()).isEqualTo(200);
      awaitPipeline();
    });
    Answer a = post("/v1/privacy/customer-tokens", readKey, json("{'userId':'matrix-customer'}"));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    return a.body().get("token").asText();
  }

  private String login(ConsoleRole role) {
    Answer a = post("/v1/sessions", null, json("{'username':'matrix-" + role.wireName().replace('_', '-')
        + "','password':'" + PASSWORD + "'}"));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    return a.body().get("token").asText();
  }

  static Map<String, Set<Caller>> expected() {
    Map<String, Set<Caller>> out = new TreeMap<>();
    for (String line : MATRIX.strip().split("\n")) {
      String[] f = line.strip().split("\\s+");
      Set<Caller> callers = EnumSet.noneOf(Caller.class);
      for (String name : GROUPS.get(f[2]).split(" ", -1)) {
        if (name.isEmpty()) {
          continue;
        }
        callers.add(Caller.valueOf(name.toUpperCase(Locale.ROOT)));
      }
      out.put(f[0] + " " + f[1], callers);
    }
    return out;
  }

  /** Every method + pattern that Spring MVC serves (controllers, actuator, API docs). */
  Set<String> endpoints() {
    Set<String> out = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
        .values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        var methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          if (methods.isEmpty()) {
            out.add("ANY " + pattern);
          }
          methods.forEach(m -> out.add(m.name() + " " + pattern));
        }
      }
    }
    return out;
  }

  @Test
  void everyEndpointIsInTheMatrix() {
    Set<String> missing = new TreeSet<>(endpoints());
    missing.removeAll(expected().keySet());
    Set<String> stale = new TreeSet<>(expected().keySet());
    stale.removeAll(endpoints());

    assertThat(missing).as("endpoints without a line in the matrix (add them with who may call)").isEmpty();
    assertThat(stale).as("matrix lines for endpoints that do not exist").isEmpty();
  }

  @Test
  void everyCallerGetsWhatTheMatrixSaysOnEveryEndpoint() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (var e : expected().entrySet()) {
      String method = e.getKey().substring(0, e.getKey().indexOf(' '));
      for (String path : samplePaths(e.getKey().substring(method.length() + 1))) {
        for (Caller caller : Caller.values()) {
          String token = caller == Caller.ANONYMOUS ? null : tokens.get(caller);
          if ("DELETE".equals(method) && path.equals("/v1/sessions/current") && caller.ordinal() >= 4
              && caller != Caller.CUSTOMER) {
            token = login(ConsoleRole.valueOf(caller.name())); // logging out must not end the session in use
          }
          int status = send(request(method, path, token)).status();
          boolean allowed = e.getValue().contains(caller);
          int refusal = caller == Caller.ANONYMOUS ? 401 : 403;
          // an allowed call may be refused for its (sample) content, with a 4xx, but never fail with a 5xx
          boolean ok = allowed ? status != 401 && status != 403 && status < 500 : status == refusal;
          if (!ok) {
            wrong.add(method + " " + path + " as " + caller + ": " + status
                + (allowed ? " (should be allowed, without a server error)" : " (should be " + refusal + ")"));
          }
          checked++;
        }
      }
    }

    assertThat(wrong).as("endpoint × caller outcomes against the matrix").isEmpty();
    assertThat(checked).isGreaterThan(expected().size() * Caller.values().length - 1);
  }

  private HttpRequest.Builder request(String method, String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
      b.method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json");
    } else {
      b.method("ANY".equals(method) ? "GET" : method, HttpRequest.BodyPublishers.noBody());
    }
    return auth(b, token);
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");

  /** Concrete paths for a pattern: each alternative of a regex variable, a sample value for the others. */
  static List<String> samplePaths(String pattern) {
    String p = pattern.replace("/**", "/matrix-sample");
    Matcher m = VARIABLE.matcher(p);
    if (!m.find()) {
      return List.of(p);
    }
    List<String> values = m.group(2) == null ? List.of("matrix-sample") : Arrays.asList(m.group(2).split("\\|"));
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.addAll(samplePaths(p.substring(0, m.start()) + v + p.substring(m.end())));
    }
    return out;
  }
}
