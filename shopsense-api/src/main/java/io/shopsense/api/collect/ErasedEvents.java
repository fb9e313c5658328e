package io.shopsense.api.collect;

import java.util.List;
import java.util.Objects;

/**
 * What one erasure (or retention run) removed from an event log.
 *
 * @param events         how many stored events were removed
 * @param bytesRewritten the bytes written to put the log's files (or table rows) back without them
 * @param files          the files (or tables) that were rewritten or deleted, as the backend names them; never the
 *                       identifiers that were erased
 */
public record ErasedEvents(long events, long bytesRewritten, List<String> files) {

  public ErasedEvents {
    if (events < 0 || bytesRewritten < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    files = List.copyOf(Objects.requireNonNull(files, "files"));
  }

  /** Nothing removed. */
  public static ErasedEvents none() {
    return new ErasedEvents(0, 0, List.of());
  }
}
