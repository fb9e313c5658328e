package io.shopsense.server.web.campaign;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.campaign.ContactPreferences;
import io.shopsense.api.campaign.ContactPreferences.Frequency;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.platform.Platform;
import io.shopsense.platform.campaign.CampaignStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person's contact choices as the preference centre page ({@code /s/p}) and {@code /v1/me/preferences} show and
 * take them: the channels they accept, their preferred channel, how often they want promotional messages, the topics
 * they muted and whether they unsubscribed from all marketing. They live in three places: the
 * {@link ContactPreferences}, the {@value #PREFERRED_CHANNEL} trait and an unsubscribe {@link ContactBlock} of
 * everything.
 *
 * @param channels  the accepted channels, never empty (a person who never chose accepts every one)
 * @param preferred the preferred channel, null for none; one of {@code channels}
 */
record PreferenceChoices(Set<Channel> channels, Channel preferred, Frequency frequency, Set<String> mutedTopics,
    boolean unsubscribedAll) {
  static final String PREFERRED_CHANNEL = "preferred_channel";
  static final int MAX_TOPICS = 100;
  static final int MAX_TOPIC_LENGTH = 200;

  PreferenceChoices {
    channels = Collections.unmodifiableSet(EnumSet.copyOf(channels));
    mutedTopics = Collections.unmodifiableSet(new TreeSet<>(mutedTopics));
  }

  /** The person's saved choices (everything accepted, nothing muted, for a person who never chose). */
  static PreferenceChoices load(Platform platform, PersonId person) {
    CampaignStores stores = platform.campaigns().stores();
    ContactPreferences saved = stores.preferences().find(person).orElse(ContactPreferences.none(person));
    Set<Channel> channels = saved.channels().isEmpty() ? EnumSet.allOf(Channel.class) : saved.channels();
    Channel preferred = platform.stores().traitStore().get(person).text(PREFERRED_CHANNEL).flatMap(Channel::fromWire)
        .filter(channels::contains).orElse(null);
    boolean unsubscribed = stores.blocks().of(List.of(person)).getOrDefault(person, List.of()).stream()
        .anyMatch(b -> b.kind() == ContactBlock.Kind.UNSUBSCRIBED && b.scope() == ContactBlock.Scope.ALL);
    return new PreferenceChoices(channels, preferred, saved.frequency(), saved.mutedTopics(), unsubscribed);
  }

  /**
   * Choices from their wire form; an {@link IllegalArgumentException} naming the first problem for an unknown
   * channel or frequency, no channel at all (while still subscribed), a preferred channel not accepted, or too many or
   * too long topics.
   *
   * @param channels  channel wire names; null for every channel
   * @param preferred a channel wire name; null or blank for none
   * @param frequency {@code any}, {@code daily} or {@code weekly}; null or blank for {@code any}
   */
  static PreferenceChoices parse(Collection<String> channels, String preferred, String frequency,
      Collection<String> mutedTopics, boolean unsubscribedAll) {
    Set<Channel> accepted = EnumSet.noneOf(Channel.class);
    if (channels == null) {
      accepted = EnumSet.allOf(Channel.class);
    } else {
      for (String c : channels) {
        accepted.add(Channel.parse(c));
      }
    }
    if (accepted.isEmpty()) {
      if (!unsubscribedAll) {
        throw new IllegalArgumentException("choose at least one channel, or unsubscribe from all marketing");
      }
      accepted = EnumSet.allOf(Channel.class); // unsubscribed: the channels no longer matter
    }
    Channel preferredChannel = null;
    if (preferred != null && !preferred.isBlank()) {
      preferredChannel = Channel.parse(preferred);
      if (!accepted.contains(preferredChannel)) {
        throw new IllegalArgumentException("the preferred channel '" + preferredChannel.wireName()
            + "' is not one of the accepted channels");
      }
    }
    return new PreferenceChoices(accepted, preferredChannel, frequency(frequency), topics(mutedTopics),
        unsubscribedAll);
  }

  private static Frequency frequency(String wire) {
    if (wire == null || wire.isBlank()) {
      return Frequency.ANY;
    }
    String n = wire.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(Frequency.values()).filter(f -> f.name().equals(n)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown frequency '" + wire + "'; known: any, daily, weekly"));
  }

  private static Set<String> topics(Collection<String> given) {
    Set<String> out = new TreeSet<>();
    if (given != null) {
      for (String t : given) {
        if (t == null || t.isBlank()) {
          continue;
        }
        if (t.strip().length() > MAX_TOPIC_LENGTH) {
          throw new IllegalArgumentException("a muted topic has at most " + MAX_TOPIC_LENGTH + " characters");
        }
        out.add(t.strip());
      }
    }
    if (out.size() > MAX_TOPICS) {
      throw new IllegalArgumentException("at most " + MAX_TOPICS + " muted topics");
    }
    return out;
  }

  /** Topics from the page's comma-separated text. */
  static List<String> splitTopics(String text) {
    return text == null ? List.of() : Arrays.asList(text.split(","));
  }

  /**
   * Saves the choices for the person: the preferences, the preferred-channel trait (empty for none) and the
   * unsubscribe block, added with {@code source} or lifted (a re-subscribe lifts the block whatever set it). Returns
   * whether the person is newly unsubscribed.
   */
  boolean save(Platform platform, PersonId person, String source, Instant now) {
    CampaignStores stores = platform.campaigns().stores();
    stores.preferences().save(new ContactPreferences(person, channels, mutedTopics, frequency, now));
    platform.stores().traitStore().set(person, Properties.of(Map.of(PREFERRED_CHANNEL,
        preferred == null ? "" : preferred.wireName())), now);
    if (unsubscribedAll) {
      return stores.blocks().add(ContactBlock.all(person, ContactBlock.Kind.UNSUBSCRIBED, source, now));
    }
    stores.blocks().remove(person, ContactBlock.Kind.UNSUBSCRIBED, ContactBlock.Scope.ALL, "");
    return false;
  }

  /** The wire form (what {@code GET /v1/me/preferences} answers and {@code PUT} takes). */
  Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    channels.forEach(c -> names.add(c.wireName()));
    out.put("channels", names);
    out.put("preferredChannel", preferred == null ? null : preferred.wireName());
    out.put("frequency", frequency.name().toLowerCase(Locale.ROOT));
    out.put("mutedTopics", List.copyOf(mutedTopics));
    out.put("unsubscribedAll", unsubscribedAll);
    return out;
  }
}
