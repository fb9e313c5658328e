package io.shopsense.core.identity;

import io.shopsense.api.id.PersonId;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Sources of new person ids. */
public final class PersonIds {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  private PersonIds() {}

  /** Random ids ({@code p_} and 20 base-32 characters, 100 bits): nothing about the person can be read from them. */
  public static Supplier<PersonId> random() {
    SecureRandom random = new SecureRandom();
    return () -> {
      char[] id = new char[22];
      id[0] = 'p';
      id[1] = '_';
      for (int i = 2; i < id.length; i++) {
        id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
      return PersonId.of(new String(id));
    };
  }

  /** Sequential ids {@code p-1, p-2, ...}: for deterministic tests. */
  public static Supplier<PersonId> sequential() {
    AtomicLong next = new AtomicLong();
    return () -> PersonId.of("p-" + next.incrementAndGet());
  }
}
