package io.shopsense.api.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The legal ground a use of personal data rests on (GDPR art. 6; PIPL art. 13 names the same grounds). Only
 * {@link #CONSENT} can be withdrawn by the person; the others are declared by the shop for what is strictly
 * necessary.
 */
public enum LawfulBasis {
  CONSENT("consent"),
  CONTRACT("contract"),
  LEGAL_OBLIGATION("legal_obligation"),
  LEGITIMATE_INTERESTS("legitimate_interests"),
  VITAL_INTERESTS("vital_interests"),
  PUBLIC_TASK("public_task");

  private final String wireName;

  LawfulBasis(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The basis with this wire name (case-insensitive, '-' read as '_'), if any. */
  public static Optional<LawfulBasis> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(b -> b.wireName.equals(n)).findFirst();
  }
}
