package io.shopsense.server.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.server.ServerTestBase;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The privacy summary, public, as JSON and as a page, in English and Chinese, from the configuration. */
class PrivacySummaryApiTest extends ServerTestBase {

  @DynamicPropertySource
  static void privacy(DynamicPropertyRegistry r) {
    r.add("shopsense.privacy.controller-name", () -> "Tea & <Cakes> Ltd");
    r.add("shopsense.privacy.controller-contact", () -> "privacy@tea.shop");
    r.add("shopsense.privacy.recipients[0].name", () -> "MailCo");
    r.add("shopsense.privacy.recipients[0].purposes", () -> "marketing_email");
    // purpose -> lawful basis (the consent settings' shape); ServerTestBase declares personalisation so as well
    r.add("shopsense.consent.strictly-necessary.analytics", () -> "legitimate_interests");
    r.add("shopsense.retention.raw-events", () -> "180d");
    r.add("shopsense.privacy-requests.deadline", () -> "15d");
  }

  @Test
  void servesTheSummaryAsJsonWithoutAKey() {
    Answer a = get("/v1/privacy/summary", null);

    assertThat(a.status()).isEqualTo(200);
    JsonNode s = a.body();
    assertThat(s.get("controller").asText()).isEqualTo("Tea & <Cakes> Ltd");
    assertThat(s.get("retention").asText()).contains("for 180 days");
    assertThat(s.get("purposes").get(0).get("needsConsent").asBoolean()).isFalse();
    assertThat(s.get("purposes").get(1).get("needsConsent").asBoolean()).isFalse();
    assertThat(s.get("purposes").get(2).get("needsConsent").asBoolean()).isTrue();
    assertThat(s.get("faq")).hasSize(5);
    assertThat(s.get("faq").get(1).get("answer").asText()).contains("MailCo");
    assertThat(s.get("faq").get(4).get("answer").asText()).contains("within 15 days");
  }

  @Test
  void speaksChineseByParameterOrAcceptLanguage() {
    Answer byParam = get("/v1/privacy/summary?lang=zh", null);
    Answer byHeader = send(HttpRequest.newBuilder(uri("/v1/privacy/summary")).header("Accept-Language",
        "zh-CN,zh;q=0.9").GET());

    assertThat(byParam.body().get("language").asText()).isEqualTo("zh");
    assertThat(byParam.header("Content-Language")).isEqualTo("zh");
    assertThat(byHeader.body().get("faq").get(0).get("question").asText()).isEqualTo("你们用我的数据做什么？");
  }

  @Test
  void servesAnEscapedPage() {
    Answer en = send(HttpRequest.newBuilder(uri("/privacy")).GET());
    Answer zh = send(HttpRequest.newBuilder(uri("/privacy?lang=zh")).GET());

    String page = new String(en.raw().body(), StandardCharsets.UTF_8);
    assertThat(en.status()).isEqualTo(200);
    assertThat(en.header("Content-Type")).startsWith("text/html");
    assertThat(page).contains("<h1>Privacy summary of Tea &amp; &lt;Cakes&gt; Ltd</h1>")
        .contains("How do I see or delete my data?").doesNotContain("<Cakes>");
    assertThat(new String(zh.raw().body(), StandardCharsets.UTF_8)).contains("<html lang=\"zh\"")
        .contains("我如何撤回同意？");
  }
}
