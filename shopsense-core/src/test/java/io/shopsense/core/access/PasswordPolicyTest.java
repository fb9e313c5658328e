package io.shopsense.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private final PasswordPolicy policy = new PasswordPolicy(12);

  @Test
  void acceptsALongPassphrase() {
    assertThat(policy.problems("ada", "correct horse battery staple")).isEmpty();
  }

  @Test
  void refusesShortAndOverlongPasswords() {
    assertThat(policy.problems("ada", "Sh0rt!pass")).containsExactly("the password must have at least 12 characters");
    assertThat(policy.problems("ada", "x".repeat(129))).containsExactly("the password must have at most 128 characters");
    assertThat(policy.problems("ada", null)).hasSize(1);
  }

  @Test
  void refusesTheUserNameCommonPasswordsAndRepetition() {
    assertThat(policy.problems("marketing", "my-Marketing-pass")).containsExactly(
        "the password must not contain the user name");
    assertThat(policy.problems("ada", "Password1234")).containsExactly(
        "the password is one of the most common passwords");
    assertThat(policy.problems("ada", "abababababababab")).containsExactly(
        "the password must have at least 5 different characters");
  }

  @Test
  void neverRepeatsThePasswordInItsReasons() {
    assertThat(String.join(" ", policy.problems("ada", "adaada-secret-x"))).doesNotContain("secret");
  }

  @Test
  void refusesAMinimumBelowEight() {
    assertThatThrownBy(() -> new PasswordPolicy(6)).isInstanceOf(IllegalArgumentException.class);
  }
}
