package io.shopsense.core.profile;

import java.util.Locale;

/** Where a person is in their life as a customer. */
public enum LifecycleStage {
  /** Seen, never bought. */
  POTENTIAL,
  /** One order, and it is recent. */
  NEW,
  /** More than one order, the last one recent. */
  ACTIVE,
  /** Has bought, but not for longer than usual. */
  SILENT,
  /** Has bought, but not for so long that they are probably gone. */
  CHURNED;

  /** The lower-case name used in rules and APIs, e.g. {@code silent}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
