package io.shopsense.core.profile;

import static io.shopsense.core.profile.BehaviourTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionIntentTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static int n;

  static Event track(String name, String at, String session, String properties) {
    return event("{'type':'track','event':'" + name + "','messageId':'m" + n++ + "','anonymousId':'a',"
        + "'timestamp':'" + at + "'," + (session == null ? "" : "'context':{'sessionId':'" + session + "'},")
        + "'properties':{" + properties + "}}");
  }

  static Event viewed(String at, String session, String product, String category) {
    return track("Product Viewed", at, session, "'product_id':'" + product + "','category':'" + category + "'");
  }

  static Event searched(String at, String session) {
    return track("Products Searched", at, session, "'query':'tent'");
  }

  @Test
  void readsTheStrongestSignalOfTheSession() {
    assertThat(SessionIntent.of(List.of(viewed("2026-11-20T11:40:00Z", "s", "p1", "Outdoor"))))
        .isEqualTo(SessionIntent.BROWSING);
    assertThat(SessionIntent.of(List.of(searched("2026-11-20T11:40:00Z", "s"),
        viewed("2026-11-20T11:41:00Z", "s", "p1", "Outdoor")))).isEqualTo(SessionIntent.SEARCHING);
    assertThat(SessionIntent.of(List.of(searched("2026-11-20T11:40:00Z", "s"),
        viewed("2026-11-20T11:41:00Z", "s", "p1", "Outdoor"), viewed("2026-11-20T11:42:00Z", "s", "p2", "Outdoor"),
        viewed("2026-11-20T11:43:00Z", "s", "p3", "Outdoor")))).isEqualTo(SessionIntent.COMPARING);
    assertThat(SessionIntent.of(List.of(viewed("2026-11-20T11:41:00Z", "s", "p1", "Outdoor"),
        viewed("2026-11-20T11:42:00Z", "s", "p1", "Outdoor"), viewed("2026-11-20T11:43:00Z", "s", "p2", "Toys"))))
        .as("the same product twice and another category are no comparison").isEqualTo(SessionIntent.BROWSING);
    assertThat(SessionIntent.of(List.of(viewed("2026-11-20T11:41:00Z", "s", "p1", "Outdoor"),
        track("Product Added", "2026-11-20T11:42:00Z", "s", "'product_id':'p1'"))))
        .isEqualTo(SessionIntent.BUYING);
    assertThat(SessionIntent.BUYING.key()).isEqualTo("buying");
  }

  @Test
  void theCurrentSessionIsTheLatestOneAndOnlyWhileItLasts() {
    List<Event> events = new ArrayList<>(List.of(
        track("Checkout Started", "2026-11-20T09:00:00Z", "old", ""),
        searched("2026-11-20T11:40:00Z", "new"),
        viewed("2026-11-20T11:50:00Z", "new", "p1", "Outdoor")));
    Collections.reverse(events);

    assertThat(SessionIntent.current(events, NOW)).as("the old session's checkout is over")
        .isEqualTo(SessionIntent.SEARCHING);
    assertThat(SessionIntent.current(events, NOW.plusSeconds(3_600))).as("half an hour of silence ends it").isNull();
    assertThat(SessionIntent.current(List.of(), NOW)).isNull();
  }

  @Test
  void withoutSessionIdsAHalfHourGapSplitsSessions() {
    List<Event> events = List.of(
        track("Cart Viewed", "2026-11-20T10:00:00Z", null, ""),
        viewed("2026-11-20T11:20:00Z", null, "p1", "Outdoor"),
        searched("2026-11-20T11:45:00Z", null));

    assertThat(SessionIntent.latestSession(events.stream().map(Touch::of).toList())).hasSize(2);
    assertThat(SessionIntent.current(events, NOW)).isEqualTo(SessionIntent.SEARCHING);
  }
}
