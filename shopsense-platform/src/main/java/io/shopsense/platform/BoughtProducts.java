package io.shopsense.platform;

import io.shopsense.api.id.PersonId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The products each person bought (net of refunds) in the data of the last training, for the already-bought rule:
 * replaced whole by each training (and after a restart), read by the serving contexts. Thread-safe.
 */
final class BoughtProducts {
  private final AtomicReference<Map<String, Set<String>>> byPerson = new AtomicReference<>(Map.of());

  Set<String> of(PersonId person) {
    return byPerson.get().getOrDefault(person.value(), Set.of());
  }

  void replace(Map<String, Set<String>> bought) {
    byPerson.set(Map.copyOf(bought));
  }
}
