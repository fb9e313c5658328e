package io.shopsense.core.segment;

import java.util.Map;
import java.util.TreeMap;

/**
 * The profile fields a segment rule may name, with their type. {@code traits.<name>} names any trait the shop sent
 * (its type is whatever was sent).
 */
public final class ProfileFields {

  /** The type of a field's values. */
  public enum Type { STRING, NUMBER, TIME, LIST }

  public static final String TRAITS_PREFIX = "traits.";

  private static final Map<String, Type> FIELDS = new TreeMap<>();

  static {
    FIELDS.put("lifecycle", Type.STRING);
    FIELDS.put("intent", Type.STRING);
    FIELDS.put("rfm.recency", Type.NUMBER);
    FIELDS.put("rfm.frequency", Type.NUMBER);
    FIELDS.put("rfm.monetary", Type.NUMBER);
    FIELDS.put("rfm.segment", Type.STRING);
    FIELDS.put("behaviour.firstSeen", Type.TIME);
    FIELDS.put("behaviour.lastSeen", Type.TIME);
    FIELDS.put("behaviour.lastOrder", Type.TIME);
    for (String n : new String[] {"events", "sessions", "activeDays", "views", "searches", "cartAdds", "orders",
        "units", "revenue", "refunds", "refunded", "netRevenue", "averageOrderValue", "daysBetweenOrders",
        "discountShare"}) {
      FIELDS.put("behaviour." + n, Type.NUMBER);
    }
    for (String n : new String[] {"favouriteCategories", "favouriteBrands", "activeHours", "activeWeekdays",
        "devices", "channels"}) {
      FIELDS.put("behaviour." + n, Type.LIST);
    }
  }

  private ProfileFields() {}

  /** Every named field (traits aside) and its type, by name. */
  public static Map<String, Type> all() {
    return java.util.Collections.unmodifiableMap(FIELDS);
  }

  /** Whether a rule may name the path: a known field, or {@code traits.} followed by a name. */
  public static boolean isKnown(String path) {
    return FIELDS.containsKey(path)
        || (path.startsWith(TRAITS_PREFIX) && path.length() > TRAITS_PREFIX.length());
  }
}
