package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.core.identity.PersonResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServingPersonsTest {
  /** Owners in a map, counting the reads (what the cache saves). */
  private static final class Directory implements PersonResolver {
    final Map<Identifier, PersonId> owners = new HashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<PersonId> live(PersonId asked) {
      reads.incrementAndGet();
      return owners.containsValue(asked) ? Optional.of(asked) : Optional.empty();
    }

    @Override
    public Optional<PersonId> owner(Identifier identifier) {
      reads.incrementAndGet();
      return Optional.ofNullable(owners.get(identifier));
    }
  }

  private Instant now = Instant.parse("2026-11-01T00:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final Directory directory = new Directory();
  private final ServingPersons persons = new ServingPersons(directory, clock, Duration.ofSeconds(10), 3);
  private final Identifier ada = new Identifier(IdentifierKind.USER_ID, "ada");
  private final PersonId adaPerson = PersonId.of("p-ada");

  @Test
  void answersFromMemoryWithinTheTimeToLiveThenReadsAgain() {
    directory.owners.put(ada, adaPerson);
    for (int i = 0; i < 50; i++) {
      assertThat(persons.owner(ada)).contains(adaPerson);
    }
    assertThat(directory.reads).hasValue(1);
    directory.owners.put(ada, PersonId.of("p-survivor")); // a merge
    now = now.plusSeconds(9);
    assertThat(persons.owner(ada)).contains(adaPerson);
    now = now.plusSeconds(1);
    assertThat(persons.owner(ada)).contains(PersonId.of("p-survivor"));
    assertThat(directory.reads).hasValue(2);
  }

  @Test
  void forgettingAllServesAnErasedPersonAsNobodyAtOnce() {
    directory.owners.put(ada, adaPerson);
    assertThat(persons.owner(ada)).contains(adaPerson);
    assertThat(persons.live(adaPerson)).contains(adaPerson);
    directory.owners.clear(); // erased
    persons.forgetAll();
    assertThat(persons.owner(ada)).isEmpty();
    assertThat(persons.live(adaPerson)).isEmpty();
  }

  @Test
  void holdsAtMostItsSize() {
    for (int i = 0; i < 10; i++) {
      persons.owner(new Identifier(IdentifierKind.ANONYMOUS_ID, "a" + i));
      assertThat(persons.size()).isLessThanOrEqualTo(3);
    }
  }
}
