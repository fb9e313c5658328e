package io.shopsense.core.crypto;

import java.time.Instant;
import java.util.List;

/**
 * What the key ring holds, without any key material: for {@code shopsense crypto status} and the API.
 *
 * @param keyDir          where the ring is
 * @param masterKeySource {@code file} ({@code master.key} in the key directory) or {@code environment}
 * @param masterKeyId     a fingerprint of the master key (an HMAC of a constant: says which key, reveals nothing)
 * @param primary         the id of the data key new values are sealed under
 * @param dataKeys        every data key, oldest first
 */
public record KeyStatus(String keyDir, String masterKeySource, String masterKeyId, int primary,
    List<DataKeyInfo> dataKeys) {

  /** One data key: its id and when it was made. */
  public record DataKeyInfo(int id, Instant createdAt) {}
}
