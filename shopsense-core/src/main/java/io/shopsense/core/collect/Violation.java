package io.shopsense.core.collect;

/**
 * One thing wrong with a record: the reason, the JSON path of the field (empty for the whole record) and a message
 * for a person. Messages name fields, never their values, so that they can be logged and shown safely.
 */
public record Violation(RejectReason reason, String path, String message) {
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
