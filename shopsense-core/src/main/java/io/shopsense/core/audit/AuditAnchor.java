package io.shopsense.core.audit;

import io.shopsense.api.audit.AuditHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * A copy of the audit chain's head (seq and hash) in a file outside the database — by default {@code
 * <data-dir>/audit-head} — so that cutting entries off the tail of the log shows even when the store's own head row
 * is moved back too. Only ever moves forward (several writers sharing one PostgreSQL schema may each keep one: every
 * anchor names an entry that must still be there with that hash). Written to a temporary file and renamed into
 * place, so that a crash leaves the old or the new head, never half of one. Thread-safe within one process.
 */
public final class AuditAnchor {
  private final Path file;
  private AuditHead current;

  public AuditAnchor(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** The head in the file, if the file exists; a file that is not a head is an error (someone edited it). */
  public synchronized Optional<AuditHead> read() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
      if (parts.length != 2) {
        throw new IllegalStateException("the audit anchor " + file + " is not 'seq hash'");
      }
      return Optional.of(new AuditHead(Long.parseLong(parts[0]), parts[1]));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit anchor " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the audit anchor " + file + " is not 'seq hash'", e);
    }
  }

  /** Moves the anchor to {@code head} if that is further along than what it holds. */
  public synchronized void advance(AuditHead head) {
    if (current == null) {
      current = read().orElse(null);
    }
    if (current != null && current.seq() >= head.seq()) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, head.seq() + " " + head.hash() + "\n", StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      current = head;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit anchor " + file, e);
    }
  }

  /** The anchor's head as a list for {@link AuditVerifier#verify}: empty without a file. */
  public List<AuditHead> heads() {
    return read().map(List::of).orElse(List.of());
  }
}
