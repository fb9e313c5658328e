package io.shopsense.core.campaign.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CouponCodesTest {

  @Test
  void theAlphabetHasNoLookAlikes() {
    for (char c : "0O1IL5S2Z8B".toCharArray()) {
      assertThat(CouponCodes.ALPHABET).doesNotContain(String.valueOf(c));
    }
    assertThat(CouponCodes.ALPHABET.chars().distinct().count()).isEqualTo(CouponCodes.ALPHABET.length());
  }

  @Test
  void makesPrefixedCodesOfTheAlphabetThatDoNotRepeat() {
    CouponCodes codes = new CouponCodes(new Random(3), "WB-", 10);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String code = codes.get();
      assertThat(code).startsWith("WB-").hasSize(13);
      assertThat(code.substring(3).chars().allMatch(ch -> CouponCodes.ALPHABET.indexOf(ch) >= 0)).isTrue();
      seen.add(code);
    }
    assertThat(seen).hasSize(100_000);
    assertThat(new CouponCodes(new Random(3), "", 8).get()).isEqualTo(new CouponCodes(new Random(3), "", 8).get());
  }

  @Test
  void refusesBadSettingsAndNormalisesTypedCodes() {
    assertThatThrownBy(() -> new CouponCodes(new Random(), "", 5)).hasMessageContaining("6 to 32");
    assertThatThrownBy(() -> new CouponCodes(new Random(), "wb", 8)).hasMessageContaining("prefix");
    assertThat(CouponCodes.normalise(" wb7k3m ")).isEqualTo("WB7K3M");
  }
}
