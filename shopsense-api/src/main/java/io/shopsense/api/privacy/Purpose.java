package io.shopsense.api.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person's data may be used for: the purposes a person consents to (or not), one by one. Marketing is one
 * purpose per channel. The wire name is what the API, events and configuration use.
 */
public enum Purpose {
  /** Measuring the shop: behaviour events kept and attributed to the person. */
  ANALYTICS("analytics", "measuring how the shop is used, to improve it"),
  /** Personal recommendations, segments and other features built from the person's behaviour. */
  PERSONALISATION("personalisation", "choosing products and content that fit you"),
  MARKETING_EMAIL("marketing_email", "sending you offers by email"),
  MARKETING_SMS("marketing_sms", "sending you offers by SMS"),
  MARKETING_PUSH("marketing_push", "sending you offers as push notifications"),
  MARKETING_IN_APP("marketing_in_app", "showing you offers in the shop's inbox"),
  /** Handing data to other companies (advertising networks, partners). */
  THIRD_PARTY_SHARING("third_party_sharing", "sharing your data with partners");

  private final String wireName;
  private final String plainDescription;

  Purpose(String wireName, String plainDescription) {
    this.wireName = wireName;
    this.plainDescription = plainDescription;
  }

  public String wireName() {
    return wireName;
  }

  /** What the purpose means, in words a customer understands. */
  public String plainDescription() {
    return plainDescription;
  }

  /** The purpose with this wire name (case-insensitive), if any. */
  public static Optional<Purpose> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.wireName.equals(n)).findFirst();
  }
}
