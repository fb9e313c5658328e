package io.shopsense.core.crypto;

import io.shopsense.api.crypto.SealedFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key rotation over the stores that seal fields: a new primary data key, then the re-encryption job that rewrites
 * every value still plain or under an older key, in batches, until none is left. Old keys stay in the ring (a value
 * written concurrently under the previous snapshot still opens). Called by the API and the CLI; one at a time.
 */
public final class KeyRotation {
  private final KeyDirectory keys;
  private final List<SealedFields> stores;

  public KeyRotation(KeyDirectory keys, List<SealedFields> stores) {
    this.keys = keys;
    this.stores = List.copyOf(stores);
  }

  /** What a rotation did: the new primary key and the values rewritten per store. */
  public record Report(int primary, Map<String, Long> resealed, long millis) {}

  /** The ring and, per store, how many values are plain, current and under older keys. */
  public record Status(KeyStatus keys, Map<String, SealedFields.Census> stores) {}

  /** Makes a new data key primary and, with {@code reseal}, rewrites the stored values under it. */
  public synchronized Report rotate(boolean reseal) {
    long start = System.nanoTime();
    KeyRing ring = keys.rotateDataKey();
    Map<String, Long> resealed = reseal ? resealAll() : Map.of();
    return new Report(ring.primaryId(), resealed, (System.nanoTime() - start) / 1_000_000);
  }

  /** Rewrites every plain or old value under the current primary key; returns the counts per store. */
  public synchronized Map<String, Long> resealAll() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (SealedFields s : stores) {
      out.put(s.name(), s.reseal());
    }
    return out;
  }

  public Status status() {
    Map<String, SealedFields.Census> census = new LinkedHashMap<>();
    for (SealedFields s : stores) {
      census.put(s.name(), s.census());
    }
    return new Status(keys.status(), census);
  }
}
