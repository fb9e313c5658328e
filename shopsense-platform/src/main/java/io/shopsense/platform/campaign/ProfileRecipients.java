package io.shopsense.platform.campaign;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.ContactPreferences;
import io.shopsense.api.campaign.PreferenceStore;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.StoredProfile;
import io.shopsense.core.campaign.content.PersonContext;
import io.shopsense.core.campaign.flow.Recipients;
import io.shopsense.core.profile.ProfileEngine;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The persons a message goes to, read from their traits (name, email, phone, push token, time zone, preferred
 * channel), their profile (lifecycle stage, RFM segment, active hours) and their preference centre choices, in
 * three bulk reads per call. A person with neither traits nor a profile is unknown.
 *
 * <p>Trait names follow the identify call's conventions: {@code email}, {@code phone}, {@code push_token},
 * {@code timezone}, {@code name} (else {@code first_name}); {@code preferred_channel} is set by the preference
 * centre.
 */
final class ProfileRecipients implements Recipients {
  static final String PREFERRED_CHANNEL = "preferred_channel";
  private static final List<String> TEXT_TRAITS = List.of("first_name", "last_name", "city", "country", "email");

  private final TraitStore traits;
  private final ProfileStore profiles;
  private final PreferenceStore preferences;
  private final ProfileEngine engine;

  ProfileRecipients(TraitStore traits, ProfileStore profiles, PreferenceStore preferences, ProfileEngine engine) {
    this.traits = traits;
    this.profiles = profiles;
    this.preferences = preferences;
    this.engine = engine;
  }

  @Override
  public Map<PersonId, Recipient> lookup(Collection<PersonId> persons, boolean activeHours) {
    Map<PersonId, Properties> traitsOf = traits.getAll(persons);
    Map<PersonId, StoredProfile> profileOf = profiles.getAll(persons);
    Map<PersonId, ContactPreferences> prefsOf = preferences.find(persons);
    Map<PersonId, Recipient> out = new HashMap<>(persons.size() * 2);
    for (PersonId person : persons) {
      Properties t = traitsOf.get(person);
      StoredProfile profile = profileOf.get(person);
      if (t == null && profile == null) {
        continue;
      }
      Properties p = t == null ? Properties.EMPTY : t;
      Map<Channel, String> addresses = new EnumMap<>(Channel.class);
      p.text("email").filter(s -> s.contains("@")).ifPresent(a -> addresses.put(Channel.EMAIL, a));
      p.text("phone").ifPresent(a -> {
        addresses.put(Channel.SMS, a);
        addresses.put(Channel.MESSAGING_APP, a);
      });
      p.text("push_token").ifPresent(a -> addresses.put(Channel.PUSH, a));
      Optional<Channel> preferred = p.text(PREFERRED_CHANNEL).flatMap(Channel::fromWire);
      ContactPreferences prefs = prefsOf.get(person);
      if (preferred.isEmpty() && prefs != null && prefs.channels().size() == 1) {
        preferred = Optional.of(prefs.channels().iterator().next());
      }
      Map<String, String> shown = new HashMap<>();
      for (String name : TEXT_TRAITS) {
        p.text(name).ifPresent(v -> shown.put(name, v));
      }
      String name = p.text("name").or(() -> p.text("first_name")).orElse(null);
      String stage = profile == null ? null : profile.facts().lifecycleStage();
      String rfm = profile == null ? null : profile.facts().rfmSegment();
      int[] hours = activeHours && profile != null ? hours(profile) : null;
      out.put(person, new Recipient(zone(p), addresses, preferred, new PersonContext(person, name, shown, stage, rfm,
          null), hours));
    }
    return out;
  }

  /** The person's three most active local hours, weighted 3, 2, 1, as a histogram for send-time optimisation. */
  private int[] hours(StoredProfile profile) {
    List<Integer> top = engine.decode(profile).behaviour().view().activeHours();
    if (top.isEmpty()) {
      return null;
    }
    int[] h = new int[24];
    for (int i = 0; i < top.size() && i < 3; i++) {
      h[top.get(i)] += 3 - i;
    }
    return h;
  }

  private static ZoneId zone(Properties p) {
    Optional<String> id = p.text("timezone").or(() -> p.text("time_zone"));
    if (id.isEmpty()) {
      return null;
    }
    try {
      return ZoneId.of(id.get());
    } catch (DateTimeException e) {
      return null; // a zone the shop sent wrongly counts as unknown
    }
  }
}
