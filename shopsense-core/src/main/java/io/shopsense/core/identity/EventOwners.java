package io.shopsense.core.identity;

import io.shopsense.api.collect.ConsumerOffsets;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.Event;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.core.collect.EventDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whose events these are, for the consumers that follow the log after identity (profiles, campaigns): each event
 * belongs to the person who owns its user id, else its anonymous id. A consumer first waits until the identity
 * consumer has resolved the events it was handed, so that an event of a person who just identified finds them.
 */
public final class EventOwners {
  private EventOwners() {}

  /** The decoded events of each known person, in log order; events of nobody known are left out. */
  public static Map<PersonId, List<Event>> byPerson(List<StoredEvent> events, IdentityGraph graph) {
    List<Event> decoded = new ArrayList<>(events.size());
    Set<Identifier> ids = new HashSet<>();
    for (StoredEvent s : events) {
      Event e = EventDecoder.decode(s.envelope());
      decoded.add(e);
      if (e.meta().userId() != null) {
        ids.add(Identifier.of(e.meta().userId()));
      }
      if (e.meta().anonymousId() != null) {
        ids.add(Identifier.of(e.meta().anonymousId()));
      }
    }
    Map<Identifier, PersonId> owners = graph.personsOf(ids);
    Map<PersonId, List<Event>> byPerson = new LinkedHashMap<>();
    for (Event e : decoded) {
      PersonId person = e.meta().userId() == null ? null : owners.get(Identifier.of(e.meta().userId()));
      if (person == null && e.meta().anonymousId() != null) {
        person = owners.get(Identifier.of(e.meta().anonymousId()));
      }
      if (person != null) {
        byPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(e);
      }
    }
    return byPerson;
  }

  /**
   * Waits until the identity consumer's committed position reaches {@code seq}; an {@link IllegalStateException}
   * after {@code wait} (the pipeline then retries the batch).
   */
  public static void awaitIdentity(ConsumerOffsets offsets, String identityConsumer, long seq, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (offsets.get(identityConsumer) < seq) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("identity has not reached event " + seq + " after " + wait);
      }
      Thread.sleep(5);
    }
  }
}
