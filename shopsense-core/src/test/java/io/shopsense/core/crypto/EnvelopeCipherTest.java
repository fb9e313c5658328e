package io.shopsense.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.crypto.SealedFormat;
import io.shopsense.api.crypto.SealedValueException;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EnvelopeCipherTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final AtomicReference<KeyRing> ring = new AtomicReference<>(KeyRing.generate(T0));
  final EnvelopeCipher cipher = new EnvelopeCipher(ring::get);

  @Test
  void sealsSoThatOnlyTheSameBindingOpens() {
    String sealed = cipher.seal("\"jane@example.com\"", "traits/p1/email");

    assertThat(sealed).startsWith(SealedFormat.PREFIX).doesNotContain("jane");
    assertThat(cipher.open(sealed, "traits/p1/email")).isEqualTo("\"jane@example.com\"");
    assertThatThrownBy(() -> cipher.open(sealed, "traits/p2/email")).isInstanceOf(SealedValueException.class)
        .hasMessageContaining("moved from another row");
    assertThatThrownBy(() -> cipher.open(sealed, "traits/p1/phone")).isInstanceOf(SealedValueException.class);
  }

  @Test
  void aFreshNonceEachTimeSoEqualValuesLookDifferent() {
    assertThat(cipher.seal("x", "b")).isNotEqualTo(cipher.seal("x", "b"));
  }

  @Test
  void detectsAnyAlteredByte() {
    String sealed = cipher.seal("secret", "b");
    byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(SealedFormat.PREFIX.length()));
    for (int i = 5; i < raw.length; i++) {
      byte[] copy = raw.clone();
      copy[i] ^= 1;
      String altered = SealedFormat.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
      assertThatThrownBy(() -> cipher.open(altered, "b")).isInstanceOf(SealedValueException.class);
    }
  }

  @Test
  void plainValuesWrittenBeforeSealingStillRead() {
    assertThat(cipher.open("\"plain\"", "b")).isEqualTo("\"plain\"");
    assertThat(cipher.isSealed("\"plain\"")).isFalse();
    assertThat(cipher.isCurrent("\"plain\"")).isFalse();
  }

  @Test
  void afterRotationOldValuesOpenAndNewOnesUseTheNewKey() {
    String old = cipher.seal("v", "b");
    ring.set(ring.get().rotate(T0.plusSeconds(60)));
    String fresh = cipher.seal("v", "b");

    assertThat(EnvelopeCipher.keyId(old)).isEqualTo(1);
    assertThat(EnvelopeCipher.keyId(fresh)).isEqualTo(2);
    assertThat(cipher.open(old, "b")).isEqualTo("v");
    assertThat(cipher.isCurrent(old)).isFalse();
    assertThat(cipher.isCurrent(fresh)).isTrue();
  }

  @Test
  void aValueUnderAnUnknownKeyOrGarbledFailsClearly() {
    String sealed = new EnvelopeCipher(() -> KeyRing.generate(T0).rotate(T0).rotate(T0)).seal("v", "b");
    assertThatThrownBy(() -> cipher.open(sealed, "b")).isInstanceOf(SealedValueException.class)
        .hasMessageContaining("data key 3");
    assertThatThrownBy(() -> cipher.open(SealedFormat.PREFIX + "***", "b")).isInstanceOf(SealedValueException.class);
    assertThatThrownBy(() -> cipher.open(SealedFormat.PREFIX + "AA", "b")).isInstanceOf(SealedValueException.class);
  }

  @Test
  void anotherRingWithTheSameKeyIdsCannotOpen() {
    String sealed = cipher.seal("v", "b");
    EnvelopeCipher other = new EnvelopeCipher(() -> KeyRing.generate(T0));
    assertThatThrownBy(() -> other.open(sealed, "b")).isInstanceOf(SealedValueException.class);
  }
}
