package io.shopsense.api.id;

/** The id of a source of data: a storefront, a server integration or an import; every event records its source. */
public record SourceId(String value) implements Comparable<SourceId> {
  public SourceId {
    TypedIds.requireText(value, "SourceId");
  }

  public static SourceId of(String value) {
    return new SourceId(value);
  }

  @Override
  public int compareTo(SourceId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
