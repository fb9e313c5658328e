package io.shopsense.core.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The storefront's tracking of recommendations, one event per product: {@value #VIEWED} when a recommended product is
 * shown (an impression), {@value #CLICKED} when it is clicked. They are known events (accepted also when
 * {@code known-events-only} is on) with these properties, so that click-through and conversion can be measured per
 * model version and scene:
 *
 * <pre>{@code
 * {"recommendation_id": "…",   // required: the id of the list (GET /v1/recommendations answers it)
 *  "product_id": "p-1",         // required: the product shown or clicked
 *  "scene": "home",             // required: the list's scene
 *  "model_version": "…",        // required: the list's model version
 *  "position": 0}               // optional: the product's place in the list, from 0
 * }</pre>
 *
 * An event that breaks these rules is rejected into the quarantine like any other bad event.
 */
public final class RecommendationEvents {
  public static final String VIEWED = "Recommendation Viewed";
  public static final String CLICKED = "Recommendation Clicked";
  static final List<String> REQUIRED = List.of("recommendation_id", "product_id", "scene", "model_version");

  private RecommendationEvents() {
  }

  /** Whether the event name is one of these events' (exactly, as the standard events are matched). */
  public static boolean is(String eventName) {
    return VIEWED.equals(eventName) || CLICKED.equals(eventName);
  }

  /** What is wrong with the properties ({@code null} counts as none given); empty when they are valid. */
  public static List<Violation> check(JsonNode props) {
    List<Violation> out = new ArrayList<>();
    for (String field : REQUIRED) {
      ConsentUpdated.text(props, field, true, out);
    }
    JsonNode position = props == null ? null : props.get("position");
    if (position != null && !position.isNull() && !(position.canConvertToInt() && position.isIntegralNumber()
        && position.intValue() >= 0)) {
      out.add(new Violation(RejectReason.INVALID_VALUE, "properties.position", "a whole number from 0"));
    }
    return out;
  }
}
