package io.shopsense.server.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.server.ServerTestBase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Data-subject requests through the API: export with its archive, rectification, erasure, lists, clear errors. */
class PrivacyRequestApiTest extends ServerTestBase {

  private void shop(String prefix) {
    post("/v1/batch", ingestKey, batch(
        json("{'type':'track','event':'Product Viewed','messageId':'" + prefix + "-1','anonymousId':'anon-" + prefix
            + "','properties':{'product_id':'p-1','price':10}}"),
        json("{'type':'identify','messageId':'" + prefix + "-2','anonymousId':'anon-" + prefix + "','userId':'user-"
            + prefix + "','traits':{'email':'" + prefix + "@example.com','name':'Ann, \\\"the\\\" " + prefix
            + "'}}")));
    awaitPipeline();
  }

  @Test
  void exportsEverythingHeldOnAPersonAsJsonAndCsvInOneArchive() throws Exception {
    shop("dx1");

    Answer created = post("/v1/privacy/requests", adminKey,
        json("{'type':'export','subject':{'email':'DX1@example.com'}}"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode r = created.body();
    assertThat(r.get("type").asText()).isEqualTo("access");
    assertThat(r.get("status").asText()).isEqualTo("completed");
    assertThat(r.get("overdue").asBoolean()).isFalse();
    assertThat(created.header("Location")).isEqualTo("/v1/privacy/requests/" + r.get("id").asText());
    List<String> sections = new ArrayList<>();
    r.get("report").forEach(l -> sections.add(l.get("step").asText()));
    assertThat(sections).contains("identifiers", "traits", "profile", "events", "segment_memberships", "messages");

    Answer zip = send(auth(java.net.http.HttpRequest.newBuilder(uri(r.get("archive").asText())), adminKey)
        .header("Accept", "application/zip").GET());
    assertThat(zip.status()).isEqualTo(200);
    assertThat(zip.header("Content-Type")).startsWith("application/zip");
    Map<String, String> entries = unzip(zip.raw().body());
    assertThat(entries.get("identifiers.csv")).startsWith("kind,value,linked_at\r\n").contains("user-dx1",
        "anon-dx1", "dx1@example.com");
    // a value with a comma and quotes is one quoted CSV cell
    assertThat(entries.get("traits.csv")).contains("name,\"Ann, \"\"the\"\" dx1\",true");
    assertThat(entries.get("events.json")).contains("dx1-1", "dx1-2");
    assertThat(entries.get("README.txt")).contains("events (2 rows)");
  }

  @Test
  void rectifiesTraitsAndTheProfileShowsThem() {
    shop("rx1");

    Answer done = post("/v1/privacy/requests", adminKey, json(
        "{'type':'rectification','subject':{'userId':'user-rx1'},'traits':{'name':'Ann Correct','vip':true}}"));

    assertThat(done.status()).isEqualTo(201);
    assertThat(done.body().get("status").asText()).isEqualTo("completed");
    JsonNode person = get("/v1/persons?userId=user-rx1", readKey).body();
    assertThat(person.get("traits").get("name").asText()).isEqualTo("Ann Correct");
    assertThat(person.get("traits").get("vip").asBoolean()).isTrue();
    // the report names the traits, not their values
    assertThat(done.body().get("report").toString()).contains("trait name").doesNotContain("Ann Correct");

    Answer nested = post("/v1/privacy/requests", adminKey, json(
        "{'type':'rectification','subject':{'userId':'user-rx1'},'traits':{'address':{'city':'x'}}}"));
    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.body().get("code").asText()).isEqualTo("invalid_request");
  }

  @Test
  void erasesAPersonAndTheRequestKeepsNoIdentifier() {
    shop("ex1");
    shop("ex2");

    Answer erased = post("/v1/privacy/requests", adminKey,
        json("{'type':'erasure','subject':{'anonymousId':'anon-ex1'}}"));

    assertThat(erased.status()).isEqualTo(201);
    JsonNode r = erased.body();
    assertThat(r.get("status").asText()).isEqualTo("completed");
    assertThat(r.get("subject").asText()).isEqualTo("erased");
    assertThat(r.toString()).doesNotContain("ex1@example.com").doesNotContain("anon-ex1");
    assertThat(get("/v1/persons?userId=user-ex1", readKey).status()).isEqualTo(404);
    assertThat(get("/v1/persons?userId=user-ex2", readKey).status()).isEqualTo(200);
    assertThat(get("/v1/privacy/requests/" + r.get("id").asText(), adminKey).body().get("status").asText())
        .isEqualTo("completed");
    // nothing left to export
    Answer archive = get("/v1/privacy/requests/" + r.get("id").asText() + "/archive", adminKey);
    assertThat(archive.status()).isEqualTo(409);
  }

  @Test
  void rejectsASubjectNoOneIsKnownByAndKeepsItMasked() {
    Answer r = post("/v1/privacy/requests", adminKey,
        json("{'type':'access','subject':{'email':'nobody.here@example.com'}}"));

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.body().get("status").asText()).isEqualTo("rejected");
    assertThat(r.body().get("reason").asText()).contains("no person");
    assertThat(r.body().get("subject").asText()).isEqualTo("email:n***@example.com");
  }

