package io.shopsense.server.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.StepReport;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.SendSpec;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.offer.TemplateLocale;
import io.shopsense.core.campaign.content.LinkPurpose;
import io.shopsense.core.campaign.content.LinkSigner;
import io.shopsense.core.campaign.flow.SendOutcome;
import io.shopsense.core.campaign.flow.SendRequest;
import io.shopsense.server.OnceBeforeAll;
import io.shopsense.server.ServerTestBase;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer-facing side of a campaign over real HTTP: an in-app message delivered through the platform's message
 * flow shows in the customer's inbox, its open pixel and click link are tracked in the campaign's report, a click goes
 * only where the link was signed to go, and the unsubscribe link blocks later promotional messages.
 */
class LinkAndInboxApiTest extends ServerTestBase {
  private static final OnceBeforeAll PEOPLE = new OnceBeforeAll();
  private static PersonId cleo;
  private static DeliveryKey message;

  @Autowired
  Clock clock;

  @BeforeEach
  void aDeliveredInAppMessage() {
    PEOPLE.run(() -> {
      post("/v1/batch", ingestKey, batch(
          json("{'type':'identify','messageId':'li-1','userId':'user-cleo','traits':{'email':'cleo@example.com'}}"),
          json("{'type':'identify','messageId':'li-2','userId':'user-dan','traits':{'email':'dan@example.com'}}")));
      awaitPipeline();
      cleo = PersonId.of(get("/v1/persons?userId=user-cleo", readKey).body().get("id").asText());

      Instant now = clock.instant();
      platform.campaigns().stores().templates().save(new MessageTemplate("tpl-li", ContentCategory.SERVICE,
          TemplateLocale.EN, "Your order ships", "<p>It ships today</p>", "It ships today"), now);
      platform.campaigns().stores().templates().save(new MessageTemplate("tpl-li-account", ContentCategory.SERVICE,
          TemplateLocale.EN, "Your account", "<p>Welcome</p>", "Welcome"), now);
      message = DeliveryKey.campaign("c1", cleo);
      // one message for the links, one for the inbox, so that each test's counts are its own
      List<SendOutcome> sent = platform.campaigns().flow().submit(List.of(
          SendRequest.at(message, new SendSpec("in_app", "tpl-li", "service", null, 0), now, null),
          SendRequest.at(DeliveryKey.campaign("c-inbox", cleo), new SendSpec("in_app", "tpl-li-account", "service",
              null, 0), now, null)));
      assertThat(sent).hasSize(2).allMatch(o -> o instanceof SendOutcome.Queued, "queued");
      platform.campaigns().dispatchNow();
    });
  }

  private String customerToken(String userId) {
    Answer a = post("/v1/privacy/customer-tokens", readKey, json("{'userId':'" + userId + "'}"));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    return a.body().get("token").asText();
  }

  private String link(LinkPurpose purpose, String target) {
    return platform.campaigns().links().sign(purpose, cleo, message.value(), target, Duration.ofDays(1));
  }

  private StepReport report() {
    return report("campaign:c1");
  }

  private StepReport report(String source) {
    return platform.campaigns().stores().outbox().report(source).get(0);
  }

