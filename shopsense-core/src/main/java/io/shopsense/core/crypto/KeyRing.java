package io.shopsense.core.crypto;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An immutable snapshot of the unwrapped keys: the data keys by id with the primary (the one new values are sealed
 * under), and the pseudonym key. Rotation makes a new snapshot; old data keys stay so that old values still open.
 */
public final class KeyRing {
  static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TreeMap<Integer, DataKey> dataKeys;
  private final int primary;
  private final byte[] pseudonymKey;

  KeyRing(Map<Integer, DataKey> dataKeys, int primary, byte[] pseudonymKey) {
    this.dataKeys = new TreeMap<>(dataKeys);
    if (!this.dataKeys.containsKey(primary)) {
      throw new IllegalArgumentException("the primary data key " + primary + " is not in the ring");
    }
    this.primary = primary;
    this.pseudonymKey = pseudonymKey.clone();
  }

  /** A new ring with one data key and a pseudonym key, both random. */
  static KeyRing generate(Instant now) {
    DataKey first = new DataKey(1, newAesKey(), now);
    return new KeyRing(Map.of(1, first), 1, randomBytes(KEY_BYTES));
  }

  /** This ring with a new random data key as primary; the old keys stay for reading. */
  KeyRing rotate(Instant now) {
    int id = dataKeys.lastKey() + 1;
    TreeMap<Integer, DataKey> keys = new TreeMap<>(dataKeys);
    keys.put(id, new DataKey(id, newAesKey(), now));
    return new KeyRing(keys, id, pseudonymKey);
  }

  DataKey primary() {
    return dataKeys.get(primary);
  }

  public int primaryId() {
    return primary;
  }

  Optional<DataKey> dataKey(int id) {
    return Optional.ofNullable(dataKeys.get(id));
  }

  List<DataKey> dataKeys() {
    return List.copyOf(dataKeys.values());
  }

  /** The ids of the data keys, oldest first. */
  public List<Integer> dataKeyIds() {
    return Collections.unmodifiableList(List.copyOf(dataKeys.keySet()));
  }

  byte[] pseudonymKey() {
    return pseudonymKey.clone();
  }

  static SecretKey newAesKey() {
    return new SecretKeySpec(randomBytes(KEY_BYTES), "AES");
  }

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  @Override
  public String toString() {
    return "KeyRing[primary=" + primary + ", keys=" + dataKeys.keySet() + "]";
  }
}
