package io.shopsense.api.id;

/** Shared invariants of the typed ids: present and not blank. Length and character rules are the validator's job. */
final class TypedIds {
  private TypedIds() {}

  static void requireText(String value, String type) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(type + " must not be blank");
    }
  }
}
