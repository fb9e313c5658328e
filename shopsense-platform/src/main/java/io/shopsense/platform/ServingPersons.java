package io.shopsense.platform;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.core.identity.PersonResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The person of a serving request, from memory for a short while: every recommendation request resolves its
 * {@code userId}, {@code anonymousId} or person id, and the identity graph answers that with a store read or two. An
 * answer (found or not) is kept for {@code ttl}, at most {@code size} of them. An erasure forgets all at once (the
 * erasure's cache step); a merge or a new link reaches serving within {@code ttl} — until then a merged-away id serves
 * as itself (the consent check follows merges on its own) and a newly linked identifier as nobody. Thread-safe.
 */
final class ServingPersons implements PersonResolver {
  private record Answer(Optional<PersonId> person, long readAtMillis) {}

  private final PersonResolver directory;
  private final Clock clock;
  private final long ttlMillis;
  private final int size;
  private final ConcurrentHashMap<Object, Answer> answers = new ConcurrentHashMap<>();

  ServingPersons(PersonResolver directory, Clock clock, Duration ttl, int size) {
    this.directory = directory;
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
    this.size = size;
  }

  @Override
  public Optional<PersonId> live(PersonId asked) {
    return answer(asked, () -> directory.live(asked));
  }

  @Override
  public Optional<PersonId> owner(Identifier identifier) {
    return answer(identifier, () -> directory.owner(identifier));
  }

  /** Forgets every answer (an erasure: the erased person must not be served from memory). */
  void forgetAll() {
    answers.clear();
  }

  int size() {
    return answers.size();
  }

  private Optional<PersonId> answer(Object key, Supplier<Optional<PersonId>> read) {
    long now = clock.millis();
    Answer a = answers.get(key);
    if (a != null && now - a.readAtMillis() < ttlMillis && now >= a.readAtMillis()) {
      return a.person();
    }
    if (answers.size() >= size) {
      answers.clear(); // crude but bounded; the active persons come back in one read each
    }
    Answer fresh = new Answer(read.get(), now);
    answers.put(key, fresh);
    return fresh.person();
  }
}
