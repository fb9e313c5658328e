/**
 * Protection of personal data with keys kept outside the data store: the key ring of AES-256 data keys wrapped by a
 * master key ({@link io.shopsense.core.crypto.KeyDirectory}), the envelope cipher the stores seal personal fields with
 * ({@link io.shopsense.core.crypto.EnvelopeCipher}), key rotation and re-encryption
 * ({@link io.shopsense.core.crypto.KeyRotation}), and the keyed pseudonyms analysts see in place of identifiers
 * ({@link io.shopsense.core.crypto.Pseudonymizer}). Only the JDK's {@code javax.crypto}.
 */
package io.shopsense.core.crypto;
