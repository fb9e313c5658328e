package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.crypto.SealedFields;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.core.crypto.CryptoSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switching sealing on for a shop that ran without it: what was stored plain still reads, new personal traits are
 * sealed, and a rotation re-encrypts the old ones; the keys must live outside the data directory.
 */
class SealedTraitsPlatformTest {
  @TempDir
  Path tmp;

  private static final String ANA = "{'type':'identify','messageId':'st-1','userId':'st-ana',"
      + "'traits':{'email':'ana@example.com','first_name':'Ana','plan':'gold'}}";
  private static final String BO = "{'type':'identify','messageId':'st-2','userId':'st-bo',"
      + "'traits':{'email':'bo@example.com'}}";

  /** Random person ids: the fixture's sequential ones start again at each open and would collide. */
  private static Platform open(PlatformSettings settings) {
    return Platform.open(settings, java.time.Clock.systemUTC(), io.shopsense.core.identity.PersonIds.random(),
        io.shopsense.core.collect.IngestListener.NONE).start();
  }

  private static String email(Platform p, String user) {
    return (String) p.persons().find(new Identifier(IdentifierKind.USER_ID, user)).orElseThrow().traits().values()
        .get("email");
  }

  @Test
  void plainDataFromBeforeStillReadsAndARotationSealsIt() throws Exception {
    Path data = tmp.resolve("data");
    PlatformSettings plain = PlatformFixture.embedded(data);
    try (Platform p = open(plain)) {
      PlatformFixture.ingest(p, Instant.now(), ANA);
      PlatformFixture.awaitPipeline(p);
    }
    PlatformSettings sealed = plain.withCrypto(CryptoSettings.inDirectory(tmp.resolve("keys")));
    try (Platform p = open(sealed)) {
      assertThat(email(p, "st-ana")).isEqualTo("ana@example.com");
      PlatformFixture.ingest(p, Instant.now(), BO);
      PlatformFixture.awaitPipeline(p);
      assertThat(p.keyRotation().status().stores().get("traits")).isEqualTo(new SealedFields.Census(2, 1, 0));

      var report = p.keyRotation().rotate(true);

      assertThat(report.resealed()).containsEntry("traits", 3L);
      assertThat(p.keyRotation().status().stores().get("traits")).isEqualTo(new SealedFields.Census(0, 3, 0));
      assertThat(email(p, "st-ana")).isEqualTo("ana@example.com");
      assertThat(email(p, "st-bo")).isEqualTo("bo@example.com");
    }
    // the H2 file no longer holds the plain email (its pages may keep old copies until H2 compacts; the rows do not)
    try (Platform p = open(sealed)) {
      assertThat(email(p, "st-bo")).isEqualTo("bo@example.com");
    }
    try (Platform p = open(plain)) {
      assertThatThrownBy(() -> email(p, "st-ana")).hasMessageContaining("encryption is switched off");
    }
  }

  @Test
  void refusesKeysInsideTheDataDirectory() {
    Path data = tmp.resolve("data");
    PlatformSettings inside = PlatformFixture.embedded(data).withCrypto(CryptoSettings.inDirectory(data.resolve("k")));
    assertThatThrownBy(() -> open(inside)).hasMessageContaining("inside the data directory");
    assertThat(Files.exists(data.resolve("k"))).isFalse();
  }
}
