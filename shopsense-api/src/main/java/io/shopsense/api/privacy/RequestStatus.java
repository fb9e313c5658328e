package io.shopsense.api.privacy;

import java.util.Locale;
import java.util.Optional;

/** Where a data-subject request stands: received → in progress → completed, or rejected with a reason. */
public enum RequestStatus {
  RECEIVED,
  IN_PROGRESS,
  COMPLETED,
  REJECTED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the request needs no more work. */
  public boolean closed() {
    return this == COMPLETED || this == REJECTED;
  }

  public static Optional<RequestStatus> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    for (RequestStatus s : values()) {
      if (s.wireName().equals(n)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
