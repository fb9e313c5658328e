package io.shopsense.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.event.Properties;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

  @Test
  void keepsNumbersExactIntegersBeyondALongIncluded() {
    Properties p = JsonCodec.properties("{\"small\":7,\"big\":123456789012345678901234567890,\"price\":19.90}");

    assertThat(p.get("small")).isEqualTo(7L);
    assertThat(p.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(p.get("price")).isEqualTo(new BigDecimal("19.90"));
    assertThat(JsonCodec.text(p)).isEqualTo("{\"small\":7,\"big\":123456789012345678901234567890,\"price\":19.90}");
  }

  @Test
  void refusesTrailingContentAfterTheValue() {
    assertThatThrownBy(() -> JsonCodec.parse("{\"a\":1} junk")).isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> JsonCodec.parse("{\"a\":1}{\"b\":2}")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void refusesNestingDeeperThanTheLimit() {
    assertThatThrownBy(() -> JsonCodec.parse("[".repeat(100) + "]".repeat(100)))
        .isInstanceOf(UncheckedIOException.class);
  }
}
