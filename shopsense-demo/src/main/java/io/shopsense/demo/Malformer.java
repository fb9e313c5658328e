package io.shopsense.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Breaks a seeded fraction of the events, each in a way that applies to it (only an order can lose its order id),
 * and labels it with the defect. Half the time an event that has defects of its own (a price, an order id, a query)
 * gets one of those, so that the rarer events' defects show up too. Deterministic for a given shop and fraction.
 */
final class Malformer {
  private static final int TOO_LARGE_LINES = 4_000;

  private final World world;
  private final double fraction;
  private final SplittableRandom r;
  private final List<Defect> general = new ArrayList<>();
  private final List<Defect> specific = new ArrayList<>();

  Malformer(World world, double fraction) {
    this.world = world;
    this.fraction = fraction;
    this.r = Draw.stream(world.seed, Draw.MALFORMED, Double.doubleToLongBits(fraction));
  }

  LabelledEvent apply(ObjectNode event) {
    if (r.nextDouble() >= fraction) {
      return new LabelledEvent(event, Optional.empty());
    }
    applicable(event);
    List<Defect> from = !specific.isEmpty() && r.nextBoolean() ? specific : general;
    Defect defect = from.get(r.nextInt(from.size()));
    return new LabelledEvent(breakIt(event, defect), Optional.of(defect));
  }

  private void applicable(ObjectNode e) {
    general.clear();
    specific.clear();
    general.addAll(List.of(Defect.MISSING_TYPE, Defect.UNKNOWN_TYPE, Defect.NOT_AN_OBJECT, Defect.TOO_LONG_ID,
        Defect.MISSING_IDENTITY, Defect.BAD_TIMESTAMP, Defect.TIMESTAMP_IN_FUTURE, Defect.TIMESTAMP_TOO_OLD,
        Defect.CONTEXT_NOT_AN_OBJECT, Defect.UNKNOWN_TIME_ZONE));
    if (e.has("userId")) {
      general.add(Defect.USER_ID_NOT_A_STRING);
    }
    String type = e.path("type").asText();
    String name = e.path("event").asText();
    JsonNode props = e.path("properties");
    if ("identify".equals(type)) {
      specific.add(Defect.BAD_EMAIL);
    }
    if (!"track".equals(type)) {
      return;
    }
    general.add(Defect.MISSING_EVENT_NAME);
    general.add(Defect.CONTROL_CHARACTER_IN_NAME);
    if (props.has("price")) {
      specific.add(Defect.NEGATIVE_PRICE);
      specific.add(Defect.PRICE_AS_STRING);
    }
    if (props.has("quantity")) {
      specific.add(Defect.ZERO_QUANTITY);
    }
    if (name.startsWith("Order ")) {
      specific.add(Defect.MISSING_ORDER_ID);
      specific.add(Defect.BAD_CURRENCY);
    }
    if (props.has("query")) {
      specific.add(Defect.MISSING_QUERY);
    }
    if ("Product List Viewed".equals(name)) {
      specific.add(Defect.TOO_LARGE);
    }
  }

  private JsonNode breakIt(ObjectNode e, Defect defect) {
    ObjectNode props = e.path("properties") instanceof ObjectNode p ? p : null;
    switch (defect) {
      case MISSING_TYPE -> e.remove("type");
      case UNKNOWN_TYPE -> e.put("type", "purchase");
      case NOT_AN_OBJECT -> {
        return JsonNodeFactory.instance.textNode(e.toString());
      }
      case TOO_LONG_ID -> e.put("messageId", e.path("messageId").asText() + "-" + "x".repeat(240));
      case USER_ID_NOT_A_STRING -> e.putObject("userId").put("id", e.path("userId").asText());
      case MISSING_IDENTITY -> {
        e.remove("userId");
        e.remove("anonymousId");
      }
      case BAD_TIMESTAMP -> e.put("timestamp", OffsetDateTime.parse(e.path("timestamp").asText()).toLocalDateTime()
          .toString().replace('T', ' '));
      case TIMESTAMP_IN_FUTURE -> e.put("timestamp", world.settings.end().plusSeconds(2 * 86_400).toString());
      case TIMESTAMP_TOO_OLD -> e.put("timestamp", world.settings.end().minusSeconds(800L * 86_400).toString());
      case CONTEXT_NOT_AN_OBJECT -> e.put("context", "web");
      case UNKNOWN_TIME_ZONE -> ((ObjectNode) e.path("context")).put("timezone", "Mars/Olympus_Mons");
      case MISSING_EVENT_NAME -> e.remove("event");
      case CONTROL_CHARACTER_IN_NAME -> e.put("event", e.path("event").asText().replace(' ', '\t'));
      case NEGATIVE_PRICE -> props.put("price", props.get("price").decimalValue().negate());
      case PRICE_AS_STRING -> props.put("price", props.get("price").asText());
      case ZERO_QUANTITY -> props.put("quantity", 0);
      case MISSING_ORDER_ID -> props.remove("order_id");
      case BAD_CURRENCY -> props.put("currency", "dollars");
      case MISSING_QUERY -> props.remove("query");
      case BAD_EMAIL -> ((ObjectNode) e.path("traits")).put("email", "someone(at)example.com");
      case TOO_LARGE -> {
        ArrayNode lines = props.putArray("products");
        for (int i = 0; i < TOO_LARGE_LINES; i++) {
          Item item = world.catalog.item(i % world.catalog.size());
          lines.addObject().put("product_id", item.id).put("name", item.name).put("category", item.category)
              .put("position", i + 1);
        }
      }
      default -> throw new IllegalStateException("unhandled defect " + defect);
    }
    return e;
  }
}
