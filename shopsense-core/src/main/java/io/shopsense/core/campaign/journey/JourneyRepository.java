package io.shopsense.core.campaign.journey;

import io.shopsense.api.journey.JourneyStore;
import io.shopsense.api.journey.StoredJourney;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Journey definitions with their meaning: saves a definition only when it validates (JSON or YAML in, canonical JSON
 * stored), and hands the engine parsed definitions, cached (a saved version never changes). Thread-safe.
 */
public final class JourneyRepository {
  private final JourneyStore store;
  private final Clock clock;
  private final JourneyParser parser = new JourneyParser();
  private final Map<String, JourneyDefinition> parsed = new ConcurrentHashMap<>();
  private volatile List<JourneyDefinition> live;

  public JourneyRepository(JourneyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Validates and saves a definition (format guessed: JSON when it starts with '{'), live or not; returns it parsed.
   *
   * @throws InvalidJourneyException with every problem, when it does not validate; nothing is saved then
   * @throws IllegalStateException when that id and version are already saved with other content
   */
  public JourneyDefinition save(String text, boolean live) {
    JourneyParser.Format format = JourneyParser.sniff(text);
    JourneyDefinition definition = parser.parse(text, format);
    String json = parser.canonicalJson(text, format);
    store.saveDefinition(new StoredJourney(definition.id(), definition.version(), json, live, clock.instant()));
    store.setLive(definition.id(), definition.version(), live);
    parsed.put(key(definition.id(), definition.version()), definition);
    this.live = null;
    return definition;
  }

  /** Makes a saved version live or not; false when it is not saved. */
  public boolean setLive(String journeyId, int version, boolean isLive) {
    boolean done = store.setLive(journeyId, version, isLive);
    this.live = null;
    return done;
  }

  /** A saved version, parsed; null when it is not saved. */
  public JourneyDefinition definition(String journeyId, int version) {
    String key = key(journeyId, version);
    JourneyDefinition d = parsed.get(key);
    if (d != null) {
      return d;
    }
    return store.definition(journeyId, version).map(s -> {
      JourneyDefinition p = parser.parse(s.definitionJson(), JourneyParser.Format.JSON);
      parsed.put(key, p);
      return p;
    }).orElse(null);
  }

  /** The journeys taking new enrolments: the latest version of each id, when it is live. */
  public List<JourneyDefinition> live() {
    List<JourneyDefinition> current = live;
    if (current == null) {
      current = store.latestDefinitions().stream().filter(StoredJourney::live)
          .map(s -> definition(s.journeyId(), s.version())).toList();
      live = current;
    }
    return current;
  }

  /** Forgets the cached list of live journeys (after another process changed them). */
  public void refresh() {
    live = null;
  }

  private static String key(String id, int version) {
    return id + "\u0000" + version;
  }
}
