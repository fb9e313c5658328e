package io.shopsense.core.crypto;

import java.time.Instant;
import javax.crypto.SecretKey;

/** One AES-256 data key of the ring: its id (what sealed values name), the key, and when it was made. */
record DataKey(int id, SecretKey key, Instant createdAt) {
  @Override
  public String toString() {
    return "DataKey[" + id + "]"; // never the key material
  }
}
