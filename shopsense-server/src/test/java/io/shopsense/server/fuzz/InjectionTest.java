package io.shopsense.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.server.ServerTestBase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Injection attempts through every parameter that reaches a query: segment rules (text and JSON) and ids, the
 * profile and person look-ups and list filters, the quarantine filters, and the lake SQL. SQL-looking input stays a
 * literal (a rule matching it finds exactly the person who has it), no table is created or dropped, nothing answers
 * 500, and the stores still work afterwards.
 */
@org.springframework.test.context.TestPropertySource(properties = "test.server-context=hardening")
class InjectionTest extends ServerTestBase {
  static final List<String> PAYLOADS = List.of("'; drop table traits; --", "' or '1'='1", "1) or (1=1",
      "x\" or \"1\"=\"1", "%' --", "'; select pg_sleep(3); --", "\\'; drop table segments; --",
      "'); create table pwned (x int); --", "admin'--", "' union select person_id, trait_json from traits --",
      "*", "%", "_", "$(rm -rf /)", "../../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://x/y}",
      "\u0000", "' || (select count(*) from identifiers) || '");

  private static boolean loaded;

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @BeforeEach
  void shop() {
    if (loaded) {
      return;
    }
    loaded = true;
    List<String> events = new ArrayList<>();
    for (int i = 0; i < PAYLOADS.size(); i++) {
      ObjectNode e = JsonCodec.mapper().createObjectNode().put("type", "identify").put("messageId", "inj-" + i)
          .put("userId", "inj-u" + i);
      e.putObject("traits").put("city", PAYLOADS.get(i)).put("plan", PAYLOADS.get(i));
      events.add(e.toString());
    }
    events.add(json("{'type':'identify','messageId':'inj-plain','userId':'inj-plain','traits':{'city':'Ningbo'}}"));
    Answer a = post("/v1/batch", ingestKey, "{\"batch\":[" + String.join(",", events) + "]}");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    awaitPipeline();
    post("/v1/profiles/refresh", adminKey, "");
  }

