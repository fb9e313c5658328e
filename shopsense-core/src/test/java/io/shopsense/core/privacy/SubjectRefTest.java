package io.shopsense.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubjectRefTest {

  @Test
  void normalisesEmailsAndPhonesAsTheIdentityResolverStoresThem() {
    assertThat(SubjectRef.of(null, null, " Ann@Example.COM ", null, null).text()).isEqualTo("email:ann@example.com");
    assertThat(SubjectRef.of(null, null, null, "+86 139-4471-2208", null).text()).isEqualTo("phone:+8613944712208");
    assertThat(SubjectRef.of(null, null, null, null, "p-9").text()).isEqualTo("person_id:p-9");
  }

  @Test
  void takesExactlyOneNonBlankValue() {
    assertThatThrownBy(() -> SubjectRef.of(null, null, null, null, null)).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> SubjectRef.of("u", "a", null, null, null)).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> SubjectRef.of(" ", null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubjectRef.of("u".repeat(1001), null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubjectRef.of(null, null, null, "no digits", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void masksTheValueAndReadsItsOwnTextBack() {
    assertThat(SubjectRef.of(null, null, "ann@example.com", null, null).masked()).isEqualTo("email:a***@example.com");
    assertThat(SubjectRef.of(null, null, null, "+8613944712208", null).masked()).isEqualTo("phone:***08");
    assertThat(SubjectRef.of("user-12345", null, null, null, null).masked()).isEqualTo("user_id:us***");
    SubjectRef ref = SubjectRef.of(null, "anon:with:colons", null, null, null);
    assertThat(SubjectRef.parse(ref.text())).contains(ref);
    assertThat(SubjectRef.parse("erased")).isEmpty();
    assertThat(SubjectRef.parse("email:a***@example.com")).isPresent(); // a masked text names no one the graph knows
  }
}
