package io.shopsense.core.crypto;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the keys are and whether personal fields are sealed.
 *
 * @param keyDir          the directory of the key ring (and of the master key file, unless the master key comes
 *                        from {@code masterKey}); never inside the data directory
 * @param masterKey       the Base64 master key from the environment ({@code SHOPSENSE_MASTER_KEY}), or null to keep
 *                        it in {@code keyDir/master.key}
 * @param sealTraits      seal personal trait values in the trait store
 */
public record CryptoSettings(Path keyDir, String masterKey, boolean sealTraits) {
  public CryptoSettings {
    Objects.requireNonNull(keyDir, "keyDir");
  }

  /** Keys under {@code keyDir}, the master key in a file there, personal traits sealed. */
  public static CryptoSettings inDirectory(Path keyDir) {
    return new CryptoSettings(keyDir, null, true);
  }

  /** The default key directory: beside the data directory, never inside it ({@code data} → {@code data-keys}). */
  public static Path defaultKeyDir(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    String name = dir.getFileName() == null ? "shopsense" : dir.getFileName().toString();
    return dir.resolveSibling(name + "-keys");
  }

  /**
   * Fails when the key directory is the data directory or inside it: a copy of the data (a backup, a stolen disk
   * image of that folder) must not carry the keys that open it.
   */
  public void requireOutside(Path dataDir) {
    Path keys = keyDir.toAbsolutePath().normalize();
    Path data = dataDir.toAbsolutePath().normalize();
    if (keys.startsWith(data)) {
      throw new IllegalArgumentException("the key directory " + keys + " is inside the data directory " + data
          + "; keep keys apart from the data they protect (shopsense.crypto.key-dir)");
    }
  }
}
