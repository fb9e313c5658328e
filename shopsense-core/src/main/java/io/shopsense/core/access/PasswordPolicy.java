package io.shopsense.core.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a console password must be, after NIST SP 800-63B: long enough, not too long to hash, not the user name, not
 * one of the passwords every attacker tries first, and not one character repeated. No composition rules (they make
 * passwords harder to remember, not to guess).
 */
public final class PasswordPolicy {
  /** Above this a KDF call is needlessly costly, and a password this long is not typed by a person. */
  public static final int MAX_LENGTH = 128;
  private static final Set<String> COMMON = Set.of("password", "password1", "password12", "password123",
      "password1234", "123456789012", "1234567890123", "qwertyuiopas", "qwerty123456", "iloveyou1234", "letmein12345",
      "welcome12345", "administrator", "shopsense123", "changeme1234", "passw0rd1234", "abcdefghijkl",
      "000000000000", "111111111111", "123123123123", "admin1234567", "trustno11234", "football1234");

  private final int minLength;

  public PasswordPolicy(int minLength) {
    if (minLength < 8 || minLength > MAX_LENGTH) {
      throw new IllegalArgumentException("the minimum password length must be between 8 and " + MAX_LENGTH);
    }
    this.minLength = minLength;
  }

  public int minLength() {
    return minLength;
  }

  /** Why the password is refused for this user; empty when it is accepted. Never repeats the password. */
  public List<String> problems(String username, CharSequence password) {
    List<String> out = new ArrayList<>();
    if (password == null || password.length() < minLength) {
      out.add("the password must have at least " + minLength + " characters");
      return out;
    }
    if (password.length() > MAX_LENGTH) {
      out.add("the password must have at most " + MAX_LENGTH + " characters");
      return out;
    }
    String lower = password.toString().toLowerCase(Locale.ROOT);
    if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
      out.add("the password must not contain the user name");
    }
    if (COMMON.contains(lower)) {
      out.add("the password is one of the most common passwords");
    }
    if (lower.chars().distinct().count() < 5) {
      out.add("the password must have at least 5 different characters");
    }
    return out;
  }
}
