package io.shopsense.store.jdbc;

import io.shopsense.api.collect.AppendResult;
import io.shopsense.api.collect.EventEnvelope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Combines concurrent appends of one process into one transaction, so that they share its lock and its commit (one
 * WAL flush) instead of queueing for both one by one. A caller queues its envelopes and takes the writer lock; whoever
 * holds it writes everything queued so far (up to {@value #MAX_GROUP} envelopes) and hands each caller its results.
 * A message id sent twice within a group is stored once, like a repeat within one append. If a group's transaction
 * fails, each append of it is retried alone, so one bad append fails only its own caller. Thread-safe.
 */
final class GroupCommit {
  static final int MAX_GROUP = 10_000;

  /** Writes the envelopes (unique message ids, in order) in one transaction; returns a result per message id. */
  @FunctionalInterface
  interface Writer {
    Map<String, AppendResult> write(Map<String, EventEnvelope> unique);
  }

  private static final class Pending {
    final List<EventEnvelope> envelopes;
    List<AppendResult> results;
    RuntimeException failure;

    Pending(List<EventEnvelope> envelopes) {
      this.envelopes = envelopes;
    }

    boolean done() {
      return results != null || failure != null;
    }
  }

  private final Writer writer;
  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

  GroupCommit(Writer writer) {
    this.writer = writer;
  }

  List<AppendResult> append(List<EventEnvelope> envelopes) {
    Pending mine = new Pending(List.copyOf(envelopes));
    queue.add(mine);
    lock.lock();
    try {
      // every group completes all its members, so while mine is not done it is still queued
      while (!mine.done()) {
        commit(drain());
      }
    } finally {
      lock.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.results;
  }

  /** The appends waiting for a group (for tests). */
  int queued() {
    return queue.size();
  }

  private List<Pending> drain() {
    List<Pending> group = new ArrayList<>();
    int size = 0;
    Pending p;
    while (size < MAX_GROUP && (p = queue.poll()) != null) {
      group.add(p);
      size += p.envelopes.size();
    }
    return group;
  }

  private void commit(List<Pending> group) {
    try {
      write(group);
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        group.get(0).failure = e;
        return;
      }
      for (Pending p : group) {
        try {
          write(List.of(p));
        } catch (RuntimeException alone) {
          p.failure = alone;
        }
      }
    } finally {
      for (Pending p : group) {
        if (!p.done()) { // an Error escaped: release the callers rather than leave them waiting
          p.failure = new IllegalStateException("the append failed in another thread's group commit");
        }
      }
    }
  }

  private void write(List<Pending> group) {
    Map<String, EventEnvelope> unique = new LinkedHashMap<>();
    group.forEach(p -> p.envelopes.forEach(e -> unique.putIfAbsent(e.messageId().value(), e)));
    Map<String, AppendResult> byId = writer.write(unique);
    Set<String> seen = new HashSet<>();
    for (Pending p : group) {
      List<AppendResult> results = new ArrayList<>(p.envelopes.size());
      for (EventEnvelope e : p.envelopes) {
        AppendResult r = byId.get(e.messageId().value());
        results.add(seen.add(e.messageId().value()) ? r : AppendResult.duplicate(r.seq()));
      }
      p.results = results;
    }
  }
}
