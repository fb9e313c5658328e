package io.shopsense.api.id;

/** The shop's own, stable id of a known customer. */
public record UserId(String value) implements Comparable<UserId> {
  public UserId {
    TypedIds.requireText(value, "UserId");
  }

  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public int compareTo(UserId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
