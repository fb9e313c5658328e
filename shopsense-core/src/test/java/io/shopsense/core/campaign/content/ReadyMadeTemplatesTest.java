package io.shopsense.core.campaign.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.offer.ItemSlot;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.offer.SlotItem;
import io.shopsense.core.campaign.journey.JourneyDefinition;
import io.shopsense.core.campaign.journey.JourneyParser;
import io.shopsense.core.campaign.journey.ReadyMadeJourneys;
import io.shopsense.core.campaign.journey.Step;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReadyMadeTemplatesTest {
  static final PersonId ANNA = PersonId.of("person-anna");
  final LinkSigner signer = new LinkSigner(LinkSignerTest.KEY, Clock.fixed(LinkSignerTest.T0, ZoneOffset.UTC));
  final ItemSlot slot = (person, count) -> List.of(
      new SlotItem("i-1", "Linen Apron", new BigDecimal("24.5"), "USD", "https://shop.example/p/i-1", "you viewed it"),
      new SlotItem("i-2", "Oak Board", new BigDecimal("39"), "USD", "https://shop.example/p/i-2", "")).subList(0,
      Math.min(count, 2));
  final TemplateEngine engine = new TemplateEngine(signer, slot, "https://shop.example/s/", Duration.ofDays(30), 2);
  final Map<String, MessageTemplate> templates = ReadyMadeTemplates.all().stream()
      .collect(Collectors.toMap(MessageTemplate::id, Function.identity()));
  final List<JourneyDefinition> journeys = ReadyMadeJourneys.texts().values().stream()
      .map(text -> new JourneyParser().parse(text, JourneyParser.Format.YAML)).toList();

  @Test
  void everyReadyMadeTemplateIsValid() {
    assertThat(templates).isNotEmpty();
    templates.values().forEach(t -> assertThatCode(() -> engine.checked(t)).as(t.id()).doesNotThrowAnyException());
  }

  @Test
  void everyTemplateAReadyMadeJourneySendsExistsInTheStepsCategory() {
    List<Step.Send> sends = sends();
    assertThat(sends).hasSizeGreaterThanOrEqualTo(10);
    for (Step.Send send : sends) {
      MessageTemplate t = templates.get(send.spec().templateId());
      assertThat(t).as("template " + send.spec().templateId() + " of step " + send.id()).isNotNull();
      assertThat(ContentCategory.fromWire(send.spec().contentCategory())).as(t.id()).contains(t.category());
    }
    // and nothing ships that no journey sends (an orphan is usually a renamed id)
    assertThat(templates.keySet()).isEqualTo(sends.stream().map(s -> s.spec().templateId()).collect(
        Collectors.toSet()));
  }

  @Test
  void aPromotionalOfferRendersTheCouponItemsAndTheUnsubscribeLink() {
    PersonContext anna = new PersonContext(ANNA, "Anna", Map.of(), "active", null, "CARTX7K3M9");

    RenderedMessage m = engine.render(templates.get("cart-reminder-2"), anna, "journey:cart-abandonment/s/anna");

    assertThat(m.html()).contains("Hi Anna,", "<strong>CARTX7K3M9</strong>", "Linen Apron</a> — $24.50",
        "Oak Board</a> — $39.00", "<a href=\"https://shop.example/s/u?t=");
    assertThat(m.text()).contains("Hi Anna,", "CARTX7K3M9", "- Linen Apron ($24.50): https://shop.example/s/c?t=",
        "Unsubscribe: https://shop.example/s/u?t=");
    assertThat(m.itemIds()).containsExactly("i-1", "i-2");
    for (String id : List.of("first-order-offer", "win-back-offer")) {
      assertThat(engine.render(templates.get(id), anna, "m").text()).as(id).contains("CARTX7K3M9",
          "Unsubscribe: https://shop.example/s/u?t=");
    }
  }

  @Test
  void everyTemplateRendersForAPersonWithoutAName() {
    PersonContext nameless = new PersonContext(ANNA, null, null, null, null, "CODE123");
    for (MessageTemplate t : templates.values()) {
      RenderedMessage m = engine.render(t, nameless, "m");
      assertThat(m.html()).as(t.id()).contains("Hi there,").doesNotContain("Hi ,", "{{");
      assertThat(m.text()).as(t.id()).startsWith("Hi there,");
      assertThat(m.subject()).as(t.id()).doesNotContain(", ,", "Welcome,", "{{").doesNotStartWith(",");
    }
    assertThat(engine.render(templates.get("recall-we-miss-you"), nameless, "m").subject()).isEqualTo("We miss you");
    assertThat(engine.render(templates.get("recall-we-miss-you"), nameless.withCoupon(null), "m").subject())
        .isEqualTo("We miss you");
  }

  /** A send some path reaches without a coupon step (the cart A/B "plain" arm) must render without a coupon. */
  @Test
  void aSendThatMayComeWithoutACouponRendersWithoutOne() {
    PersonContext noCoupon = new PersonContext(ANNA, "Anna", null, null, null, null);
    Set<String> checked = new HashSet<>();
    for (JourneyDefinition j : journeys) {
      for (Step.Send send : sendsReachableWithoutCoupon(j)) {
        MessageTemplate t = templates.get(send.spec().templateId());
        assertThatCode(() -> engine.render(t, noCoupon, "m")).as(j.id() + "/" + send.id())
            .doesNotThrowAnyException();
        checked.add(t.id());
      }
    }
    assertThat(checked).contains("cart-reminder-2").doesNotContain("first-order-offer", "win-back-offer");
    assertThat(engine.render(templates.get("cart-reminder-2"), noCoupon, "m").html()).doesNotContain("5 off");
  }

  @Test
  void anOfferWithoutItsCouponIsNotSent() {
    PersonContext noCoupon = new PersonContext(ANNA, "Anna", null, null, null, null);
    for (String id : List.of("first-order-offer", "win-back-offer")) {
      assertThatThrownBy(() -> engine.render(templates.get(id), noCoupon, "m"))
          .as(id).isInstanceOf(TemplateException.class);
    }
  }

  private List<Step.Send> sends() {
    return journeys.stream().flatMap(j -> j.steps().values().stream())
        .filter(Step.Send.class::isInstance).map(Step.Send.class::cast).toList();
  }

  /** The send steps reachable from the start along a path through no coupon step. */
  private static List<Step.Send> sendsReachableWithoutCoupon(JourneyDefinition j) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(j.start()));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      Step step = j.step(id);
      if (seen.add(id) && !(step instanceof Step.GrantCoupon)) {
        todo.addAll(step.targets());
      }
    }
    return seen.stream().map(j::step).filter(Step.Send.class::isInstance).map(Step.Send.class::cast).toList();
  }
}
