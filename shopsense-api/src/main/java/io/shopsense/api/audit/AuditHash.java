package io.shopsense.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 (lower-case hex) over the canonical form of an entry's fields and the previous entry's
 * hash. Every field is written as its UTF-8 length, a colon and its bytes, so that no two different entries share a
 * canonical form (a target of {@code "a|b"} cannot pose as two fields). The same function is used by every store
 * when appending and by the verifier when checking.
 */
public final class AuditHash {
  /** The "previous hash" of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  public static String of(long seq, AuditRecord r, String previousHash) {
    StringBuilder canonical = new StringBuilder(256);
    field(canonical, "v1");
    field(canonical, Long.toString(seq));
    field(canonical, r.at().toString());
    field(canonical, r.actor());
    field(canonical, r.action());
    field(canonical, r.target());
    field(canonical, r.outcome());
    field(canonical, previousHash);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static void field(StringBuilder out, String value) {
    if (value == null) {
      out.append("-1:");
      return;
    }
    out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
  }
}
