package io.shopsense.core.campaign.journey;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.Enrolment;
import io.shopsense.api.journey.JourneyStore;
import io.shopsense.api.journey.StoredJourney;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link JourneyStore} in memory for the engine's tests in core (which cannot reach the JDBC store); the JDBC store
 * passes the same contract in {@code shopsense-store-contract}, where the engine is also run against it.
 */
final class MemoryJourneyStore implements JourneyStore {
  private final Map<String, StoredJourney> definitions = new TreeMap<>();
  private final Map<String, Enrolment> enrolments = new LinkedHashMap<>();

  private static String key(String id, int version) {
    return id + "\u0000" + String.format("%09d", version);
  }

  private static String key(Enrolment e) {
    return e.journeyId() + "\u0000" + e.person().value() + "\u0000" + e.entry();
  }

  @Override
  public synchronized void saveDefinition(StoredJourney journey) {
    StoredJourney old = definitions.get(key(journey.journeyId(), journey.version()));
    if (old != null && !old.definitionJson().equals(journey.definitionJson())) {
      throw new IllegalStateException("journey " + journey.journeyId() + " v" + journey.version() + " is saved");
    }
    if (old == null) {
      definitions.put(key(journey.journeyId(), journey.version()), journey);
    }
  }

  @Override
  public synchronized Optional<StoredJourney> definition(String journeyId, int version) {
    return Optional.ofNullable(definitions.get(key(journeyId, version)));
  }

  @Override
  public synchronized List<StoredJourney> latestDefinitions() {
    Map<String, StoredJourney> latest = new TreeMap<>();
    definitions.values().forEach(d -> latest.put(d.journeyId(), d));
    return new ArrayList<>(latest.values());
  }

  @Override
  public synchronized boolean setLive(String journeyId, int version, boolean live) {
    StoredJourney d = definitions.get(key(journeyId, version));
    if (d == null) {
      return false;
    }
    definitions.put(key(journeyId, version), new StoredJourney(journeyId, version, d.definitionJson(), live,
        d.savedAt()));
    return true;
  }

  @Override
  public synchronized boolean enrol(Enrolment enrolment) {
    return enrolments.putIfAbsent(key(enrolment), enrolment) == null;
  }

  @Override
  public synchronized boolean update(Enrolment enrolment) {
    Enrolment old = enrolments.get(key(enrolment));
    if (old == null || old.status() != Enrolment.Status.ACTIVE) {
      return false;
    }
    enrolments.put(key(enrolment), enrolment);
    return true;
  }

  @Override
  public synchronized List<Enrolment> enrolments(String journeyId, PersonId person) {
    return enrolments.values().stream().filter(e -> e.journeyId().equals(journeyId) && e.person().equals(person))
        .sorted(Comparator.comparingInt(Enrolment::entry)).toList();
  }

  @Override
  public synchronized List<Enrolment> active(PersonId person) {
    return enrolments.values().stream()
        .filter(e -> e.person().equals(person) && e.status() == Enrolment.Status.ACTIVE).toList();
  }

  @Override
  public synchronized List<Enrolment> due(Instant now, int limit) {
    return enrolments.values().stream()
        .filter(e -> e.status() == Enrolment.Status.ACTIVE && !e.wakeAt().isAfter(now))
        .sorted(Comparator.comparing(Enrolment::wakeAt)).limit(limit).toList();
  }

  @Override
  public synchronized Map<Enrolment.Status, Long> countByStatus(String journeyId) {
    Map<Enrolment.Status, Long> counts = new EnumMap<>(Enrolment.Status.class);
    enrolments.values().stream().filter(e -> e.journeyId().equals(journeyId))
        .forEach(e -> counts.merge(e.status(), 1L, Long::sum));
    return counts;
  }

  @Override
  public synchronized int erase(PersonId person) {
    int before = enrolments.size();
    enrolments.values().removeIf(e -> e.person().equals(person));
    return before - enrolments.size();
  }
}
