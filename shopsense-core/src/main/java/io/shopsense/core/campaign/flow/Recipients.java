package io.shopsense.core.campaign.flow;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.id.PersonId;
import io.shopsense.core.campaign.content.PersonContext;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the message flow needs to know about the persons it sends to, read in bulk: their zone, their address per
 * channel, their preferred channel and what templates may show of them. Thread-safe; a person it knows nothing of
 * is missing from the answer.
 */
public interface Recipients {
  /** One person as a message sees them. */
  /**
   * @param activeHours events per local hour of day (24 counts), null when not asked for or unknown: for send-time
   *                    optimisation
   */
  record Recipient(ZoneId zone, Map<Channel, String> addresses, Optional<Channel> preferred, PersonContext context,
      int[] activeHours) {
    public Recipient {
      addresses = Map.copyOf(addresses);
    }

    public Optional<String> address(Channel channel) {
      return Optional.ofNullable(addresses.get(channel));
    }
  }

  /** The persons known, with their active hours when {@code activeHours} is asked for (it costs a profile read). */
  Map<PersonId, Recipient> lookup(Collection<PersonId> persons, boolean activeHours);
}
