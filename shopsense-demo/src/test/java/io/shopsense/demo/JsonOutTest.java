package io.shopsense.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonOutTest {
  final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"plain", "quote \" and backslash \\", "tab\tnew\nline\r\u0001\u001f\u007f", "caf\u00e9 \u00fc",
      "\u4e0a\u6d77 \u6771\u4eac", "emoji \ud83d\uded2 cart", "lone \ud83d surrogate", ""})
  void writesStringsThatJsonReadsBackUnchanged(String s) throws Exception {
    JsonOut out = new JsonOut(4);
    out.raw('[').string(s).raw(']');

    String read = mapper.readTree(out.toByteArray()).get(0).textValue();

    if (s.contains("lone")) {
      assertThat(read).startsWith("lone ").endsWith(" surrogate");
    } else {
      assertThat(read).isEqualTo(s);
    }
  }

  @Test
  void writesNumbersAndAmounts() throws Exception {
    JsonOut out = new JsonOut(8);
    out.raw('[').number(0).raw(',').number(-42).raw(',').number(Long.MAX_VALUE).raw(',').amount(1999, 2).raw(',')
        .amount(5, 2).raw(',').amount(-120, 2).raw(',').amount(1980, 0).raw(',').amount(1005, 3).raw(',').bool(true)
        .raw(']');

    assertThat(new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("[0,-42,9223372036854775807,19.99,0.05,-1.20,1980,1.005,true]");
  }

  @Test
  void writesTimestampsAsIsoWithTheOffset() {
    SplittableRandom r = new SplittableRandom(1);
    char[] buffer = new char[TimeText.MAX];
    for (int i = 0; i < 10_000; i++) {
      long millis = r.nextLong(Instant.parse("1999-01-01T00:00:00Z").toEpochMilli(),
          Instant.parse("2040-01-01T00:00:00Z").toEpochMilli());
      int offset = (r.nextInt(-12 * 4, 14 * 4 + 1)) * 900;
      String text = new String(buffer, 0, TimeText.write(millis, offset, buffer));

      OffsetDateTime parsed = OffsetDateTime.parse(text);
      assertThat(parsed.toInstant().toEpochMilli()).isEqualTo(millis);
      assertThat(parsed.getOffset()).isEqualTo(ZoneOffset.ofTotalSeconds(offset));
      assertThat(text).hasSize(offset == 0 ? 24 : 29);
    }
  }
}
