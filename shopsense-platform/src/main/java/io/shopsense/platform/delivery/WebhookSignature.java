package io.shopsense.platform.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request, in the {@code ShopSense-Signature} header as {@code t=<unix seconds>,v1=<hex>}:
 * HMAC-SHA256 with the shared secret over {@code <t>.<body>}. The timestamp inside what is signed lets a receiver
 * refuse replays older than its tolerance; {@link #verify} is what a receiver runs (and the tests do).
 */
public final class WebhookSignature {
  public static final String HEADER = "ShopSense-Signature";

  private WebhookSignature() {}

  /** The header value for the body sent at {@code at}. */
  public static String header(byte[] secret, Instant at, String body) {
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + hmac(secret, t + "." + body);
  }

  /**
   * Whether the header is a valid signature of the body by the secret, made at most {@code tolerance} before or
   * after {@code now}. Compares in constant time.
   */
  public static boolean verify(String header, String body, byte[] secret, Instant now, Duration tolerance) {
    if (header == null) {
      return false;
    }
    Long t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        return false;
      }
      String name = part.substring(0, eq).strip();
      String value = part.substring(eq + 1).strip();
      if (name.equals("t")) {
        try {
          t = Long.parseLong(value);
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (name.equals("v1")) {
        v1 = value;
      }
    }
    if (t == null || v1 == null) {
      return false;
    }
    if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(tolerance) > 0) {
      return false;
    }
    byte[] expected = hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
  }

  static String hmac(byte[] secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable: " + e.getMessage(), e);
    }
  }
}
