package io.shopsense.core.campaign.delivery;

import io.shopsense.api.delivery.DeliveryChannel;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryResult;
import io.shopsense.api.delivery.Inbox;
import io.shopsense.api.delivery.InboxMessage;
import io.shopsense.api.delivery.OutboundMessage;
import java.time.Clock;

/**
 * The in-app channel: posts the message into the person's inbox, keyed by its delivery key, so that a second delivery
 * of the key (after a crash) finds the first and adds nothing — exactly once. The link shown with it is the message's
 * {@code link} extra, if any.
 */
public final class InboxChannel implements DeliveryChannel {
  /** The extra ({@link OutboundMessage#data()}) holding the link an in-app message opens. */
  public static final String LINK = "link";

  private final Inbox inbox;
  private final Clock clock;

  public InboxChannel(Inbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  @Override
  public Channel kind() {
    return Channel.IN_APP;
  }

  @Override
  public DeliveryResult deliver(OutboundMessage m) {
    if (!m.recipient().equals(m.key().person().value())) {
      return DeliveryResult.permanent("an in-app message goes to its key's person " + m.key().person()
          + ", not to '" + m.recipient() + "'");
    }
    InboxMessage stored = inbox.post(new InboxMessage(0, m.key().person(), m.key().value(), m.subject(), m.text(),
        m.html(), m.data().getOrDefault(LINK, ""), clock.instant(), null));
    return DeliveryResult.sent("inbox:" + stored.id());
  }

  @Override
  public boolean idempotent() {
    return true;
  }
}
