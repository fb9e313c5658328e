package io.shopsense.core.campaign.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.offer.ItemSlot;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.offer.SlotItem;
import io.shopsense.api.offer.TemplateLocale;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {
  static final PersonId ANNA = PersonId.of("person-anna");
  final LinkSigner signer = new LinkSigner(LinkSignerTest.KEY, Clock.fixed(LinkSignerTest.T0, ZoneOffset.UTC));
  final ItemSlot slot = (person, count) -> List.of(
      new SlotItem("i-1", "Tea <Pot>", new BigDecimal("12.5"), "USD", "https://shop.example/p/i-1", "you viewed it"),
      new SlotItem("i-2", "Cups", new BigDecimal("1234"), "CNY", "https://shop.example/p/i-2", ""),
      new SlotItem("i-3", "Saucer", BigDecimal.ONE, "USD", "https://shop.example/p/i-3", "")).subList(0, count);
  final TemplateEngine engine = new TemplateEngine(signer, slot, "https://shop.example/s/", Duration.ofDays(30), 2);

  static MessageTemplate template(ContentCategory category, TemplateLocale locale, String subject, String html,
      String text) {
    return new MessageTemplate("t-1", category, locale, subject, html, text);
  }

  final MessageTemplate winBack = template(ContentCategory.PROMOTIONAL, TemplateLocale.EN,
      "{{#person.name}}{{person.name}}, w{{/person.name}}{{^person.name}}W{{/person.name}}e miss you",
      "<p>Hi {{person.name}} ({{person.traits.city}}, {{person.stage}})</p>"
          + "{{#items}}<a href=\"{{link}}\">{{name}}</a> {{price}} {{explanation}}{{/items}}"
          + "<p>Code {{coupon.code}}</p><a href=\"{{links.unsubscribe}}\">unsubscribe</a>"
          + "<a href=\"{{links.preferences}}\">preferences</a>",
      "Hi {{person.name}}, use {{coupon.code}}. {{#items}}{{name}} {{price}} {{/items}}Stop: {{links.unsubscribe}}");

  @Test
  void rendersProfileFieldsItemsCouponAndLinks() {
    PersonContext anna = new PersonContext(ANNA, "Anna <3", Map.of("city", "Lyon"), "silent", "at_risk",
        "WB7K3M9QXT");

    RenderedMessage m = engine.render(winBack, anna, "winback/send/anna");

    assertThat(m.subject()).isEqualTo("Anna <3, we miss you");
    assertThat(m.html()).contains("<p>Hi Anna &lt;3 (Lyon, silent)</p>", "Tea &lt;Pot&gt;</a> $12.50 you viewed it",
        "Cups</a> CN¥1,234.00", "Code WB7K3M9QXT");
    assertThat(m.text()).startsWith("Hi Anna <3, use WB7K3M9QXT. Tea <Pot> $12.50 Cups CN¥1,234.00 Stop: "
        + "https://shop.example/s/u?t=");
    assertThat(m.itemIds()).containsExactly("i-1", "i-2");
  }

  @Test
  void itsLinksAreSignedForTheirPurposePersonMessageAndTarget() {
    PersonContext anna = new PersonContext(ANNA, "Anna", Map.of(), null, null, "C");
    RenderedMessage m = engine.render(winBack, anna, "winback/send/anna");

    Matcher click = Pattern.compile("https://shop.example/s/c\\?t=([^\"]+)").matcher(m.html());
    assertThat(click.find()).isTrue();
    LinkVerdict verdict = signer.verify(URLDecoder.decode(click.group(1), StandardCharsets.UTF_8), LinkPurpose.CLICK);
    assertThat(verdict).isEqualTo(new LinkVerdict.Valid(new LinkClaims(LinkPurpose.CLICK, ANNA, "winback/send/anna",
        "https://shop.example/p/i-1", LinkSignerTest.T0.plus(Duration.ofDays(30)))));
    Matcher unsubscribe = Pattern.compile("https://shop.example/s/u\\?t=([^\"]+)").matcher(m.html());
    assertThat(unsubscribe.find()).isTrue();
    assertThat(signer.verify(URLDecoder.decode(unsubscribe.group(1), StandardCharsets.UTF_8),
        LinkPurpose.UNSUBSCRIBE)).isInstanceOf(LinkVerdict.Valid.class);
  }

  @Test
  void absentOptionalFieldsRenderEmpty() {
    RenderedMessage m = engine.render(winBack, new PersonContext(ANNA, null, null, null, null, "C"), "m");

    assertThat(m.subject()).isEqualTo("We miss you");
    assertThat(m.html()).startsWith("<p>Hi  (, )</p>");
  }

  @Test
  void aMissingCouponIsAnErrorAtSendTime() {
    assertThatThrownBy(() -> engine.render(winBack, new PersonContext(ANNA, "Anna", null, null, null, null), "m"))
        .isInstanceOf(TemplateException.class).hasMessageContaining("no coupon was granted for person-anna");
  }

  @Test
  void formatsPricesForTheTemplatesLocale() {
    MessageTemplate zh = template(ContentCategory.SERVICE, TemplateLocale.ZH, "为您推荐",
        "{{#items}}{{name}} {{price}};{{/items}}", "");

    String html = engine.render(zh, new PersonContext(ANNA, null, null, null, null, null), "m").html();
    assertThat(html).startsWith("Tea &lt;Pot&gt; US$12.50;Cups ¥1,234.00;<img src=");
    assertThat(html).as("the open pixel, a signed link of the message").contains("/o?t=")
        .endsWith("width=\"1\" height=\"1\" alt=\"\">");
  }

  @Test
  void refusesUnknownVariablesOnSave() {
    MessageTemplate typo = template(ContentCategory.SERVICE, TemplateLocale.EN, "Hi {{person.nmae}}",
        "{{#offers}}x{{/offers}} {{coupon.value}}", "ok");

    List<String> problems = engine.validate(typo);

    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).contains("subject: unknown variable 'person.nmae'");
    assertThat(problems.get(1)).contains("html: unknown section 'offers'");
    assertThat(problems.get(2)).contains("html: unknown variable 'coupon.value'");
    assertThatThrownBy(() -> engine.checked(typo)).isInstanceOf(TemplateException.class)
        .hasMessageContaining("template t-1: subject: unknown variable 'person.nmae'");
  }

  @Test
  void refusesUnbalancedTagsOnSave() {
    MessageTemplate open = template(ContentCategory.SERVICE, TemplateLocale.EN, "s", "{{#items}}{{name}}", "");
    MessageTemplate crossed = template(ContentCategory.SERVICE, TemplateLocale.EN, "s",
        "{{#items}}{{#person.name}}{{/items}}{{/person.name}}", "");
    MessageTemplate unclosed = template(ContentCategory.SERVICE, TemplateLocale.EN, "s", "{{person.name", "");

    assertThat(engine.validate(open)).singleElement().asString().startsWith("html: ").contains("items");
    assertThat(engine.validate(crossed)).isNotEmpty();
    assertThat(engine.validate(unclosed)).isNotEmpty();
    assertThatThrownBy(() -> engine.render(open, new PersonContext(ANNA, null, null, null, null, null), "m"))
        .isInstanceOf(TemplateException.class);
  }

  @Test
  void aPromotionalTemplateMustCarryAnUnsubscribeLinkInEachBody() {
    MessageTemplate noLink = template(ContentCategory.PROMOTIONAL, TemplateLocale.EN, "Sale",
        "<p>Sale! <a href=\"{{links.unsubscribe}}\">stop</a></p>", "Sale!");
    MessageTemplate transactional = template(ContentCategory.TRANSACTIONAL, TemplateLocale.EN, "Receipt",
        "<p>Thanks</p>", "Thanks");

    assertThat(engine.validate(noLink)).containsExactly("text: a promotional message must carry "
        + "{{links.unsubscribe}}");
    assertThat(engine.validate(transactional)).isEmpty();
  }

  @Test
  void previewsWithAPlaceholderCoupon() {
    RenderedMessage preview = engine.preview(winBack, new PersonContext(ANNA, "Anna", null, null, null, null));

    assertThat(preview.html()).contains("Code PREVIEWCODE", "Tea &lt;Pot&gt;");
  }
}
