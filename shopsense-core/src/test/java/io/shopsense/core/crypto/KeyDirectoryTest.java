package io.shopsense.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyDirectoryTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  @TempDir
  Path tmp;

  @Test
  void createsAPrivateRingAndReopensIt() throws Exception {
    Path dir = tmp.resolve("keys");
    KeyDirectory keys = KeyDirectory.open(CryptoSettings.inDirectory(dir), CLOCK);
    String sealed = keys.cipher().seal("v", "b");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master.key"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    String ringText = Files.readString(dir.resolve("keyring.json"));
    assertThat(ringText).contains("\"wrapped\"").contains("\"masterKeyId\"");
    KeyDirectory again = KeyDirectory.open(CryptoSettings.inDirectory(dir), CLOCK);
    assertThat(again.cipher().open(sealed, "b")).isEqualTo("v");
    assertThat(again.pseudonymizer().pseudonym("u")).isEqualTo(keys.pseudonymizer().pseudonym("u"));
  }

  @Test
  void dataKeyRotationIsDurableAndOldValuesStillOpen() {
    Path dir = tmp.resolve("keys");
    KeyDirectory keys = KeyDirectory.open(CryptoSettings.inDirectory(dir), CLOCK);
    String old = keys.cipher().seal("v", "b");
    keys.rotateDataKey();

    KeyDirectory again = KeyDirectory.open(CryptoSettings.inDirectory(dir), CLOCK);
    assertThat(again.status().primary()).isEqualTo(2);
    assertThat(again.status().dataKeys()).extracting(KeyStatus.DataKeyInfo::id).containsExactly(1, 2);
    assertThat(again.cipher().open(old, "b")).isEqualTo("v");
    assertThat(EnvelopeCipher.keyId(again.cipher().seal("w", "b"))).isEqualTo(2);
  }

  @Test
  void anotherProcessesRotationIsPickedUpWhenAValueNeedsIt() {
    Path dir = tmp.resolve("keys");
    KeyDirectory server = KeyDirectory.open(CryptoSettings.inDirectory(dir), CLOCK);
    KeyDirectory tool = KeyDirectory.open(CryptoSettings.inDirectory(dir), CLOCK);
    tool.rotateDataKey();
    String sealed = tool.cipher().seal("v", "b");

    assertThat(server.cipher().open(sealed, "b")).isEqualTo("v");
  }

  @Test
  void masterKeyRotationRewrapsTheRingAndOldMasterNoLongerOpensIt() throws Exception {
    Path dir = tmp.resolve("keys");
    KeyDirectory keys = KeyDirectory.open(CryptoSettings.inDirectory(dir), CLOCK);
    String sealed = keys.cipher().seal("v", "b");
    String oldMaster = Files.readString(dir.resolve("master.key"));
    String oldId = keys.status().masterKeyId();

    String newId = keys.rotateMasterKey(null);

    assertThat(newId).isNotEqualTo(oldId);
    assertThat(Files.readString(dir.resolve("master.key"))).isNotEqualTo(oldMaster);
    assertThat(Files.exists(dir.resolve("master.key.next"))).isFalse();
    KeyDirectory again = KeyDirectory.open(CryptoSettings.inDirectory(dir), CLOCK);
    assertThat(again.cipher().open(sealed, "b")).isEqualTo("v");
    assertThatThrownBy(() -> KeyDirectory.open(new CryptoSettings(dir, oldMaster, true), CLOCK))
        .hasMessageContaining("not the master key");
  }

  @Test
  void finishesAMasterRotationACrashInterrupted() throws Exception {
    Path dir = tmp.resolve("keys");
    KeyDirectory keys = KeyDirectory.open(CryptoSettings.inDirectory(dir), CLOCK);
    String sealed = keys.cipher().seal("v", "b");
    String oldMaster = Files.readString(dir.resolve("master.key"));
    keys.rotateMasterKey(null);
    // as if the process died after rewriting the ring and before moving master.key.next into place
    Files.writeString(dir.resolve("master.key.next"), Files.readString(dir.resolve("master.key")));
    Files.writeString(dir.resolve("master.key"), oldMaster);

    KeyDirectory again = KeyDirectory.open(CryptoSettings.inDirectory(dir), CLOCK);
    assertThat(again.cipher().open(sealed, "b")).isEqualTo("v");
    assertThat(Files.exists(dir.resolve("master.key.next"))).isFalse();
  }

  @Test
  void aMasterKeyFromTheEnvironmentIsNeverWrittenToDisk() throws Exception {
    Path dir = tmp.resolve("keys");
    String env = MasterKey.generate().toBase64();
    KeyDirectory keys = KeyDirectory.open(new CryptoSettings(dir, env, true), CLOCK);
    String sealed = keys.cipher().seal("v", "b");

    assertThat(Files.exists(dir.resolve("master.key"))).isFalse();
    assertThat(Files.readString(dir.resolve("keyring.json"))).doesNotContain(env);
    assertThat(keys.status().masterKeySource()).isEqualTo("environment");
    assertThatThrownBy(() -> KeyDirectory.open(CryptoSettings.inDirectory(dir), CLOCK))
        .hasMessageContaining("no master key");
    assertThatThrownBy(() -> keys.rotateMasterKey(null)).hasMessageContaining("give the new master key");
    String next = MasterKey.generate().toBase64();
    keys.rotateMasterKey(next);
    assertThat(KeyDirectory.open(new CryptoSettings(dir, next, true), CLOCK).cipher().open(sealed, "b"))
        .isEqualTo("v");
  }

  @Test
  void rejectsAKeyDirectoryInsideTheDataDirectoryAndABadMasterKey() {
    Path data = tmp.resolve("data");
    assertThatThrownBy(() -> CryptoSettings.inDirectory(data.resolve("keys")).requireOutside(data))
        .hasMessageContaining("inside the data directory");
    CryptoSettings.inDirectory(CryptoSettings.defaultKeyDir(data)).requireOutside(data);
    assertThat(CryptoSettings.defaultKeyDir(data)).isEqualTo(tmp.resolve("data-keys"));
    assertThatThrownBy(() -> KeyDirectory.open(new CryptoSettings(tmp.resolve("k"), "c2hvcnQ=", true), CLOCK))
        .hasMessageContaining("32 bytes");
  }

  @Test
  void theStatusAndToStringsCarryNoKeyMaterial() throws Exception {
    Path dir = tmp.resolve("keys");
    KeyDirectory keys = KeyDirectory.open(CryptoSettings.inDirectory(dir), CLOCK);
    String master = Files.readString(dir.resolve("master.key")).strip();
    assertThat(keys.status().toString() + keys.ring()).doesNotContain(master);
    assertThat(keys.status().dataKeys().get(0).createdAt()).isEqualTo(CLOCK.instant());
  }
}
