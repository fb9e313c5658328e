package io.shopsense.api.campaign;

import io.shopsense.api.privacy.Purpose;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A way to reach a person. SMS, push and messaging apps go out through the webhook channel but are separate channels
 * here, because consent, caps and preferences are per channel. Each channel has the marketing purpose whose consent
 * stands for "may contact on this channel"; messaging apps reach a phone number and share the SMS purpose.
 */
public enum Channel {
  EMAIL(Purpose.MARKETING_EMAIL, true),
  IN_APP(Purpose.MARKETING_IN_APP, true),
  SMS(Purpose.MARKETING_SMS, false),
  PUSH(Purpose.MARKETING_PUSH, true),
  MESSAGING_APP(Purpose.MARKETING_SMS, false);

  private final Purpose purpose;
  private final boolean reportsOpens;

  Channel(Purpose purpose, boolean reportsOpens) {
    this.purpose = purpose;
    this.reportsOpens = reportsOpens;
  }

  /** The consent purpose of marketing on this channel. */
  public Purpose purpose() {
    return purpose;
  }

  /** Whether an open is seen on this channel (an SMS is never known to be read), which fatigue needs. */
  public boolean reportsOpens() {
    return reportsOpens;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Channel> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.wireName().equals(n)).findFirst();
  }

  /** Like {@link #fromWire}, but an unknown name is an error that lists the known ones. */
  public static Channel parse(String name) {
    return fromWire(name).orElseThrow(() -> new IllegalArgumentException("unknown channel '" + name
        + "'; known: " + Arrays.stream(values()).map(Channel::wireName).toList()));
  }
}
