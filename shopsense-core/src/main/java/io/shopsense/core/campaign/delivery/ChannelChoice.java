package io.shopsense.core.campaign.delivery;

import io.shopsense.api.campaign.Channel;
import java.util.List;

/**
 * The channel chosen for a person ({@link Chosen}, with the address to use and why), or {@link None} with the reason
 * each candidate channel was passed over.
 */
public sealed interface ChannelChoice {

  record Chosen(Channel channel, String address, String reason) implements ChannelChoice {}

  record None(List<String> reasons) implements ChannelChoice {
    public None {
      reasons = List.copyOf(reasons);
    }
  }
}
