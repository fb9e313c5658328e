package io.shopsense.core.privacy;

import java.util.concurrent.Callable;

/**
 * Where an erasure runs: the platform runs it where profiles are written, after the pipeline has caught up, so that
 * no profile write of the person interleaves with it. Rethrows what the work threw.
 */
@FunctionalInterface
public interface ErasureRunner {
  <T> T run(Callable<T> work) throws Exception;

  /** Runs the work here, on the caller's thread. */
  static ErasureRunner direct() {
    return new ErasureRunner() {
      @Override
      public <T> T run(Callable<T> work) throws Exception {
        return work.call();
      }
    };
  }
}
