package io.shopsense.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.internal.EventPreparer;
import io.shopsense.core.collect.internal.EventPreparer.Prepared;
import io.shopsense.core.json.JsonCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The storefront's {@code Recommendation Viewed} and {@code Recommendation Clicked} events: known, and checked. */
class RecommendationEventsTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  /** A shop that accepts known events only and declares no custom event. */
  private static final EventPreparer STRICT = new EventPreparer(new IngestSettings(256_000, 1_000_000, 100, 200, 200,
      Duration.ofMinutes(10), Duration.ofDays(30), Instant.EPOCH, Duration.ofHours(1), true, Set.of()));

  private static ObjectNode json(String singleQuoted) {
    return (ObjectNode) JsonCodec.parse(singleQuoted.replace('\'', '"'));
  }

  private static Prepared prepare(String event, String properties) {
    return STRICT.prepare(json("{'type':'track','event':'" + event + "','anonymousId':'a-1','properties':"
        + properties + "}"), IngestRequest.live(SourceId.of("web"), NOW));
  }

  @Test
  void acceptsBothEventsWhereOnlyKnownEventsAreAccepted() {
    String props = "{'recommendation_id':'r-1','product_id':'p-1','scene':'home','model_version':'v1','position':0}";

    assertThat(prepare(RecommendationEvents.VIEWED, props).ok()).isTrue();
    assertThat(prepare(RecommendationEvents.CLICKED, props).ok()).isTrue();
    assertThat(prepare("Recommendation Liked", props).violations().get(0).reason())
        .isEqualTo(RejectReason.UNKNOWN_EVENT);
  }

  @Test
  void needsTheListIdProductSceneAndModelVersion() {
    assertThat(RecommendationEvents.check(null)).extracting(Violation::path).containsExactly(
        "properties.recommendation_id", "properties.product_id", "properties.scene", "properties.model_version");
    assertThat(prepare(RecommendationEvents.CLICKED, "{'recommendation_id':'r-1','scene':'home',"
        + "'model_version':'v1'}").violations()).extracting(Violation::reason)
        .containsExactly(RejectReason.MISSING_FIELD);
  }

  @Test
  void refusesAWrongTypeOrANegativePositionWithoutEchoingValues() {
    var problems = RecommendationEvents.check(json("{'recommendation_id':7,'product_id':'p-1','scene':'home',"
        + "'model_version':'v1','position':-3}"));

    assertThat(problems).extracting(Violation::path).containsExactly("properties.recommendation_id",
        "properties.position");
    assertThat(problems).extracting(Violation::reason).containsExactly(RejectReason.INVALID_TYPE,
        RejectReason.INVALID_VALUE);
    assertThat(RecommendationEvents.check(json("{'recommendation_id':'r','product_id':'p','scene':'s',"
        + "'model_version':'v','position':1.5}"))).hasSize(1);
    assertThat(problems.toString()).doesNotContain("-3");
  }
}
