package io.shopsense.platform.campaign;

import io.shopsense.api.campaign.Channel;
import io.shopsense.core.campaign.delivery.RetryPolicy;
import io.shopsense.core.campaign.policy.ContactPolicySettings;
import io.shopsense.platform.delivery.SmtpSettings;
import io.shopsense.platform.delivery.WebhookSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * How campaigns and journeys reach people.
 *
 * @param enabled           whether this node runs the scheduler (journeys, broadcasts) and the dispatchers; the
 *                          services answer either way
 * @param linkBase          the public base URL of the tracking and preference links, e.g.
 *                          {@code https://shop.example/s} (links are {@code <base>/u}, {@code /p}, {@code /c},
 *                          {@code /o})
 * @param linkKeyFile       the file holding the key links are signed with (made on first start; keep it, or every
 *                          link sent so far stops working)
 * @param linkTtl           how long a message's links hold
 * @param policy            the one contact-pressure policy
 * @param smtp              the email channel's SMTP server; null: no email channel
 * @param webhooks          the webhook channels (SMS, push), at most one per channel
 * @param channelOrder      the channels tried, best first, when a message lets the person's preference decide
 * @param dispatchers       threads delivering from the outbox on this node
 * @param dispatchBatch     messages a dispatcher claims at once
 * @param dispatchLease     how long a claim holds (longer than a batch takes to deliver)
 * @param retry             retries of a failed delivery
 * @param tickEvery         how often the scheduler advances journeys and starts due broadcasts
 * @param node              this node's name in leases and claims
 * @param attributionWindow how long after a delivered message an order counts as its conversion
 * @param slotSize          recommended items a template's {@code {{#items}}} slot is filled with
 */
public record CampaignSettings(boolean enabled, String linkBase, Path linkKeyFile, Duration linkTtl,
    ContactPolicySettings policy, SmtpSettings smtp, List<WebhookSettings> webhooks, List<Channel> channelOrder,
    int dispatchers, int dispatchBatch, Duration dispatchLease, RetryPolicy retry, Duration tickEvery, String node,
    Duration attributionWindow, int slotSize) {

  public CampaignSettings {
    if (linkBase == null || !(linkBase.startsWith("http://") || linkBase.startsWith("https://"))) {
      throw new IllegalArgumentException("shopsense.campaigns.link-base must be an http(s) URL, not " + linkBase);
    }
    if (linkKeyFile == null) {
      throw new IllegalArgumentException("shopsense.campaigns needs a link key file");
    }
    requirePositive(linkTtl, "link-ttl");
    requirePositive(dispatchLease, "dispatch-lease");
    requirePositive(tickEvery, "tick-every");
    requirePositive(attributionWindow, "attribution-window");
    if (policy == null || retry == null) {
      throw new IllegalArgumentException("shopsense.campaigns needs a contact policy and a retry policy");
    }
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    EnumSet<Channel> seen = EnumSet.noneOf(Channel.class);
    for (WebhookSettings w : webhooks) {
      if (!seen.add(w.kind())) {
        throw new IllegalArgumentException("two webhooks for " + w.kind().wireName());
      }
    }
    if (channelOrder == null || channelOrder.isEmpty()) {
      throw new IllegalArgumentException("shopsense.campaigns.channel-order must name at least one channel");
    }
    channelOrder = List.copyOf(channelOrder);
    if (dispatchers < 0 || dispatchBatch < 1 || slotSize < 0) {
      throw new IllegalArgumentException("dispatchers and slot-size must not be negative and dispatch-batch must be "
          + "positive; got " + dispatchers + ", " + slotSize + ", " + dispatchBatch);
    }
    if (node == null || node.isBlank() || node.length() > 60) {
      throw new IllegalArgumentException("the node name must have 1 to 60 characters, not " + node);
    }
  }

  private static void requirePositive(Duration d, String key) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("shopsense.campaigns." + key + " must be positive, not " + d);
    }
  }

  /** The defaults over a data directory: links to this machine, no email or webhook channel, two dispatchers. */
  public static CampaignSettings defaults(Path dataDir) {
    return new CampaignSettings(true, "http://localhost:8080/s", dataDir.resolve("campaign-link.key"),
        Duration.ofDays(30), ContactPolicySettings.defaults(), null, List.of(),
        List.of(Channel.EMAIL, Channel.IN_APP, Channel.PUSH, Channel.SMS), 2, 100, Duration.ofMinutes(1),
        RetryPolicy.DEFAULT, Duration.ofSeconds(1), defaultNode(), Duration.ofDays(7), 4);
  }

  /** The host name and process id: unique per running node. */
  public static String defaultNode() {
    String host = System.getenv().getOrDefault("HOSTNAME", "node");
    String name = host + "-" + ProcessHandle.current().pid();
    return name.length() > 60 ? name.substring(0, 60) : name;
  }

  public CampaignSettings withSmtp(SmtpSettings smtp) {
    return new CampaignSettings(enabled, linkBase, linkKeyFile, linkTtl, policy, smtp, webhooks, channelOrder,
        dispatchers, dispatchBatch, dispatchLease, retry, tickEvery, node, attributionWindow, slotSize);
  }

  public CampaignSettings withPolicy(ContactPolicySettings policy) {
    return new CampaignSettings(enabled, linkBase, linkKeyFile, linkTtl, policy, smtp, webhooks, channelOrder,
        dispatchers, dispatchBatch, dispatchLease, retry, tickEvery, node, attributionWindow, slotSize);
  }

  public CampaignSettings withEnabled(boolean enabled) {
    return new CampaignSettings(enabled, linkBase, linkKeyFile, linkTtl, policy, smtp, webhooks, channelOrder,
        dispatchers, dispatchBatch, dispatchLease, retry, tickEvery, node, attributionWindow, slotSize);
  }

  public CampaignSettings withLinkBase(String linkBase) {
    return new CampaignSettings(enabled, linkBase, linkKeyFile, linkTtl, policy, smtp, webhooks, channelOrder,
        dispatchers, dispatchBatch, dispatchLease, retry, tickEvery, node, attributionWindow, slotSize);
  }

  public CampaignSettings withDispatch(int dispatchers, int dispatchBatch, Duration dispatchLease) {
    return new CampaignSettings(enabled, linkBase, linkKeyFile, linkTtl, policy, smtp, webhooks, channelOrder,
        dispatchers, dispatchBatch, dispatchLease, retry, tickEvery, node, attributionWindow, slotSize);
  }

  public CampaignSettings withWebhooks(List<WebhookSettings> webhooks) {
    return new CampaignSettings(enabled, linkBase, linkKeyFile, linkTtl, policy, smtp, webhooks, channelOrder,
        dispatchers, dispatchBatch, dispatchLease, retry, tickEvery, node, attributionWindow, slotSize);
  }
}
