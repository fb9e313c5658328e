package io.shopsense.api.id;

/** ShopSense's id of one resolved person: the owner of a set of identifiers (anonymous ids, user ids, emails). */
public record PersonId(String value) implements Comparable<PersonId> {
  public PersonId {
    TypedIds.requireText(value, "PersonId");
  }

  public static PersonId of(String value) {
    return new PersonId(value);
  }

  @Override
  public int compareTo(PersonId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