  private TreeSet<String> tables() throws Exception {
    String url = "jdbc:h2:file:" + platform.settings().store().dataDir().resolve("db").resolve("shopsense")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery("select table_schema || '.' || table_name from "
            + "information_schema.tables where table_schema not in ('information_schema')")) {
      TreeSet<String> out = new TreeSet<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  private void no500(Answer a, String what) {
    assertThat(a.status()).as(what + " -> " + a.body()).isBetween(200, 499);
    if (a.status() >= 400) {
      assertThat(a.body().path("code").asText()).as(what + " -> " + a.status() + " " + a.body() + " "
          + a.header("Content-Type")).isNotEmpty();
    }
  }

  @Test
  void sqlLookingInputStaysALiteralEverywhere() throws Exception {
    TreeSet<String> before = tables();
    long events = platform.stores().eventLog().lastSeq();
    for (int i = 0; i < PAYLOADS.size(); i++) {
      String p = PAYLOADS.get(i);
      String q = enc(p);
      for (String path : new String[] {"/v1/profiles?email=" + q, "/v1/profiles?userId=" + q,
          "/v1/profiles?phone=" + q, "/v1/profiles?anonymousId=" + q, "/v1/profiles?stage=" + q,
          "/v1/profiles?rfmSegment=" + q, "/v1/profiles?segment=" + q, "/v1/profiles?after=" + q,
          "/v1/persons?email=" + q, "/v1/persons?userId=" + q, "/v1/persons/" + q, "/v1/profiles/" + q,
          "/v1/profiles/" + q + "/timeline", "/v1/persons/" + q + "/events", "/v1/quarantine?reason=" + q,
          "/v1/quarantine?source=" + q, "/v1/quarantine?status=" + q, "/v1/segments/" + q,
          "/v1/segments/" + q + "/members", "/v1/segments/" + q + "/history?from=" + q}) {
        no500(get(path, readKey), path);
      }
      no500(post("/v1/quarantine/replay?reason=" + q + "&source=" + q, adminKey, "{}"), "replay " + p);
      no500(put("/v1/segments/" + q, adminKey, json("{'name':'x','rule':'lifecycle = \\'new\\''}")), "id " + p);

      // a rule comparing a trait with the payload, as text (quotes doubled) and as JSON: matches its one owner
      String literal = p.replace("'", "''");
      String id = "inj-" + i;
      Answer text = put("/v1/segments/" + id, adminKey, JsonCodec.mapper().createObjectNode().put("name", "inj")
          .put("rule", "traits.city = '" + literal + "'").toString());
      no500(text, "rule text " + p);
      if (p.indexOf('\u0000') < 0) {
        assertThat(text.status()).as(text.body().toString()).isEqualTo(201);
        post("/v1/profiles/refresh", adminKey, "");
        String person = get("/v1/persons?userId=inj-u" + i, readKey).body().get("id").asText();
        assertThat(get("/v1/segments/" + id + "/members", readKey).body().get("items").toString())
            .as("the rule on " + p + " matches its one owner").isEqualTo("[\"" + person + "\"]");
      }
      ObjectNode ruleJson = JsonCodec.mapper().createObjectNode().put("name", "inj");
      ruleJson.putObject("ruleJson").put("field", "traits.plan").put("op", "=").put("value", p);
      no500(put("/v1/segments/" + id + "-json", adminKey, ruleJson.toString()), "rule json " + p);
      // the payload as raw rule text: a syntax error, never SQL
      no500(post("/v1/segments/preview", adminKey, JsonCodec.mapper().createObjectNode()
          .put("rule", "traits.city = 'x' " + p).toString()), "raw rule " + p);
      no500(post("/v1/segments/preview", adminKey, JsonCodec.mapper().createObjectNode()
          .put("rule", p).toString()), "raw rule " + p);
      ObjectNode badField = JsonCodec.mapper().createObjectNode();
      badField.putObject("ruleJson").put("field", "traits." + p).put("op", p).put("value", 1);
      no500(post("/v1/segments/preview", adminKey, badField.toString()), "json field " + p);
    }
    assertThat(tables()).as("no table created or dropped").isEqualTo(before);
    assertThat(platform.stores().eventLog().lastSeq()).isEqualTo(events);
    assertThat(get("/v1/persons?userId=inj-u0", readKey).body().at("/traits/city").asText())
        .isEqualTo(PAYLOADS.get(0));
  }

  @Test
  void theLakeRunsOneSelectInItsSandboxAndNothingElse() {
    String[] refused = {"select 1; drop table events", "drop table events", "create table pwned as select 1",
        "copy (select 1) to '/tmp/pwned.csv'", "attach '/tmp/pwned.db' as p", "install httpfs",
        "load httpfs", "set enable_external_access = true", "select * from read_csv('/etc/passwd')",
        "select * from '/etc/passwd'", "pragma version; select 1", "update events set user_id = 'x'",
        "select * from events where user_id = '' or 1=1; delete from events"};
    for (String sql : refused) {
      Answer a = post("/v1/sql", adminKey, JsonCodec.mapper().createObjectNode().put("sql", sql).toString());
      assertThat(a.status()).as(sql + " -> " + a.body()).isEqualTo(400);
    }
    Answer ok = post("/v1/sql", adminKey, "{\"sql\":\"select count(*) from events where user_id = '' or 1=1\"}");
    assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
    assertThat(post("/v1/sql", adminKey, "{\"sql\":\"select * from events\",\"maxRows\":\"'; drop\"}").status())
        .isEqualTo(400);
  }

  @Test
  void hostileSegmentBodiesAreRefusedCleanly() throws Exception {
    TreeSet<String> before = tables();
    ObjectNode rule = (ObjectNode) JsonCodec.parse("{\"name\":\"Fuzzed\",\"ruleJson\":{\"and\":["
        + "{\"field\":\"lifecycle\",\"op\":\"=\",\"value\":\"active\"},"
        + "{\"field\":\"traits.city\",\"op\":\"=\",\"value\":\"Ningbo\"}]}}");
    ObjectNode text = JsonCodec.mapper().createObjectNode().put("name", "Fuzzed text")
        .put("rule", "behaviour.orders >= 1 and traits.city = 'Ningbo'");
    int ok = EndpointFuzzer.run(4242, 150, List.of(rule, text), (i, t) -> t,
        body -> send(auth(java.net.http.HttpRequest.newBuilder(uri("/v1/segments/fz-seg"))
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json"), adminKey)), EndpointFuzzer.Oracle.NONE);
    EndpointFuzzer.run(4243, 150, List.of(rule, text), (i, t) -> t,
        body -> post("/v1/segments/preview", adminKey, "application/json", body), EndpointFuzzer.Oracle.NONE);
    assertThat(ok).isPositive();
    assertThat(tables()).isEqualTo(before);
  }
}
