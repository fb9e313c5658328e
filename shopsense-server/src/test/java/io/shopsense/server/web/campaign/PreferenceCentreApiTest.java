package io.shopsense.server.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.campaign.ContactPreferences;
import io.shopsense.api.id.PersonId;
import io.shopsense.core.campaign.content.LinkPurpose;
import io.shopsense.server.OnceBeforeAll;
import io.shopsense.server.ServerTestBase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preference centre, as a page a message links to ({@code /s/p}) and as the customer API
 * ({@code /v1/me/preferences}): both show and save the same choices, in the preferences, the preferred-channel trait
 * and the unsubscribe block.
 */
class PreferenceCentreApiTest extends ServerTestBase {
  private static final OnceBeforeAll PEOPLE = new OnceBeforeAll();
  private static PersonId eve;
  private static PersonId fay;
  private static PersonId gus;

  @BeforeEach
  void twoCustomers() {
    PEOPLE.run(() -> {
      post("/v1/batch", ingestKey, batch(
          json("{'type':'identify','messageId':'pc-1','userId':'user-eve','traits':{'email':'eve@example.com'}}"),
          json("{'type':'identify','messageId':'pc-2','userId':'user-fay','traits':{'email':'fay@example.com'}}"),
          json("{'type':'identify','messageId':'pc-3','userId':'user-gus','traits':{'email':'gus@example.com'}}")));
      awaitPipeline();
      eve = PersonId.of(get("/v1/persons?userId=user-eve", readKey).body().get("id").asText());
      fay = PersonId.of(get("/v1/persons?userId=user-fay", readKey).body().get("id").asText());
      gus = PersonId.of(get("/v1/persons?userId=user-gus", readKey).body().get("id").asText());
    });
  }

  private String pageUrl(PersonId person) {
    String token = platform.campaigns().links().sign(LinkPurpose.PREFERENCES, person, "campaign:c9|send|"
        + person.value(), "", Duration.ofDays(1));
    return "/s/p?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private Answer submit(String url, String form) {
    return post(url, null, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
  }

  private List<ContactBlock> blocks(PersonId person) {
    return platform.campaigns().stores().blocks().of(List.of(person)).getOrDefault(person, List.of());
  }

  @Test
  void thePageShowsTheFormSavesTheChoicesAndShowsThemSaved() {
    String url = pageUrl(eve);
    Answer first = get(url, null);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("Cache-Control")).contains("no-store");
    assertThat(first.header("Referrer-Policy")).isEqualTo("no-referrer");
    String form = first.body().asText();
    assertThat(form).contains("<form method=\"post\"").contains("value=\"email\" checked")
        .contains("value=\"any\" checked").contains("name=\"unsubscribe_all\" value=\"on\">");

    Answer saved = submit(url, "channel=email&channel=in_app&preferred=email&frequency=weekly"
        + "&muted=sale%2C+%3Cb%3Enews%3C%2Fb%3E");
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.body().asText()).contains("saved").contains("value=\"weekly\" checked");

    String again = get(url, null).body().asText();
    assertThat(again).contains("value=\"email\" checked").contains("value=\"in_app\" checked")
        .doesNotContain("value=\"sms\" checked").contains("<option value=\"email\" selected>")
        .contains("value=\"weekly\" checked").contains("&lt;b&gt;news&lt;/b&gt;, sale").doesNotContain("<b>news");
    ContactPreferences stored = platform.campaigns().stores().preferences().find(eve).orElseThrow();
    assertThat(stored.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.IN_APP);
    assertThat(stored.frequency()).isEqualTo(ContactPreferences.Frequency.WEEKLY);
    assertThat(stored.mutedTopics()).containsExactly("<b>news</b>", "sale");
    assertThat(platform.stores().traitStore().get(eve).text("preferred_channel")).contains("email");
    assertThat(blocks(eve)).isEmpty();

    // unsubscribing from everything, then back
    assertThat(submit(url, "channel=email&frequency=any&unsubscribe_all=on").body().asText())
        .contains("You are unsubscribed from all marketing");
    assertThat(blocks(eve)).singleElement().satisfies(b -> {
      assertThat(b.scope()).isEqualTo(ContactBlock.Scope.ALL);
      assertThat(b.source()).isEqualTo("preference-centre");
    });
    submit(url, "channel=email&frequency=any");
    assertThat(blocks(eve)).isEmpty();
  }

  @Test
  void thePageRefusesChoicesItCannotSaveAndTokensNotForIt() {
    String url = pageUrl(gus);
    Answer none = submit(url, "frequency=any");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body().asText()).contains("choose at least one channel");
    assertThat(submit(url, "channel=fax").status()).isEqualTo(400);
    assertThat(platform.campaigns().stores().preferences().find(gus)).isEmpty();

    String tampered = url.substring(0, url.length() - 2) + (url.endsWith("AA") ? "BB" : "AA");
    assertThat(get(tampered, null).status()).isEqualTo(400);
    assertThat(submit(tampered, "channel=email&unsubscribe_all=on").status()).isEqualTo(400);
    String unsubscribeToken = platform.campaigns().links().sign(LinkPurpose.UNSUBSCRIBE, gus, "campaign:c9|send|"
        + gus.value(), "", Duration.ofDays(1));
    assertThat(get("/s/p?t=" + URLEncoder.encode(unsubscribeToken, StandardCharsets.UTF_8), null).status())
        .isEqualTo(400);
    assertThat(blocks(gus)).isEmpty();
  }

  @Test
  void theCustomerApiReadsAndSavesTheSameChoices() {
    Answer t = post("/v1/privacy/customer-tokens", readKey, json("{'userId':'user-fay'}"));
    String token = t.body().get("token").asText();

    JsonNode fresh = get("/v1/me/preferences", token).body();
    assertThat(fresh.get("frequency").asText()).isEqualTo("any");
    assertThat(fresh.get("unsubscribedAll").asBoolean()).isFalse();
    assertThat(fresh.get("channels")).hasSize(Channel.values().length);

    Answer fax = put("/v1/me/preferences", token, json("{'channels':['email','fax']}"));
    assertThat(fax.status()).isEqualTo(400);
    assertThat(fax.body().get("detail").asText()).contains("fax");
    Answer hourly = put("/v1/me/preferences", token, json("{'frequency':'hourly'}"));
    assertThat(hourly.status()).isEqualTo(400);
    assertThat(hourly.body().get("detail").asText()).contains("hourly");
    assertThat(put("/v1/me/preferences", token, json("{'channels':['sms'],'preferredChannel':'email'}")).status())
        .isEqualTo(400);

    Answer ok = put("/v1/me/preferences", token, json("{'channels':['sms','push'],'preferredChannel':'push',"
        + "'frequency':'daily','mutedTopics':['shoes'],'unsubscribedAll':false}"));
    assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
    JsonNode now = get("/v1/me/preferences", token).body();
    assertThat(now.get("channels").toString()).isEqualTo("[\"sms\",\"push\"]");
    assertThat(now.get("preferredChannel").asText()).isEqualTo("push");
    assertThat(now.get("frequency").asText()).isEqualTo("daily");
    assertThat(now.get("mutedTopics").toString()).isEqualTo("[\"shoes\"]");
    assertThat(platform.campaigns().stores().preferences().find(fay).orElseThrow().channels())
        .isEqualTo(Set.of(Channel.SMS, Channel.PUSH));
    // the page shows what the API saved
    assertThat(get(pageUrl(fay), null).body().asText()).contains("value=\"daily\" checked")
        .contains("<option value=\"push\" selected>");
  }
}
