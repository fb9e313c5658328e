package io.shopsense.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void onePhoneWrittenSeveralWaysIsOnePhone() {
    assertThat(Identifiers.phone("+86 138-0000-0000")).isEqualTo("+8613800000000");
    assertThat(Identifiers.phone("\uFF0B\uFF18\uFF16 \uFF11\uFF13\uFF18 0000 0000")).isEqualTo("+8613800000000");
    assertThat(Identifiers.phone("\u0661\u0662\u0663-456")).isEqualTo("123456");
    assertThat(Identifiers.phone("(0)30 1234+5")).isEqualTo("03012345");
  }

  @Test
  void emailsCompareWithoutCaseOrSurroundingSpace() {
    assertThat(Identifiers.email("  Ann.Lee@Example.COM ")).isEqualTo("ann.lee@example.com");
  }
}
