package io.shopsense.core.identity;

import io.shopsense.api.UnitOfWork;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.PersonId;
import io.shopsense.core.collect.EventDecoder;
import io.shopsense.core.pipeline.LogConsumer;
import java.util.List;

/**
 * Follows the event log and resolves identities (and traits) as the events arrive. A batch's store writes commit
 * together ({@link UnitOfWork}); when a batch fails, its writes are undone and the resolver forgets what it cached, so
 * the retry from the committed position starts from what is stored.
 */
public final class IdentityConsumer implements LogConsumer {
  private final IdentityResolver resolver;
  private final UnitOfWork unitOfWork;
  private final java.util.function.Consumer<java.util.Set<PersonId>> grown;

  public IdentityConsumer(IdentityResolver resolver, UnitOfWork unitOfWork) {
    this(resolver, unitOfWork, persons -> { });
  }

  /**
   * @param grown told, after each batch commits, of the persons that existed before and got another identifier in it
   *              (the consent check reads a person's consent over their identifiers and forgets them)
   */
  public IdentityConsumer(IdentityResolver resolver, UnitOfWork unitOfWork,
      java.util.function.Consumer<java.util.Set<PersonId>> grown) {
    this.resolver = resolver;
    this.unitOfWork = unitOfWork;
    this.grown = grown;
  }

  @Override
  public String name() {
    return "identity";
  }

  @Override
  public long process(List<StoredEvent> events) {
    // one lock per batch (uncontended but for an erasure's forget), so that the resolver's cache, which is not
    // thread-safe, is never cleared under a running batch
    long last;
    synchronized (resolver) {
      last = unitOfWork.run(() -> {
        for (StoredEvent e : events) {
          resolver.observe(EventDecoder.decodeEnvelope(e.envelope()));
        }
        return events.get(events.size() - 1).seq();
      });
    }
    java.util.Set<PersonId> persons;
    synchronized (resolver) {
      persons = resolver.drainGrown();
    }
    if (!persons.isEmpty()) {
      grown.accept(persons);
    }
    return last;
  }

  /**
   * Larger than the default: the commit at the end of a batch writes every page the batch touched, and with batches
   * of 1,000 it was a fifth of the consumer's time during an ingest burst (JFR, embedded store).
   */
  @Override
  public int batchSize() {
    return 5_000;
  }

  /**
   * Makes the resolver forget the owners it caches, now (waiting for a running batch to end): after an erasure, so that
   * no erased identifier stays in memory and none is attributed to the erased person.
   */
  public void forgetCache() {
    synchronized (resolver) {
      resolver.forget();
    }
  }

  @Override
  public void reset() {
    resolver.forget();
  }
}
