package io.shopsense.server.config;

import io.shopsense.api.campaign.Channel;
import io.shopsense.core.campaign.delivery.RetryPolicy;
import io.shopsense.core.campaign.policy.ContactPolicySettings;
import io.shopsense.core.campaign.policy.QuietHours;
import io.shopsense.platform.campaign.CampaignSettings;
import io.shopsense.platform.delivery.SmtpSettings;
import io.shopsense.platform.delivery.WebhookSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shopsense.campaigns.*}: how campaigns and journeys reach people (see {@link CampaignSettings}, which
 * {@link #toSettings} builds and which validates the values). The link-signing key lives in
 * {@code <data-dir>/campaign-link.key}.
 *
 * @param enabled           whether this node runs the campaign scheduler and dispatchers
 * @param linkBase          the public base URL of tracking and preference links ({@code <base>/u}, {@code /p}, ...)
 * @param linkTtl           how long a message's links hold
 * @param dispatchers       threads delivering from the outbox on this node
 * @param dispatchBatch     messages a dispatcher claims at once
 * @param dispatchLease     how long a claim holds
 * @param tickEvery         how often the scheduler advances journeys and starts due broadcasts
 * @param attributionWindow how long after a delivered message an order counts as its conversion
 * @param slotSize          recommended items a template's items slot is filled with
 * @param channelOrder      channels tried, best first, when the person's preference decides
 * @param quietHours        the local window in which promotional and service messages wait
 * @param globalCaps        promotional messages a person gets over all channels a local day and week
 * @param fatigue           when a person counts as fatigued and how rarely they are then contacted
 * @param smtp              the email channel's SMTP server; no host: no email channel
 * @param webhooks          the webhook channels (SMS, push)
 */
@ConfigurationProperties("shopsense.campaigns")
public record CampaignProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("http://localhost:8080/s") String linkBase,
    @DefaultValue("30d") Duration linkTtl,
    @DefaultValue("2") int dispatchers,
    @DefaultValue("100") int dispatchBatch,
    @DefaultValue("1m") Duration dispatchLease,
    @DefaultValue("1s") Duration tickEvery,
    @DefaultValue("7d") Duration attributionWindow,
    @DefaultValue("4") int slotSize,
    @DefaultValue({"email", "in_app", "push", "sms"}) List<String> channelOrder,
    @DefaultValue Quiet quietHours,
    @DefaultValue Caps globalCaps,
    @DefaultValue Fatigue fatigue,
    @DefaultValue Smtp smtp,
    @DefaultValue List<Webhook> webhooks) {

  /** The SMTP connect timeout: a server that does not answer in this long is retried later. */
  static final Duration SMTP_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** How long one SMTP exchange may take. */
  static final Duration SMTP_TIMEOUT = Duration.ofSeconds(30);

  public CampaignProperties {
    channelOrder = channelOrder == null ? List.of() : List.copyOf(channelOrder);
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
  }

  /** Quiet hours as local times ({@code HH:mm}); the window may span midnight. */
  public record Quiet(@DefaultValue("21:00") String start, @DefaultValue("08:00") String end) {}

  /** Caps on promotional messages over every channel. */
  public record Caps(@DefaultValue("3") int perDay, @DefaultValue("10") int perWeek) {}

  /** Fatigued after {@code after} unopened promotional messages in a row; then one per {@code backoff}. */
  public record Fatigue(@DefaultValue("5") int after, @DefaultValue("7d") Duration backoff) {}

  /** The SMTP server of the email channel; an empty host means no email channel. */
  public record Smtp(@DefaultValue("") String host, @DefaultValue("587") int port, @DefaultValue("") String username,
      @DefaultValue("") String password, @DefaultValue("true") boolean startTls, @DefaultValue("") String from,
      @DefaultValue("") String messageIdDomain) {

    @Override
    public String toString() {
      return "Smtp[host=" + host + ", port=" + port + ", username=" + username + ", password=***]";
    }
  }

  /** One webhook channel: sms or push, the provider's URL, the signing secret and the request timeout. */
  public record Webhook(String channel, URI url, String secret, @DefaultValue("10s") Duration timeout) {
    @Override
    public String toString() {
      return "Webhook[channel=" + channel + ", url=" + url + ", secret=***]";
    }
  }

  /** The platform's settings from these, with the link key under {@code dataDir}; errors name the key. */
  public CampaignSettings toSettings(Path dataDir) {
    CampaignSettings defaults = CampaignSettings.defaults(dataDir);
    ContactPolicySettings policy = ContactPolicySettings.defaults()
        .withGlobal(new ContactPolicySettings.Caps(globalCaps.perDay(), globalCaps.perWeek()))
        .withQuietHours(new QuietHours(time("quiet-hours.start", quietHours.start()),
            time("quiet-hours.end", quietHours.end())))
        .withFatigue(fatigue.after(), fatigue.backoff());
    List<Channel> order = channelOrder.stream().map(c -> channel("channel-order", c)).toList();
    List<WebhookSettings> hooks = webhooks.stream().map(w -> new WebhookSettings(channel("webhooks.channel",
        w.channel()), w.url(), w.secret(), w.timeout())).toList();
    return new CampaignSettings(enabled, linkBase, dataDir.resolve("campaign-link.key"), linkTtl, policy,
        smtpSettings(), hooks, order, dispatchers, dispatchBatch, dispatchLease, RetryPolicy.DEFAULT, tickEvery,
        defaults.node(), attributionWindow, slotSize);
  }

  private SmtpSettings smtpSettings() {
    if (smtp == null || smtp.host() == null || smtp.host().isBlank()) {
      return null;
    }
    try {
      return new SmtpSettings(smtp.host(), smtp.port(), smtp.username(), smtp.password(), smtp.startTls(),
          smtp.from(), smtp.messageIdDomain(), SMTP_CONNECT_TIMEOUT, SMTP_TIMEOUT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("shopsense.campaigns.smtp: " + e.getMessage(), e);
    }
  }

  private static Channel channel(String key, String name) {
    try {
      return Channel.parse(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("shopsense.campaigns." + key + ": " + e.getMessage(), e);
    }
  }

  private static LocalTime time(String key, String value) {
    try {
      return LocalTime.parse(value == null ? "" : value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("shopsense.campaigns." + key + " must be a local time HH:mm, not " + value);
    }
  }
}
