package io.shopsense.server.web.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.server.ServerTestBase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Every log line the server writes, with ShopSense's own loggers at DEBUG, while personal data flows through every
 * path that handles it: identify calls with emails, phones and names, identity stitching and a merge its guards
 * refuse, profile folding and refresh, a quarantined event carrying an email and its replay, failing requests with
 * personal data in the path, the query and the body, lake SQL quoting an email, and key rotation re-encrypting the
 * traits. None of those values may appear in the output.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "test.server-context=hardening")
class PersonalDataLogTest extends ServerTestBase {
  private static final LoggingSystem LOGGING = LoggingSystem.get(PersonalDataLogTest.class.getClassLoader());

  // set and reset around the test, not as a property: the logging system is one per JVM, shared with other tests
  @BeforeEach
  void debug() {
    LOGGING.setLogLevel("io.shopsense", LogLevel.DEBUG);
  }

  @AfterEach
  void reset() {
    LOGGING.setLogLevel("io.shopsense", null);
  }

  static final String EMAIL = "zora.quinn.Zq9@example.com";
  static final String EMAIL2 = "zed.Zq9@example.org";
  static final String PHONE = "+86 138 9999 1234";
  static final String USER = "user-Zq9-777";
  static final String USER2 = "user-Zq9-888";
  static final String ANON = "anon-Zq9-555";
  static final String NAME = "Zoraquinn";
  static final String STREET = "12 Hidden Alley";
  static final List<String> SECRETS = List.of("Zq9", "zq9", EMAIL, PHONE, "13899991234", NAME, STREET, USER, ANON);

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void noPersonalValueReachesTheLog(CapturedOutput output) {
    // ingest, identity stitching (anonymous -> user, alias), traits with contact details and names
    post("/v1/batch", ingestKey, batch(
        json("{'type':'page','name':'Home','messageId':'pl-1','anonymousId':'" + ANON + "'}"),
        json("{'type':'identify','messageId':'pl-2','anonymousId':'" + ANON + "','userId':'" + USER + "',"
            + "'traits':{'email':'" + EMAIL + "','phone':'" + PHONE + "','first_name':'" + NAME + "',"
            + "'address':{'street':'" + STREET + "'}}}"),
        json("{'type':'alias','messageId':'pl-3','previousId':'" + ANON + "','userId':'" + USER + "'}"),
        json("{'type':'track','event':'Order Completed','messageId':'pl-4','userId':'" + USER + "',"
            + "'properties':{'order_id':'o-Zq9','revenue':42.5,'currency':'EUR','products':[{'product_id':'p1',"
            + "'price':42.5,'quantity':1}]}}"),
        // a second user claiming the same email: the identity guards refuse to merge two user ids
        json("{'type':'identify','messageId':'pl-5','userId':'" + USER2 + "','traits':{'email':'" + EMAIL + "'}}"),
        // quarantined: a bad email trait and a negative revenue, each carrying personal data
        json("{'type':'identify','messageId':'pl-6','userId':'" + USER + "','traits':{'email':'not-an-email-Zq9'}}"),
        json("{'type':'track','event':'Order Completed','messageId':'pl-7','userId':'" + USER + "',"
            + "'properties':{'revenue':-1,'email':'" + EMAIL2 + "'}}"),
        json("{'type':'track','messageId':'pl-8','userId':'" + USER + "','properties':{'email':'" + EMAIL2 + "'}}")));
    // malformed batches with personal data in them
    post("/v1/batch", ingestKey, "{\"batch\":[{\"userId\":\"" + USER + "\",\"traits\":{\"email\":\"" + EMAIL2);
    post("/v1/identify", ingestKey, "{\"userId\":{\"nested\":\"" + USER + "\"},\"traits\":\"" + EMAIL + "\"}");
    post("/v1/track", ingestKey, json("{'userId':'" + USER + "','event':'" + "x".repeat(300) + "Zq9'}"));
    awaitPipeline();
    post("/v1/profiles/refresh", adminKey, "");
    post("/v1/quarantine/replay", adminKey, "{}");
    awaitPipeline();

    // reads and failing requests with personal data in paths, queries and bodies
    get("/v1/persons?email=" + enc(EMAIL), readKey);
    get("/v1/persons?phone=" + enc(PHONE), readKey);
    get("/v1/persons?email=" + enc("nobody.Zq9@example.com"), readKey);
    get("/v1/persons/" + enc(EMAIL), readKey);
    get("/v1/persons/" + enc(USER) + "/events?limit=notanumber", readKey);
    get("/v1/profiles/" + enc(EMAIL), readKey);
    get("/v1/profiles?email=" + enc(EMAIL) + "&limit=-5", readKey);
    get("/v1/nothing/" + enc(EMAIL), readKey);
    put("/v1/customers/" + enc(USER) + "/traits", adminKey, "{\"email\":\"" + EMAIL2 + "\",");
    put("/v1/customers/" + enc(USER) + "/traits", adminKey, "[\"" + EMAIL2 + "\"]");
    put("/v1/customers/" + enc(USER) + "/traits", adminKey, "{\"email\":\"bad-Zq9\"}");
    post("/v1/sql", adminKey, "{\"sql\":\"select * from events where user_id = '" + USER + "' and traits like '%"
        + EMAIL + "%'\"}");
    post("/v1/sql", adminKey, "{\"sql\":\"select * from nowhere where x = '" + EMAIL + "'\"}");
    post("/v1/sql", adminKey, "{\"sql\":\"drop table events; -- " + EMAIL + "\"}");
    post("/v1/segments/preview", adminKey, "{\"rule\":\"traits.email = '" + EMAIL + "' and (\"}");
    get("/v1/quarantine?reason=" + enc(EMAIL), readKey);
    post("/v1/batch", null, "{\"batch\":[{\"userId\":\"" + USER + "\"}]}");
    post("/v1/batch", "wrong-key-" + USER, "{\"batch\":[{\"userId\":\"" + USER + "\"}]}");

    // key rotation re-encrypts the traits
    post("/v1/crypto/keys/rotate", adminKey, "{}");

    String log = output.getAll();
    assertThat(log).as("the paths ran and logged").contains("data key 2 is now primary");
    assertThat(get("/v1/quarantine", readKey).body().toString()).as("events were quarantined").contains("pl-7");
    for (String secret : SECRETS) {
      assertThat(log).as("the log holds no " + secret).doesNotContain(secret);
    }
  }
}
