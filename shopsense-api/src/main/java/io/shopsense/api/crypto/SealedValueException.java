package io.shopsense.api.crypto;

/** A sealed value that cannot be opened. Its message never holds the value or the plaintext. */
public class SealedValueException extends RuntimeException {
  public SealedValueException(String message) {
    super(message);
  }

  public SealedValueException(String message, Throwable cause) {
    super(message, cause);
  }
}
