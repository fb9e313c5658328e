package io.shopsense.platform.campaign;

import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.api.journey.PersonFacts;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.StoredProfile;
import io.shopsense.core.identity.PersonDirectory;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What journey conditions read about a person: profile fields from the stored facts, traits from the trait store,
 * "did X since" from the profile's last order for orders and from the person's events otherwise (read newest
 * last, at most {@link #MAX_EVENTS} of them), and the time zone from the {@code timezone} trait.
 */
final class ProfilePersonFacts implements PersonFacts {
  static final String ORDER_COMPLETED = "Order Completed";
  private static final int MAX_EVENTS = 20_000;

  private final ProfileStore profiles;
  private final TraitStore traits;
  private final PersonDirectory persons;

  ProfilePersonFacts(ProfileStore profiles, TraitStore traits, PersonDirectory persons) {
    this.profiles = profiles;
    this.traits = traits;
    this.persons = persons;
  }

  @Override
  public Optional<Object> field(PersonId person, String name) {
    Optional<ProfileFacts> facts = facts(person);
    if (facts.isEmpty()) {
      return Optional.empty();
    }
    ProfileFacts f = facts.get();
    Object value = switch (name) {
      case "lifecycleStage", "lifecycle_stage", "stage" -> f.lifecycleStage();
      case "rfmSegment", "rfm_segment" -> f.rfmSegment();
      case "recency" -> f.recency();
      case "frequency" -> f.frequency();
      case "monetary" -> f.monetary();
      case "orders" -> f.orders();
      case "events" -> f.events();
      case "netRevenue", "net_revenue" -> f.netRevenue();
      case "lastOrder", "last_order" -> f.lastOrder();
      case "lastSeen", "last_seen" -> f.lastSeen();
      case "firstSeen", "first_seen" -> f.firstSeen();
      default -> null;
    };
    return Optional.ofNullable(value);
  }

  @Override
  public Optional<Object> trait(PersonId person, String name) {
    Properties t = traits.get(person);
    return t == null ? Optional.empty() : Optional.ofNullable(t.get(name));
  }

  @Override
  public boolean eventSince(PersonId person, String eventName, Instant since) {
    if (ORDER_COMPLETED.equals(eventName)) {
      Optional<ProfileFacts> f = facts(person);
      if (f.isPresent() && f.get().lastOrder() != null && !f.get().lastOrder().isBefore(since)) {
        return true;
      }
    }
    long after = 0;
    int read = 0;
    while (read < MAX_EVENTS) {
      List<StoredEvent> page = persons.events(person, after, 1_000);
      if (page.isEmpty()) {
        return false;
      }
      for (StoredEvent e : page) {
        if (e.envelope().name().equals(eventName) && !e.envelope().timestamp().isBefore(since)) {
          return true;
        }
        after = e.seq();
      }
      read += page.size();
    }
    return false;
  }

  @Override
  public Optional<ZoneId> zone(PersonId person) {
    return trait(person, "timezone").map(Object::toString).flatMap(id -> {
      try {
        return Optional.of(ZoneId.of(id));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    });
  }

  private Optional<ProfileFacts> facts(PersonId person) {
    Map<PersonId, StoredProfile> p = profiles.getAll(List.of(person));
    StoredProfile s = p.get(person);
    return s == null ? Optional.empty() : Optional.of(s.facts());
  }
}
