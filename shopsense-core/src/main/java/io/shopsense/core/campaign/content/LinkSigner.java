package io.shopsense.core.campaign.content;

import io.shopsense.api.id.PersonId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the links a message carries (unsubscribe, preference centre, click-tracking redirect), so that a
 * link acts only for the person, message, target and purpose it was made for, and only until it expires. The token is
 * URL-safe: base64url of the claims, a dot, base64url of HMAC-SHA256 over those claims' bytes. The signature is
 * compared in constant time. Anyone holding the key can make links: keep it secret, rotate it by making a new signer
 * (links signed with the old key then fail with {@link LinkVerdict.Reason#BAD_SIGNATURE}). Thread-safe.
 */
public final class LinkSigner {
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final int MAX_TOKEN = 8192;

  private final SecretKeySpec key;
  private final Clock clock;

  /** A signer with the key (at least 32 bytes, like the hash's output) and the clock that decides expiry. */
  public LinkSigner(byte[] key, Clock clock) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("the link signing key must have at least 32 bytes, got "
          + (key == null ? 0 : key.length));
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.clock = clock;
    newMac(); // fail at construction, not at the first link, if the JDK lacks the algorithm
  }

  /** A token for the claims. */
  public String sign(LinkClaims claims) {
    byte[] payload = encode(claims);
    return B64.encodeToString(payload) + "." + B64.encodeToString(mac().doFinal(payload));
  }

  /** A token for the purpose, person, message and target, valid for {@code ttl} from now. */
  public String sign(LinkPurpose purpose, PersonId person, String messageKey, String target, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a link's time to live must be positive, not " + ttl);
    }
    return sign(new LinkClaims(purpose, person, messageKey, target, clock.instant().plus(ttl)));
  }

  /**
   * Verifies a token for the expected purpose: the signature first (nothing of an unsigned token is trusted or
   * reported), then the purpose, then the expiry.
   */
  public LinkVerdict verify(String token, LinkPurpose expected) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
      return new LinkVerdict.Rejected(LinkVerdict.Reason.MALFORMED, "the link carries no token or too long a one");
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return new LinkVerdict.Rejected(LinkVerdict.Reason.MALFORMED, "the link's token is not payload.signature");
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = B64D.decode(token.substring(0, dot));
      signature = B64D.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return new LinkVerdict.Rejected(LinkVerdict.Reason.MALFORMED, "the link's token is not base64url");
    }
    if (!MessageDigest.isEqual(mac().doFinal(payload), signature)) {
      return new LinkVerdict.Rejected(LinkVerdict.Reason.BAD_SIGNATURE, "the link's signature does not match: it "
          + "was altered or signed with another key");
    }
    LinkClaims claims = decode(payload);
    if (claims == null) {
      return new LinkVerdict.Rejected(LinkVerdict.Reason.MALFORMED, "the link's claims cannot be read");
    }
    if (claims.purpose() != expected) {
      return new LinkVerdict.Rejected(LinkVerdict.Reason.WRONG_PURPOSE, "the link is for " + claims.purpose()
          + ", not " + expected);
    }
    Instant now = clock.instant();
    if (!now.isBefore(claims.expiresAt())) {
      return new LinkVerdict.Rejected(LinkVerdict.Reason.EXPIRED, "the link expired at " + claims.expiresAt());
    }
    return new LinkVerdict.Valid(claims);
  }

  /** One initialised MAC per thread: making one costs more than signing a link (a {@code Mac} is not thread-safe). */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  private Mac mac() {
    Mac mac = macs.get();
    mac.reset();
    return mac;
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  /** Fields length-prefixed, so that no choice of values makes two claims encode alike. */
  private static byte[] encode(LinkClaims c) {
    StringBuilder b = new StringBuilder("1");
    for (String field : List.of(c.purpose().code(), c.person().value(), c.messageKey(), c.target(),
        Long.toString(c.expiresAt().getEpochSecond()))) {
      b.append(':').append(field.length()).append(':').append(field);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static LinkClaims decode(byte[] payload) {
    String s = new String(payload, StandardCharsets.UTF_8);
    if (!s.startsWith("1")) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    int i = 1;
    try {
      while (i < s.length()) {
        int colon = s.indexOf(':', i + 1);
        int length = Integer.parseInt(s.substring(i + 1, colon));
        fields.add(s.substring(colon + 1, colon + 1 + length));
        i = colon + 1 + length;
      }
      if (fields.size() != 5) {
        return null;
      }
      LinkPurpose purpose = LinkPurpose.ofCode(fields.get(0));
      if (purpose == null) {
        return null;
      }
      return new LinkClaims(purpose, PersonId.of(fields.get(1)), fields.get(2), fields.get(3),
          Instant.ofEpochSecond(Long.parseLong(fields.get(4))));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
