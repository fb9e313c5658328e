package io.shopsense.api.privacy;

import java.util.Locale;
import java.util.Optional;

/** What a data subject asks for. The wire name is what the API and CLI use. */
public enum RequestType {
  /** Access / export: a copy of everything held on the person (one archive, JSON and CSV). */
  ACCESS,
  /** Rectification of the person's traits. */
  RECTIFICATION,
  /** Erasure of the person from every store, the log, the lake and future model training. */
  ERASURE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type with this wire name (case-insensitive); {@code export} is another name for {@link #ACCESS}. */
  public static Optional<RequestType> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.equals("export")) {
      return Optional.of(ACCESS);
    }
    for (RequestType t : values()) {
      if (t.wireName().equals(n)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
