package io.shopsense.core.profile;

import java.util.Locale;
import java.util.Set;

/**
 * The traits that identify or describe a person privately (contact details, names, birth dates, addresses): marked
 * as personal in every profile read, so that the privacy rules (encryption, pseudonymous views, erasure) know them.
 */
public final class PersonalTraits {
  private static final Set<String> PERSONAL = Set.of("email", "phone", "mobile", "name", "firstname", "lastname",
      "username", "birthday", "birthdate", "birthyear", "dateofbirth", "age", "gender", "address", "street",
      "postalcode", "zip", "zipcode", "city", "ip", "avatar", "title");

  private PersonalTraits() {}

  /** Whether the trait is personal: its name, lower case without {@code _}, {@code -} and spaces, is known. */
  public static boolean isPersonal(String trait) {
    return PERSONAL.contains(trait.toLowerCase(Locale.ROOT).replaceAll("[_\\- ]", ""));
  }
}
