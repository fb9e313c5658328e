package io.shopsense.api.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a message is, which decides the rules it answers to. Transactional: the answer to something the person did
 * (order confirmation, password reset) — exempt from caps, quiet hours, preferences and fatigue, but not from consent
 * where consent is needed. Service: about the person's account or an order in progress (delivery delayed, card
 * expires) — exempt from caps and fatigue. Promotional: everything that sells — every rule applies.
 */
public enum ContentCategory {
  TRANSACTIONAL,
  SERVICE,
  PROMOTIONAL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ContentCategory> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.wireName().equals(n)).findFirst();
  }
}
