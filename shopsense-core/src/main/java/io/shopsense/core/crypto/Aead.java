package io.shopsense.core.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** AES-GCM with a random 96-bit nonce and a 128-bit tag: {@code nonce || ciphertext || tag}. */
final class Aead {
  static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  /** One cipher object per thread, initialised afresh for each value: the provider look-up is the costly part. */
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  });

  private Aead() {}

  static byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
    byte[] nonce = KeyRing.randomBytes(NONCE_BYTES);
    try {
      Cipher c = CIPHERS.get();
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad);
      byte[] sealed = c.doFinal(plaintext);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /** Opens {@code nonce || ciphertext || tag}; throws {@link AEADBadTagException} when it does not authenticate. */
  static byte[] open(SecretKey key, byte[] box, int offset, byte[] aad) throws AEADBadTagException {
    if (box.length - offset < NONCE_BYTES + TAG_BITS / 8) {
      throw new AEADBadTagException("too short");
    }
    try {
      Cipher c = CIPHERS.get();
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, offset, NONCE_BYTES));
      c.updateAAD(aad);
      return c.doFinal(box, offset + NONCE_BYTES, box.length - offset - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }
}
