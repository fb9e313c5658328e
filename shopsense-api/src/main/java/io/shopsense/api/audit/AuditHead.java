package io.shopsense.api.audit;

/** The last entry of a chain, by position and hash: what a verifier checks the entries against. */
public record AuditHead(long seq, String hash) {
  public AuditHead {
    if (seq < 0 || hash == null || hash.length() != 64) {
      throw new IllegalArgumentException("a head is a non-negative seq and a SHA-256 hex hash");
    }
  }
}