  @Test
  void listsRequestsByStatus() {
    shop("lx1");
    String done = post("/v1/privacy/requests", adminKey,
        json("{'type':'access','subject':{'userId':'user-lx1'}}")).body().get("id").asText();
    String rejected = post("/v1/privacy/requests", adminKey,
        json("{'type':'access','subject':{'userId':'nobody-lx'}}")).body().get("id").asText();

    List<String> completed = ids(get("/v1/privacy/requests?status=completed&limit=1000", adminKey).body());
    List<String> refused = ids(get("/v1/privacy/requests?status=rejected&limit=1000", adminKey).body());
    List<String> overdue = ids(get("/v1/privacy/requests?overdue=true", adminKey).body());

    assertThat(completed).contains(done).doesNotContain(rejected);
    assertThat(refused).contains(rejected).doesNotContain(done);
    assertThat(overdue).isEmpty();
  }

  @Test
  void answersBadInputWithClearProblemsAndUnknownRequestsWith404() {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("{'type':'delete','subject':{'email':'a@b.c'}}", "type must be one of");
    bad.put("{'type':'access'}", "subject must be an object");
    bad.put("{'type':'access','subject':{}}", "exactly one of");
    bad.put("{'type':'access','subject':{'email':'a@b.c','userId':'u'}}", "exactly one of");
    bad.put("{'type':'access','subject':{'name':'x'}}", "unknown subject field");
    bad.put("{'type':'access','subject':{'userId':7}}", "must be text");
    bad.put("{'type':'access','subject':{'userId':'u'},'traits':{'a':1}}", "only given with a rectification");
    bad.put("{'type':'rectification','subject':{'userId':'u'}}", "needs the corrected traits");
    bad.put("[1]", "JSON object");
    bad.forEach((body, message) -> {
      Answer a = post("/v1/privacy/requests", adminKey, json(body));
      assertThat(a.status()).as(body).isEqualTo(400);
      assertThat(a.body().get("detail").asText()).as(body).contains(message);
    });
    assertThat(post("/v1/privacy/requests", adminKey, "{not json").status()).isEqualTo(400);
    assertThat(get("/v1/privacy/requests?status=lost", adminKey).status()).isEqualTo(400);
    assertThat(get("/v1/privacy/requests?limit=0", adminKey).status()).isEqualTo(400);
    assertThat(get("/v1/privacy/requests?after=pr_nope", adminKey).status()).isEqualTo(400);
    assertThat(get("/v1/privacy/requests/pr_nope", adminKey).status()).isEqualTo(404);
    assertThat(get("/v1/privacy/requests/pr_nope/archive", adminKey).status()).isEqualTo(404);
    assertThat(post("/v1/privacy/requests/pr_nope/process", adminKey, "{}").status()).isEqualTo(404);
  }

  @Test
  void readAndIngestKeysCannotSeeOrMakeRequests() {
    for (String key : List.of(readKey, ingestKey)) {
      assertThat(get("/v1/privacy/requests", key).status()).isEqualTo(403);
      assertThat(get("/v1/privacy/requests/pr_x/archive", key).status()).isEqualTo(403);
      assertThat(post("/v1/privacy/requests", key, json("{'type':'access','subject':{'userId':'u'}}")).status())
          .isEqualTo(403);
    }
  }

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(i -> out.add(i.get("id").asText()));
    return out;
  }

  private static Map<String, String> unzip(byte[] zip) throws Exception {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
