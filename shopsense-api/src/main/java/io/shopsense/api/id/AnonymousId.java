package io.shopsense.api.id;

/** A device- or cookie-scoped id the storefront gives a visitor before (or without) knowing who they are. */
public record AnonymousId(String value) implements Comparable<AnonymousId> {
  public AnonymousId {
    TypedIds.requireText(value, "AnonymousId");
  }

  public static AnonymousId of(String value) {
    return new AnonymousId(value);
  }

  @Override
  public int compareTo(AnonymousId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
