package io.shopsense.api.campaign;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a person chose in the preference centre: the channels they want messages on, the topics they muted and how
 * often they want promotional messages. Applies to promotional and service messages, never to transactional ones.
 *
 * @param channels    the channels the person accepts; empty when they never chose, which accepts every channel
 * @param mutedTopics topics the person does not want
 * @param frequency   how often the person wants promotional messages at most
 */
public record ContactPreferences(PersonId person, Set<Channel> channels, Set<String> mutedTopics,
    Frequency frequency, Instant updatedAt) {

  /** How often a person wants promotional messages, counted in their own time zone. */
  public enum Frequency {
    /** No personal limit (the shop's caps still apply). */
    ANY,
    /** At most one per local day. */
    DAILY,
    /** At most one per local week. */
    WEEKLY
  }

  public ContactPreferences {
    if (person == null || frequency == null || updatedAt == null) {
      throw new IllegalArgumentException("preferences need a person, a frequency and when they were set");
    }
    channels = channels == null || channels.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Channel.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(channels));
    TreeSet<String> topics = new TreeSet<>();
    if (mutedTopics != null) {
      for (String t : mutedTopics) {
        if (t == null || t.isBlank() || t.length() > 200) {
          throw new IllegalArgumentException("a muted topic has 1 to 200 characters, got " + t);
        }
        topics.add(t.strip());
      }
    }
    mutedTopics = Collections.unmodifiableSet(topics);
  }

  /** A person who never visited the preference centre: everything accepted. */
  public static ContactPreferences none(PersonId person) {
    return new ContactPreferences(person, Set.of(), Set.of(), Frequency.ANY, Instant.EPOCH);
  }

  public boolean accepts(Channel channel) {
    return channels.isEmpty() || channels.contains(channel);
  }
}
