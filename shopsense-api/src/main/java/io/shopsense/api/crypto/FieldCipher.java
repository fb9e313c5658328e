package io.shopsense.api.crypto;

/**
 * Seals and opens one personal field value for storage. A sealed value is text that carries its format version, the
 * id of the key that sealed it, a fresh nonce and an authentication tag over the value and its {@code binding}: the
 * row and field it belongs to (for example {@code traits/<person>/<trait>}), so that a sealed value copied into another
 * row or field does not open. Stores call it on every write and read of a personal field; implementations are
 * thread-safe.
 *
 * <p>Values stored before sealing was switched on are plain text, never in the sealed format ({@link #isSealed}):
 * {@link #open} returns them unchanged, so old data keeps reading and is sealed when it is next written or resealed.
 */
public interface FieldCipher {

  /** Seals {@code plaintext} for the row and field named by {@code binding}, under the current (primary) key. */
  String seal(String plaintext, String binding);

  /**
   * Opens a stored value: the plaintext of a sealed value, or the value itself when it is not sealed.
   *
   * @throws SealedValueException when the value is sealed but does not open: its key is unknown, it was sealed for
   *                              another binding, or it was altered
   */
  String open(String stored, String binding);

  /** Whether the stored value is in the sealed format. */
  boolean isSealed(String stored);

  /** Whether the stored value is sealed under the current primary key (a value that needs no resealing). */
  boolean isCurrent(String stored);

  /** No sealing: values are stored as they are; a sealed value found in the store fails to open. */
  FieldCipher PLAIN = new FieldCipher() {
    @Override
    public String seal(String plaintext, String binding) {
      return plaintext;
    }

    @Override
    public String open(String stored, String binding) {
      if (SealedFormat.looksSealed(stored)) {
        throw new SealedValueException("a sealed value was found but encryption is switched off "
            + "(shopsense.crypto.enabled): no key to open it");
      }
      return stored;
    }

    @Override
    public boolean isSealed(String stored) {
      return SealedFormat.looksSealed(stored);
    }

    @Override
    public boolean isCurrent(String stored) {
      return !isSealed(stored);
    }
  };
}
