package io.shopsense.core.consent;

import io.shopsense.api.id.PersonId;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs {@link LedgerConsentCheck#follow()} on a daemon thread at the settings' interval (at most a second), and hands
 * the persons whose consent changed to a listener — the profile writer, which re-derives their features and segments.
 * A failed round is logged (without personal data) and tried again at the next tick.
 */
public final class ConsentFollower implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ConsentFollower.class.getName());

  private final LedgerConsentCheck check;
  private final Consumer<Set<PersonId>> changed;
  private final Thread thread;
  private volatile boolean running = true;

  public ConsentFollower(LedgerConsentCheck check, Consumer<Set<PersonId>> changed) {
    this.check = check;
    this.changed = changed;
    this.thread = new Thread(this::run, "consent-follower");
    thread.setDaemon(true);
  }

  public ConsentFollower start() {
    thread.start();
    return this;
  }

  /** One round now, on the caller's thread: for tests and for callers that need the effect before they go on. */
  public Set<PersonId> followOnce() {
    Set<PersonId> persons = check.follow();
    if (!persons.isEmpty()) {
      changed.accept(persons);
    }
    return persons;
  }

  private void run() {
    long every = check.settings().followEvery().toMillis();
    while (running) {
      try {
        followOnce();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "following the consent ledger failed ({0}); trying again",
            e.getClass().getSimpleName());
      }
      try {
        Thread.sleep(every);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
