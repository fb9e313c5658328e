package io.shopsense.api.id;

/** The sender's unique id of one event; retries carry the same id, which makes delivery idempotent. */
public record MessageId(String value) implements Comparable<MessageId> {
  public MessageId {
    TypedIds.requireText(value, "MessageId");
  }

  public static MessageId of(String value) {
    return new MessageId(value);
  }

  @Override
  public int compareTo(MessageId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
