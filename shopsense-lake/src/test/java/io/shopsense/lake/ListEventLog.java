package io.shopsense.lake;

import io.shopsense.api.collect.AppendResult;
import io.shopsense.api.collect.ErasedEvents;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.EventLog;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Just enough of an event log for the pipeline to follow: stored events in a list, read by position. */
final class ListEventLog implements EventLog {
  private final List<StoredEvent> events = new ArrayList<>();

  synchronized void add(List<StoredEvent> more) {
    events.addAll(more);
    notifyAll();
  }

  @Override
  public List<AppendResult> append(List<EventEnvelope> envelopes) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<StoredEvent> find(MessageId messageId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized List<StoredEvent> readAfter(long afterSeq, int max) {
    return events.stream().filter(e -> e.seq() > afterSeq).limit(max).toList();
  }

  @Override
  public List<StoredEvent> readByIdentity(Collection<AnonymousId> anonymousIds, Collection<UserId> userIds,
      long afterSeq, int max) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ErasedEvents erase(Collection<AnonymousId> anonymousIds, Collection<UserId> userIds) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ErasedEvents deleteBefore(Instant cutoff) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized long lastSeq() {
    return events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
  }

  @Override
  public synchronized long count() {
    return events.size();
  }

  @Override
  public synchronized boolean awaitAfter(long afterSeq, Duration timeout) throws InterruptedException {
    if (lastSeq() <= afterSeq) {
      wait(timeout.toMillis());
    }
    return lastSeq() > afterSeq;
  }

  @Override
  public void close() {}
}
