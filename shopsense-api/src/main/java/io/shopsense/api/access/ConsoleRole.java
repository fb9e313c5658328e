package io.shopsense.api.access;

import java.util.Locale;

/** What a console user may do; a user has one or more roles. Spring Security sees them as {@code ROLE_<NAME>}. */
public enum ConsoleRole {
  /** Everything, including users, keys, imports and the pipeline. */
  ADMIN,
  /** Personal and aggregate reads; changes to segments and the catalog. */
  MARKETER,
  /** Aggregates only: never a person's personal fields. */
  ANALYST,
  /** Personal reads, consents, data-subject requests, the audit and usage logs. */
  PRIVACY_OFFICER;

  /** The lower-case name used on the wire ({@code privacy_officer}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role with this wire (or enum) name, in any case. */
  public static ConsoleRole fromWire(String name) {
    if (name != null) {
      for (ConsoleRole r : values()) {
        if (r.name().equalsIgnoreCase(name.strip())) {
          return r;
        }
      }
    }
    throw new IllegalArgumentException("unknown role '" + name + "'; the roles are admin, marketer, analyst, "
        + "privacy_officer");
  }
}
