package io.shopsense.core.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.Enrolment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadyMadeJourneysTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private final JourneyFixtures.Rig rig = new JourneyFixtures.Rig(T0);

  @Test
  void everyReadyMadeJourneyPassesValidation() {
    JourneyParser parser = new JourneyParser();
    ReadyMadeJourneys.texts().forEach((name, text) ->
        assertThat(parser.parse(text, JourneyParser.Format.YAML).id()).as(name).isNotBlank());
    assertThat(ReadyMadeJourneys.install(rig.repository, true)).hasSize(10);
    assertThat(rig.repository.live()).hasSize(10);
  }

  @Test
  void cartAbandonmentRemindsAfterAnHourAndAPurchaseEndsIt() {
    ReadyMadeJourneys.install(rig.repository, true);
    PersonId buyer = PersonId.of("buyer");
    PersonId leaver = PersonId.of("leaver");
    rig.event(buyer, "Product Added", Map.of("sku", "A1"));
    rig.event(leaver, "Product Added", Map.of("sku", "B2"));
    rig.after(Duration.ofMinutes(59));
    assertThat(rig.actions.actions).isEmpty();
    rig.after(Duration.ofMinutes(1));
    assertThat(rig.actions.sends(buyer)).containsExactly("cart-reminder");
    assertThat(rig.actions.sends(leaver)).containsExactly("cart-reminder");
    assertThat(rig.actions.actions.get(0).at()).isEqualTo(T0.plus(Duration.ofHours(1)));

    rig.clock.advance(Duration.ofHours(2));
    rig.event(buyer, "Order Completed");
    rig.after(Duration.ofDays(1));
    assertThat(rig.actions.sends(buyer)).containsExactly("cart-reminder");
    assertThat(rig.store.enrolments("cart-abandonment", buyer)).singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(Enrolment.Status.EXITED));
    // the leaver gets the second reminder, with a coupon when the split says so
    String arm = JourneyEngine.arm("cart-abandonment",
        (Step.Split) rig.repository.definition("cart-abandonment", 1).step("incentive-test"), leaver).name();
    assertThat(rig.actions.all(leaver)).containsExactlyElementsOf(arm.equals("coupon")
        ? java.util.List.of("send:cart-reminder", "coupon:cart-recovery", "send:cart-reminder-coupon")
        : java.util.List.of("send:cart-reminder", "send:cart-reminder-2"));
    assertThat(rig.store.enrolments("cart-abandonment", leaver)).singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(Enrolment.Status.COMPLETED));
  }

  @Test
  void welcomeSeriesRunsOverDaysAtLocalMorningTimes() {
    ReadyMadeJourneys.install(rig.repository, true);
    PersonId eve = PersonId.of("eve");
    rig.facts.zones.put(eve, ZoneId.of("Europe/Berlin"));
    rig.engine.onSignal(new JourneySignal.StageChanged(eve, null, "new", rig.clock.instant()));
    assertThat(rig.actions.sends(eve)).containsExactly("welcome");
    // two days later, then 10:00 Berlin (09:00 UTC in March)
    rig.clock.set(Instant.parse("2026-03-04T08:59:00Z"));
    rig.engine.tick();
    assertThat(rig.actions.sends(eve)).containsExactly("welcome");
    rig.clock.set(Instant.parse("2026-03-04T09:00:00Z"));
    rig.engine.tick();
    assertThat(rig.actions.sends(eve)).containsExactly("welcome", "welcome-brand-story");
    rig.clock.set(Instant.parse("2026-03-07T09:00:00Z"));
    rig.engine.tick();
    assertThat(rig.actions.sends(eve)).hasSize(3).last().isIn("welcome-bestsellers", "welcome-recommendations");
    assertThat(rig.actions.all(eve)).contains("trait:welcomed=true");
    assertThat(rig.store.enrolments("welcome-series", eve)).singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(Enrolment.Status.COMPLETED));
    // the stage changing to "new" again does not start the series again
    rig.engine.onSignal(new JourneySignal.StageChanged(eve, "potential", "new", rig.clock.instant()));
    assertThat(rig.actions.sends(eve)).hasSize(3);
  }
}
