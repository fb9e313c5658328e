package io.shopsense.platform;

import io.shopsense.api.id.PersonId;
import io.shopsense.core.profile.Profile;
import io.shopsense.core.profile.ProfileService;
import io.shopsense.core.recommend.serve.PersonContext;
import io.shopsense.core.recommend.serve.PersonContexts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The serving contexts of persons, read from their profiles: region = the {@code country} trait (or the country of the
 * {@code address} trait), segments, interests = favourite categories then interest tags, and the products bought
 * (from the last training's data). A bounded cache (least recently used out) serves a context for {@code ttl} before
 * reading it again, so the serving path reads a profile at most once per person and ttl. Thread-safe.
 */
final class ProfileContexts implements PersonContexts {
  private final ProfileService profiles;
  private final BoughtProducts bought;
  private final Clock clock;
  private final Duration ttl;
  private final Map<PersonId, Cached> cache;

  private record Cached(Optional<PersonContext> context, Instant readAt) {}

  ProfileContexts(ProfileService profiles, BoughtProducts bought, Clock clock, int size,
      Duration ttl) {
    this.profiles = profiles;
    this.bought = bought;
    this.clock = clock;
    this.ttl = ttl;
    this.cache = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<PersonId, Cached> eldest) {
        return size() > size;
      }
    };
  }

  @Override
  public Optional<PersonContext> find(PersonId person) {
    Instant now = clock.instant();
    synchronized (cache) {
      Cached c = cache.get(person);
      if (c != null && now.isBefore(c.readAt().plus(ttl))) {
        return c.context();
      }
    }
    Optional<PersonContext> context = profiles.find(person).map(this::context);
    synchronized (cache) {
      cache.put(person, new Cached(context, now));
    }
    return context;
  }

  /** Forgets every cached context (after a training: the bought products changed). */
  void invalidateAll() {
    synchronized (cache) {
      cache.clear();
    }
  }

  private PersonContext context(Profile p) {
    Set<String> interests = new LinkedHashSet<>();
    if (p.behaviour() != null && p.behaviour().favouriteCategories() != null) {
      interests.addAll(p.behaviour().favouriteCategories());
    }
    interests.addAll(p.interests().keySet());
    return new PersonContext(p.person(), region(p.traits()), p.segments(), new ArrayList<>(interests),
        bought.of(p.person()));
  }

  static String region(Map<String, Object> traits) {
    Object country = traits.get("country");
    if (country == null && traits.get("address") instanceof Map<?, ?> address) {
      country = address.get("country");
    }
    return country instanceof String s ? s.trim() : "";
  }

  int size() {
    synchronized (cache) {
      return cache.size();
    }
  }
}
