package io.shopsense.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.id.PersonId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerTokensTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final PersonId ANN = PersonId.of("p-ann.with.dots");

  @TempDir
  Path dir;

  private static CustomerTokens at(Instant now) {
    return new CustomerTokens(KEY, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(15));
  }

  @Test
  void aTokenNamesItsPersonUntilItExpires() {
    CustomerTokens.Issued t = at(NOW).issue(ANN);

    assertThat(t.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(at(NOW.plusSeconds(899)).check(t.token())).isEqualTo(new CustomerTokens.Check.Valid(ANN));
    assertThat(at(NOW.plusSeconds(900)).check(t.token())).isInstanceOf(CustomerTokens.Check.Rejected.class)
        .extracting("code").isEqualTo("expired_customer_token");
  }

  @Test
  void refusesForgedAndMalformedTokens() {
    String token = at(NOW).issue(ANN).token();
    String otherPerson = token.replaceFirst("sst1\\.[^.]+", "sst1.cC1ib2I");
    String longer = token.replaceFirst("\\.(\\d+)\\.", ".9$1.");
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;

    for (String bad : new String[] {otherPerson, longer, token + "x", "sst1.", "sst1.a.b", "sst1..1.", "sst1.a.b.c.d",
        "sst1.!!.1.??"}) {
      assertThat(at(NOW).check(bad)).as(bad).isInstanceOf(CustomerTokens.Check.Rejected.class)
          .extracting("code").isEqualTo("invalid_customer_token");
    }
    assertThat(new CustomerTokens(otherKey, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15)).check(token))
        .isInstanceOf(CustomerTokens.Check.Rejected.class);
  }

  @Test
  void generatesTheKeyOnceInAnOwnerOnlyFileOrTakesTheConfiguredOne() throws Exception {
    Path file = dir.resolve("customer-token-key");

    byte[] first = CustomerTokens.key(null, file);
    byte[] again = CustomerTokens.key("", file);

    assertThat(first).hasSize(32);
    assertThat(Arrays.equals(first, again)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(CustomerTokens.key("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", file)).hasSize(32).startsWith(0, 1);
    assertThatThrownBy(() -> CustomerTokens.key("not base64!", file)).hasMessageContaining("base64");
    assertThatThrownBy(() -> new CustomerTokens(new byte[8], Clock.systemUTC(), Duration.ofMinutes(1)))
        .hasMessageContaining("32 bytes");
  }
}
