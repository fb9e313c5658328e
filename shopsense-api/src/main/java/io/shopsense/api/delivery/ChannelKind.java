package io.shopsense.api.delivery;

import io.shopsense.api.privacy.Purpose;
import java.util.Arrays;
import java.util.Optional;

/**
 * The media a message can reach a person through, each with the consent purpose its marketing needs. SMS and push
 * (and messaging apps, which are consented to like SMS) are delivered by a webhook to the shop's provider.
 */
public enum ChannelKind {
  EMAIL("email", Purpose.MARKETING_EMAIL),
  SMS("sms", Purpose.MARKETING_SMS),
  PUSH("push", Purpose.MARKETING_PUSH),
  IN_APP("in_app", Purpose.MARKETING_IN_APP);

  private final String wireName;
  private final Purpose marketingPurpose;

  ChannelKind(String wireName, Purpose marketingPurpose) {
    this.wireName = wireName;
    this.marketingPurpose = marketingPurpose;
  }

  public String wireName() {
    return wireName;
  }

  /** The purpose a person must have consented to before promotional messages reach them this way. */
  public Purpose marketingPurpose() {
    return marketingPurpose;
  }

  public static Optional<ChannelKind> fromWire(String wireName) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst();
  }

  /** Like {@link #fromWire}, but an unknown name is an error that lists the known ones. */
  public static ChannelKind parse(String wireName) {
    return fromWire(wireName).orElseThrow(() -> new IllegalArgumentException("unknown channel '" + wireName
        + "'; known: " + Arrays.stream(values()).map(ChannelKind::wireName).toList()));
  }
}
