package io.shopsense.core.campaign.coupon;

import java.util.random.RandomGenerator;
import java.util.function.Supplier;

/**
 * Makes unique coupon codes from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), so that a code read
 * aloud or typed from print is typed right. Ten characters of these 25 give ~46 bits: a guessed code hits one of a
 * million issued with odds of about 1 in 95 million. Thread-safety is the generator's.
 */
public final class CouponCodes implements Supplier<String> {
  /** The code alphabet: upper-case letters and digits less the look-alikes. */
  public static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

  private final RandomGenerator random;
  private final String prefix;
  private final int length;

  /**
   * @param random a {@code SecureRandom} in production (codes must not be predictable), seeded in tests
   * @param prefix put before every code (may be empty; upper-case letters, digits and '-')
   * @param length random characters after the prefix, 6 to 32
   */
  public CouponCodes(RandomGenerator random, String prefix, int length) {
    if (length < 6 || length > 32) {
      throw new IllegalArgumentException("a coupon code needs 6 to 32 random characters, not " + length);
    }
    if (prefix == null || !prefix.matches("[A-Z0-9-]{0,20}")) {
      throw new IllegalArgumentException("a code prefix is up to 20 of A-Z, 0-9 and '-', not " + prefix);
    }
    this.random = random;
    this.prefix = prefix;
    this.length = length;
  }

  @Override
  public String get() {
    StringBuilder b = new StringBuilder(prefix.length() + length).append(prefix);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  /** A code as typed: trimmed, upper-case. */
  public static String normalise(String code) {
    return code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
  }
}
