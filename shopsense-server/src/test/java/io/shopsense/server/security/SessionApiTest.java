package io.shopsense.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.access.ConsoleRole;
import io.shopsense.core.access.ConsoleUserService;
import io.shopsense.server.OnceBeforeAll;
import io.shopsense.server.ServerTestBase;
import java.net.http.HttpRequest;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Console sign-in, sessions, sign-out and user management over HTTP. */
@TestPropertySource(properties = "shopsense.security.rate-limit.login-requests=1000")
class SessionApiTest extends ServerTestBase {
  private static final String PASSWORD = "a long console passphrase";
  private static final OnceBeforeAll USERS = new OnceBeforeAll();

  @Autowired
  ConsoleUserService users;

  @BeforeEach
  void users() {
    USERS.run(() -> {
      users.create("root", Set.of(ConsoleRole.ADMIN), PASSWORD);
      users.create("ana", Set.of(ConsoleRole.ANALYST), PASSWORD);
      users.create("guessed", Set.of(ConsoleRole.MARKETER), PASSWORD);
    });
  }

  private Answer login(String user, String password) {
    return post("/v1/sessions", null, json("{'username':'" + user + "','password':'" + password + "'}"));
  }

  @Test
  void signsInAndAnswersABearerTokenAndASecureHttpOnlyStrictCookie() {
    Answer a = login("ROOT", PASSWORD);

    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    String token = a.body().get("token").asText();
    assertThat(token).startsWith("sess_");
    assertThat(a.body().get("roles").toString()).isEqualTo("[\"admin\"]");
    assertThat(a.header("Set-Cookie")).contains("shopsense_session=" + token, "HttpOnly", "Secure",
        "SameSite=Strict", "Max-Age=28800");
    Answer me = get("/v1/sessions/current", token);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().get("username").asText()).isEqualTo("root");
  }

  @Test
  void theSessionCookieAuthenticatesTheConsole() {
    String token = login("root", PASSWORD).body().get("token").asText();

    Answer a = send(HttpRequest.newBuilder(uri("/v1/sessions/current")).header("Cookie",
        "shopsense_session=" + token).GET());

    assertThat(a.status()).isEqualTo(200);
  }

  @Test
  void aStaleCookieDoesNotStandInTheWayOfSigningInAgain() {
    String token = login("root", PASSWORD).body().get("token").asText();
    send(auth(HttpRequest.newBuilder(uri("/v1/sessions/current")).DELETE(), token));

    Answer protectedCall = send(HttpRequest.newBuilder(uri("/v1/users")).header("Cookie", "shopsense_session=" + token)
        .GET());
    Answer again = send(HttpRequest.newBuilder(uri("/v1/sessions")).header("Cookie", "shopsense_session=" + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json("{'username':'root','password':'" + PASSWORD + "'}"))));

    assertThat(protectedCall.status()).isEqualTo(401);
    assertThat(again.status()).isEqualTo(201);
  }

  @Test
  void signOutEndsTheSession() {
    String token = login("root", PASSWORD).body().get("token").asText();

    Answer out = send(auth(HttpRequest.newBuilder(uri("/v1/sessions/current")).DELETE(), token));
    Answer after = get("/v1/users", token);

    assertThat(out.status()).isEqualTo(204);
    assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.body().get("code").asText()).isEqualTo("invalid_session");
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSame401() {
    Answer wrong = login("ana", "not the right passphrase");
    Answer unknown = login("nobody", PASSWORD);
    Answer empty = post("/v1/sessions", null, "{}");

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.body().get("code").asText()).isEqualTo("invalid_credentials");
    assertThat(unknown.body().toString()).isEqualTo(wrong.body().toString());
    assertThat(empty.status()).isEqualTo(400);
  }

  @Test
  void guessingAPasswordIsStoppedWith429AndRetryAfter() {
    for (int i = 0; i < 5; i++) {
      assertThat(login("guessed", "guess number " + i).status()).isEqualTo(401);
    }

    Answer locked = login("guessed", PASSWORD);

    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.body().get("code").asText()).isEqualTo("too_many_attempts");
    assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(890L, 900L);
  }

  @Test
  void anAnalystSeesAggregatesButNoPersonalData() {
    String token = login("ana", PASSWORD).body().get("token").asText();

    assertThat(get("/v1/rfm/grid", token).status()).isEqualTo(200);
    assertThat(get("/v1/segments", token).status()).isEqualTo(200);
    assertThat(get("/v1/persons?userId=u-1", token).status()).isEqualTo(403);
    assertThat(get("/v1/events", token).status()).isEqualTo(403);
    assertThat(get("/v1/users", token).status()).isEqualTo(403);
  }

  @Test
  void anAdminManagesUsersAndRoleChangesApplyAtOnce() {
    String root = login("root", PASSWORD).body().get("token").asText();

    Answer created = post("/v1/users", root, json("{'username':'Mia','password':'" + PASSWORD
        + "','roles':['analyst']}"));
    String mia = login("mia", PASSWORD).body().get("token").asText();
    Answer before = get("/v1/events", mia);
    Answer promoted = put("/v1/users/mia/roles", root, json("{'roles':['marketer']}"));
    Answer after = get("/v1/events", mia);
    Answer listed = get("/v1/users", adminKey);

    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    assertThat(created.body().toString()).doesNotContain(PASSWORD).doesNotContain("argon2");
    assertThat(before.status()).isEqualTo(403);
    assertThat(promoted.body().get("roles").toString()).isEqualTo("[\"marketer\"]");
    assertThat(after.status()).isEqualTo(200);
    assertThat(listed.body().get("items").findValuesAsText("username")).contains("mia", "root");
    assertThat(listed.toString()).doesNotContain("argon2");
  }

  @Test
  void refusesBadUserRequestsWithProblemDetails() {
    Answer weak = post("/v1/users", adminKey, json("{'username':'weak','password':'short','roles':['admin']}"));
    Answer badRole = post("/v1/users", adminKey, json("{'username':'x1','password':'" + PASSWORD
        + "','roles':['root']}"));
    Answer noRoles = post("/v1/users", adminKey, json("{'username':'x2','password':'" + PASSWORD + "'}"));
    Answer taken = post("/v1/users", adminKey, json("{'username':'root','password':'" + PASSWORD
        + "','roles':['admin']}"));
    Answer unknown = put("/v1/users/nobody/roles", adminKey, json("{'roles':['admin']}"));

    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.body().get("detail").asText()).contains("at least 12").doesNotContain("short");
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(noRoles.status()).isEqualTo(400);
    assertThat(taken.status()).isEqualTo(409);
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void changingAPasswordEndsTheUsersSessions() {
    post("/v1/users", adminKey, json("{'username':'leo','password':'" + PASSWORD + "','roles':['marketer']}"));
    String leo = login("leo", PASSWORD).body().get("token").asText();

    Answer changed = put("/v1/users/leo/password", adminKey, json("{'password':'another console passphrase'}"));

    assertThat(changed.status()).isEqualTo(200);
    assertThat(get("/v1/segments", leo).status()).isEqualTo(401);
    assertThat(login("leo", "another console passphrase").status()).isEqualTo(201);
  }

  @Test
  void anIngestKeyReadsNothing() {
    for (String path : new String[] {"/v1/persons?userId=u", "/v1/events", "/v1/profiles", "/v1/segments",
        "/v1/products", "/v1/quality", "/v1/pipeline", "/v1/users", "/v1/keys", "/actuator/prometheus"}) {
      assertThat(get(path, ingestKey).status()).as(path).isEqualTo(403);
    }
  }
}
