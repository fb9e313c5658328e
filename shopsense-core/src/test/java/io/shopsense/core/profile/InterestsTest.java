package io.shopsense.core.profile;

import static io.shopsense.core.profile.BehaviourTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.api.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class InterestsTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  static Event viewed(String day, String category, String brand) {
    return event("{'type':'track','event':'Product Viewed','messageId':'v" + day + category + "','userId':'u',"
        + "'timestamp':'" + day + "T10:00:00Z','properties':{'product_id':'p','category':'" + category + "',"
        + "'brand':'" + brand + "'}}");
  }

  static Event bought(String day, String category, int quantity) {
    return event("{'type':'track','event':'Order Completed','messageId':'o" + day + category + "','userId':'u',"
        + "'timestamp':'" + day + "T10:00:00Z','properties':{'order_id':'o" + day + "','products':[{"
        + "'product_id':'p','category':'" + category + "','price':1,'quantity':" + quantity + "}]}}");
  }

  @Test
  void weighsByEventTypeAndFadesWithAge() {
    Interests i = new Interests(Interests.Settings.defaults())
        .add(viewed("2026-11-20", "Books", "Orbit"))
        .add(bought("2026-10-21", "Outdoor/Tents", 1)) // 30 days old: 5 / 2 = 2.5
        .add(viewed("2026-11-19", "Toys", "Orbit"));

    var scores = i.scores(NOW);

    assertThat(scores.keySet()).containsExactly("category:outdoor", "category:tents", "brand:orbit",
        "category:books", "category:toys");
    assertThat(scores.get("category:outdoor")).isEqualTo(1.0);
    assertThat(scores.get("brand:orbit")).isCloseTo((1 + Math.pow(2, -1 / 30d)) / 2.5, within(1e-12));
    assertThat(scores.get("category:books")).isCloseTo(1 / 2.5, within(1e-12));
  }

  @Test
  void aPurchaseOutweighsAViewOfTheSameDayPerUnit() {
    var scores = new Interests(Interests.Settings.defaults()).add(viewed("2026-11-20", "Books", "A"))
        .add(bought("2026-11-20", "Toys", 2)).scores(NOW);

    assertThat(scores.get("category:toys")).isEqualTo(1.0);
    assertThat(scores.get("category:books")).isEqualTo(0.1);
  }

  @Test
  void refusesNonsenseSettings() {
    assertThatThrownBy(() -> new Interests.Settings(1, -1, 5, Duration.ofDays(30)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Interests.Settings(1, 3, 5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("half-life");
  }

  @RepeatedTest(20)
  void anyOrderAndAnyGroupingGiveTheSameScores(RepetitionInfo repetition) {
    Random random = new Random(1_000 + repetition.getCurrentRepetition());
    List<Event> events = BehaviourTest.randomEvents(random, 30 + random.nextInt(150));
    Interests arrival = new Interests(Interests.Settings.defaults());
    events.forEach(arrival::add);
    List<Event> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, random);
    int parts = 1 + random.nextInt(5);
    List<Interests> partials = new ArrayList<>();
    for (int k = 0; k < parts; k++) {
      partials.add(new Interests(Interests.Settings.defaults()));
    }
    shuffled.forEach(e -> partials.get(random.nextInt(parts)).add(e));
    Interests merged = new Interests(Interests.Settings.defaults());
    partials.forEach(merged::merge);

    assertThat(merged).isEqualTo(arrival);
    assertThat(merged.scores(NOW)).isEqualTo(arrival.scores(NOW));
  }
}
