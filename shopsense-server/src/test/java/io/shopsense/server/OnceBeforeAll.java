package io.shopsense.server;

/**
 * Loads a test class's shared data once, from its first {@code @BeforeEach} (where the Spring server is up), and makes
 * every later test fail with the same error if loading failed, instead of loading again on top of a half-loaded shop.
 */
public final class OnceBeforeAll {
  private boolean done;
  private AssertionError failed;

  /** Runs {@code load} the first time; throws its failure then and on every later call. */
  public synchronized void run(Runnable load) {
    if (failed != null) {
      throw failed;
    }
    if (done) {
      return;
    }
    try {
      load.run();
    } catch (AssertionError e) {
      failed = e;
      throw e;
    }
    done = true;
  }
}
