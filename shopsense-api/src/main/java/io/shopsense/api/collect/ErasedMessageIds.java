package io.shopsense.api.collect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How an event log remembers the message id of an event it erased: the SHA-256 of the id's UTF-8 bytes, so that a
 * client's retry of the event is still answered {@code DUPLICATE} while the id itself is gone. Message ids are
 * client-made random ids (UUIDs in the tracking spec) and carry nothing of the person; the digest is one-way besides.
 * Every backend uses this one function, so the digests mean the same everywhere.
 */
public final class ErasedMessageIds {

  public static final int DIGEST_BYTES = 32;

  private ErasedMessageIds() {}

  public static byte[] digest(String messageId) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
