package io.shopsense.api.delivery;

import io.shopsense.api.id.PersonId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes a message unique: the campaign or journey it comes from ({@code source}, e.g. {@code journey:welcome}),
 * the step in it ({@code step}, {@code send} for a one-off broadcast) and the person. The outbox holds at most one
 * message per key, so a replayed trigger, a retried enqueue or a restarted scheduler never sends twice; the same key
 * is the idempotency key a channel passes on to its provider.
 */
public record DeliveryKey(String source, String step, PersonId person) {
  private static final int MAX = 200;

  public DeliveryKey {
    requirePart(source, "source");
    requirePart(step, "step");
    if (person == null) {
      throw new IllegalArgumentException("a delivery key needs a person");
    }
  }

  /** The key of a one-off broadcast to the person. */
  public static DeliveryKey campaign(String campaignId, PersonId person) {
    return new DeliveryKey("campaign:" + campaignId, "send", person);
  }

  /** The key of one step of a journey for the person. */
  public static DeliveryKey journeyStep(String journeyId, String stepId, PersonId person) {
    return new DeliveryKey("journey:" + journeyId, stepId, person);
  }

  /** The key of {@link #value()}; an error naming the problem for text that is not one. */
  public static DeliveryKey parse(String value) {
    String[] parts = value == null ? new String[0] : value.split("\\|", -1);
    if (parts.length != 3 || parts[2].isBlank()) {
      throw new IllegalArgumentException("a message key is source|step|person, not " + value);
    }
    return new DeliveryKey(parts[0], parts[1], PersonId.of(parts[2]));
  }

  /** {@code source|step|person}: stable across processes and releases, unique per key. */
  public String value() {
    return source + "|" + step + "|" + person.value();
  }

  /**
   * The key as 32 lower-case hex characters (the first half of its SHA-256): a fixed-length, header-safe idempotency
   * key for providers, and the local part of an email's Message-ID.
   */
  public String idempotencyKey() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return value();
  }

  private static void requirePart(String part, String name) {
    if (part == null || part.isBlank()) {
      throw new IllegalArgumentException("a delivery key needs a " + name);
    }
    if (part.length() > MAX || part.indexOf('|') >= 0) {
      throw new IllegalArgumentException("a delivery key's " + name + " must be at most " + MAX
          + " characters without '|': " + part);
    }
  }
}
