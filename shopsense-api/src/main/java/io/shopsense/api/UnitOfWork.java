package io.shopsense.api;

import java.util.function.Supplier;

/**
 * Makes the store calls a piece of work does on the calling thread commit together, once, at its end: an
 * optimisation for consumers that make many small writes per batch of events (one commit instead of one per call).
 * Every call inside stays atomic on its own (a failed call is undone alone); if the work throws, everything it wrote
 * is undone, which a log consumer's retry from its committed offset makes good. Reads inside see the work's own writes.
 * Nested runs join the outer one.
 */
public interface UnitOfWork {

  /** Runs the work as it is: each store call commits on its own. */
  UnitOfWork NONE = new UnitOfWork() {
    @Override
    public <T> T run(Supplier<T> work) {
      return work.get();
    }
  };

  <T> T run(Supplier<T> work);
}
