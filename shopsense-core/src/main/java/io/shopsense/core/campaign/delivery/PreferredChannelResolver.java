package io.shopsense.core.campaign.delivery;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.privacy.ConsentDecision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the channel for one message to one person: the person's preferred channel if they can be reached there and
 * (for promotional messages) consented to it, else the first of the campaign's channels, in its order, that passes
 * the same two checks. Reasons say why each candidate was passed over, so a message reaching nobody is explained.
 */
public final class PreferredChannelResolver {

  /** Where a person can be reached on a channel: their address there, or empty (no email, no device). */
  @FunctionalInterface
  public interface Addresses {
    Optional<String> address(PersonId person, Channel channel);
  }

  private final ConsentCheck consent;
  private final Addresses addresses;

  public PreferredChannelResolver(ConsentCheck consent, Addresses addresses) {
    this.consent = consent;
    this.addresses = addresses;
  }

  /**
   * @param preferred      the person's preferred channel, from their preferences; empty when they chose none
   * @param campaignOrder  the campaign's channels, best first (not empty)
   * @param promotional    whether the message needs marketing consent for the channel (transactional and service
   *                       messages do not; the contact-pressure policy decides what else applies to them)
   */
  public ChannelChoice choose(PersonId person, Optional<Channel> preferred, List<Channel> campaignOrder,
      boolean promotional) {
    if (campaignOrder == null || campaignOrder.isEmpty()) {
      throw new IllegalArgumentException("a campaign needs at least one channel");
    }
    Set<Channel> candidates = new LinkedHashSet<>();
    preferred.ifPresent(candidates::add);
    candidates.addAll(campaignOrder);
    List<String> reasons = new ArrayList<>();
    for (Channel channel : candidates) {
      boolean isPreferred = preferred.isPresent() && preferred.get() == channel;
      if (isPreferred && !campaignOrder.contains(channel)) {
        reasons.add(channel.wireName() + ": preferred, but not a channel of this campaign");
        continue;
      }
      Optional<String> address = addresses.address(person, channel);
      if (address.isEmpty() || address.get().isBlank()) {
        reasons.add(channel.wireName() + ": no address for the person");
        continue;
      }
      if (promotional) {
        ConsentDecision decision = consent.check(person, channel.purpose());
        if (decision instanceof ConsentDecision.Refused refused) {
          reasons.add(channel.wireName() + ": " + refused.reason() + " for " + channel.purpose().wireName());
          continue;
        }
      }
      String why = isPreferred ? "the person's preferred channel"
          : preferred.isPresent() ? "the campaign's next channel after: " + String.join("; ", reasons)
          : "the campaign's first reachable channel" + (reasons.isEmpty() ? "" : " after: " + String.join("; ",
              reasons));
      return new ChannelChoice.Chosen(channel, address.get(), why);
    }
    return new ChannelChoice.None(reasons);
  }
}