  private static String q(String token) {
    return java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  @Test
  void theInboxListsTheDeliveredMessageMarksItReadAndDeletesIt() {
    String token = customerToken("user-cleo");
    JsonNode inbox = get("/v1/me/inbox", token).body();
    assertThat(inbox.get("unread").asInt()).isEqualTo(2);
    JsonNode account = null;
    for (JsonNode m : inbox.get("messages")) {
      account = m.get("subject").asText().equals("Your account") ? m : account;
    }
    assertThat(account).as(inbox.toString()).isNotNull();
    assertThat(account.get("text").asText()).isEqualTo("Welcome");
    assertThat(account.get("read").asBoolean()).isFalse();
    long id = account.get("id").asLong();

    // another person's token sees none of it, and cannot touch it
    String other = customerToken("user-dan");
    assertThat(get("/v1/me/inbox", other).body().get("messages")).isEmpty();
    assertThat(post("/v1/me/inbox/" + id + "/read", other, "{}").status()).isEqualTo(404);
    assertThat(send(auth(HttpRequest.newBuilder(uri("/v1/me/inbox/" + id)).DELETE(), other)).status())
        .isEqualTo(404);

    assertThat(post("/v1/me/inbox/" + id + "/read", token, "{}").status()).isEqualTo(204);
    JsonNode unread = get("/v1/me/inbox?unread=true", token).body();
    assertThat(unread.get("unread").asInt()).isEqualTo(1);
    assertThat(unread.get("messages")).singleElement()
        .satisfies(m -> assertThat(m.get("subject").asText()).isEqualTo("Your order ships"));
    assertThat(get("/v1/me/inbox", token).body().get("messages").toString()).contains("\"read\":true");
    assertThat(report("campaign:c-inbox").opened()).as("reading an in-app message opens it").isEqualTo(1);

    assertThat(send(auth(HttpRequest.newBuilder(uri("/v1/me/inbox/" + id)).DELETE(), token)).status())
        .isEqualTo(204);
    assertThat(get("/v1/me/inbox", token).body().get("messages")).singleElement()
        .satisfies(m -> assertThat(m.get("subject").asText()).isEqualTo("Your order ships"));
    assertThat(get("/v1/me/inbox?limit=0", token).status()).isEqualTo(400);
  }

  @Test
  void theOpenPixelAndAClickAreTrackedAndTheClickGoesOnlyToItsSignedTarget() {
    Answer pixel = get("/s/o?t=" + q(link(LinkPurpose.OPEN, "")), null);
    assertThat(pixel.status()).isEqualTo(200);
    assertThat(pixel.header("Content-Type")).isEqualTo("image/gif");
    assertThat(pixel.header("Cache-Control")).contains("no-store");
    assertThat(report().opened()).isEqualTo(1);

    // a url in the query is ignored: only the signed target counts
    Answer click = get("/s/c?t=" + q(link(LinkPurpose.CLICK, "https://shop.example/p/42")) + "&url="
        + q("https://evil.example/") + "&target=" + q("https://evil.example/"), null);
    assertThat(click.status()).isEqualTo(302);
    assertThat(click.header("Location")).isEqualTo("https://shop.example/p/42");
    assertThat(report().clicked()).isEqualTo(1);
    assertThat(report().opened()).isEqualTo(1);
  }

  @Test
  void badWrongPurposeAndExpiredTokensGetAPageNeverARedirect() throws Exception {
    long clicked = report().clicked();
    String click = link(LinkPurpose.CLICK, "https://shop.example/p/42");
    String tampered = click.substring(0, click.length() - 2) + (click.endsWith("AA") ? "BB" : "AA");
    byte[] key = Files.readAllBytes(platform.campaigns().settings().linkKeyFile());
    String expired = new LinkSigner(key, Clock.fixed(clock.instant().minus(Duration.ofDays(2)), ZoneOffset.UTC))
        .sign(LinkPurpose.CLICK, cleo, message.value(), "https://shop.example/p/42", Duration.ofDays(1));

    for (String path : List.of("/s/c?t=" + q(tampered), "/s/c?t=" + q(link(LinkPurpose.OPEN, "https://evil.example/")),
        "/s/c", "/s/c?t=garbage", "/s/o?t=" + q(tampered), "/s/u?t=" + q(click), "/s/p?t=" + q(tampered))) {
      Answer a = get(path, null);
      assertThat(a.status()).as(path).isEqualTo(400);
      assertThat(a.header("Location")).as(path).isNull();
      assertThat(a.header("Content-Type")).as(path).startsWith("text/html");
    }
    Answer old = get("/s/c?t=" + q(expired), null);
    assertThat(old.status()).isEqualTo(410);
    assertThat(old.header("Location")).isNull();
    assertThat(report().clicked()).isEqualTo(clicked);
  }

  @Test
  void anUnsubscribeLinkBlocksAndSuppressesTheNextPromotionalMessage() {
    Answer consent = put("/v1/consents", adminKey, json("{'userId':'user-cleo','purposes':{'marketing_in_app':true},"
        + "'noticeVersion':'2026-05'}"));
    assertThat(consent.status()).as(consent.body().toString()).isEqualTo(200);
    String token = link(LinkPurpose.UNSUBSCRIBE, "");

    Answer page = get("/s/u?t=" + q(token), null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body().asText()).contains("<form method=\"post\"").contains("Unsubscribe");
    assertThat(blocks()).as("showing the page changes nothing").isEmpty();

    // the RFC 8058 one-click POST a mail client sends
    Answer done = post("/s/u?t=" + q(token), null, "application/x-www-form-urlencoded",
        "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body().asText()).contains("unsubscribed").contains("href=\"p?t=");
    assertThat(blocks()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo(ContactBlock.Kind.UNSUBSCRIBED);
      assertThat(b.scope()).isEqualTo(ContactBlock.Scope.ALL);
      assertThat(b.source()).isEqualTo("unsubscribe-link");
    });
    assertThat(report().unsubscribed()).isEqualTo(1);

    platform.campaigns().stores().templates().save(new MessageTemplate("promo-li", ContentCategory.PROMOTIONAL,
        TemplateLocale.EN, "Sale", "<p>Sale</p>", "Sale"), clock.instant());
    List<SendOutcome> next = platform.campaigns().flow().submit(List.of(SendRequest.at(
        DeliveryKey.campaign("c2", cleo), new SendSpec("in_app", "promo-li", "promotional", null, 0),
        clock.instant(), null)));
    assertThat(next).singleElement().isInstanceOfSatisfying(SendOutcome.Suppressed.class,
        s -> assertThat(s.rule()).isEqualTo("unsubscribed"));
  }

  @Test
  void aTemplatePreviewsUnsubscribeLinkChangesNothing() {
    PersonId dan = PersonId.of(get("/v1/persons?userId=user-dan", readKey).body().get("id").asText());
    String token = platform.campaigns().links().sign(LinkPurpose.UNSUBSCRIBE, dan, "preview", "", Duration.ofDays(1));

    Answer a = post("/s/u?t=" + q(token), null, "application/x-www-form-urlencoded", new byte[0]);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().asText()).contains("preview");
    assertThat(blocks(dan)).isEmpty();
  }

  private List<ContactBlock> blocks() {
    return blocks(cleo);
  }

  private List<ContactBlock> blocks(PersonId person) {
    return platform.campaigns().stores().blocks().of(List.of(person)).getOrDefault(person, List.of());
  }
}
