package io.shopsense.platform;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A store backend, chosen by its id in the settings. An unknown id stops start-up with a message listing the known
 * ones.
 */
public interface StoreProvider {

  String id();

  /** Opens the backend's stores: creates or migrates its schema, recovers its files. */
  Stores open(StoreSettings settings);

  List<StoreProvider> KNOWN = List.of(new EmbeddedStoreProvider(), new PostgresStoreProvider());

  static StoreProvider byId(String id) {
    Map<String, StoreProvider> byId = KNOWN.stream().collect(Collectors.toMap(StoreProvider::id,
        Function.identity()));
    StoreProvider p = byId.get(id);
    if (p == null) {
      throw new IllegalArgumentException("unknown store type '" + id + "'; known types: "
          + KNOWN.stream().map(StoreProvider::id).collect(Collectors.joining(", ")));
    }
    return p;
  }
}
