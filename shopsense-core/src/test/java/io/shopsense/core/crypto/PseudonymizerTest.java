package io.shopsense.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
  @Test
  void stableKeyedAndNotTheIdentifier() {
    KeyRing ring = KeyRing.generate(Instant.EPOCH);
    Pseudonymizer p = new Pseudonymizer(ring);

    String a = p.pseudonym("user-42");
    assertThat(a).matches("ps_[0-9a-f]{32}").doesNotContain("user");
    assertThat(p.pseudonym("user-42")).isEqualTo(a);
    assertThat(p.pseudonym("user-43")).isNotEqualTo(a);
    assertThat(new Pseudonymizer(KeyRing.generate(Instant.EPOCH)).pseudonym("user-42")).isNotEqualTo(a);
    assertThat(p.pseudonym(null)).isNull();
  }

  @Test
  void isHmacSha256TruncatedTo128Bits() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    Pseudonymizer p = new Pseudonymizer("Jefe".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(p.pseudonym("what do ya want for nothing?")).isEqualTo("ps_5bdcc146bf60754e6a042426089575c7");
  }

  @Test
  void rotatingDataKeysKeepsPseudonyms() {
    KeyRing ring = KeyRing.generate(Instant.EPOCH);
    assertThat(new Pseudonymizer(ring.rotate(Instant.EPOCH)).pseudonym("u"))
        .isEqualTo(new Pseudonymizer(ring).pseudonym("u"));
  }
}
