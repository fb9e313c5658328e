package io.shopsense.core.campaign.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journeys ShopSense ships, as YAML resources beside this class: one per lifecycle stage (potential, new, active,
 * silent, churned) and the behavioural ones (cart and browse abandonment, price drop, back in stock, replenishment).
 * A shop installs them through {@link JourneyRepository#save} like its own, and may change them by saving a new
 * version.
 */
public final class ReadyMadeJourneys {
  /** The resource names, in the order they are installed. */
  public static final List<String> NAMES = List.of("first-order-incentive", "welcome-series", "cross-sell", "recall",
      "win-back", "cart-abandonment", "browse-abandonment", "price-drop", "back-in-stock", "replenishment");

  private ReadyMadeJourneys() {
  }

  /** Each ready-made journey's YAML text, by resource name. */
  public static Map<String, String> texts() {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String name : NAMES) {
      texts.put(name, text(name));
    }
    return texts;
  }

  /** One ready-made journey's YAML text. */
  public static String text(String name) {
    String resource = name + ".yaml";
    try (InputStream in = ReadyMadeJourneys.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no ready-made journey '" + name + "'; known: " + NAMES);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Saves every ready-made journey (live or not) through the repository; returns them parsed, in order. */
  public static List<JourneyDefinition> install(JourneyRepository repository, boolean live) {
    return NAMES.stream().map(n -> repository.save(text(n), live)).toList();
  }
}
