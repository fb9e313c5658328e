package io.shopsense.core.campaign.flow;

import io.shopsense.api.UnitOfWork;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContactLog;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.delivery.OutboundMessage;
import io.shopsense.api.delivery.Outbox;
import io.shopsense.api.delivery.OutboxEntry;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.SendSpec;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.core.campaign.content.RenderedMessage;
import io.shopsense.core.campaign.content.TemplateEngine;
import io.shopsense.core.campaign.delivery.ChannelChoice;
import io.shopsense.core.campaign.delivery.PreferredChannelResolver;
import io.shopsense.core.campaign.delivery.SendGate;
import io.shopsense.core.campaign.policy.Candidate;
import io.shopsense.core.campaign.policy.ContactPolicy;
import io.shopsense.core.campaign.policy.SendTime;
import io.shopsense.core.campaign.policy.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Sends messages the one way every campaign and journey does: each request gets a channel (the spec's, or the
 * person's preferred one reachable and consented to), the contact-pressure policy checks the whole batch at once,
 * the allowed and held ones are rendered ({@link #plan}: reads only), and they go into the outbox together with their
 * contacts and the policy's suppressions, in one unit of work ({@link #write}). A held message is rendered now and
 * queued for its release time, marked for a second check: the dispatcher asks this flow (as its {@link SendGate})
 * again then, against the counts of that moment.
 *
 * <p>Contacts are recorded when a message is queued (at its due time), not when a channel confirms it: a message
 * queued for later already counts against the person's caps, so that another campaign cannot fill the same day.
 * Thread-safe: it keeps nothing between calls.
 */
public final class MessageFlow implements SendGate {
  /** Data keys of a held message: what the policy needs to check it again at release. */
  static final String RECHECK = "policy.recheck";
  static final String CATEGORY = "policy.category";
  static final String TOPIC = "policy.topic";
  static final String PRIORITY = "policy.priority";
  static final String ZONE = "policy.zone";

  private final ContactPolicy policy;
  private final TemplateEngine engine;
  private final Function<String, Optional<MessageTemplate>> templates;
  private final Recipients recipients;
  private final Outbox outbox;
  private final ContactLog contacts;
  private final UnitOfWork unitOfWork;
  private final ConsentCheck consent;
  private final List<Channel> channelOrder;
  private final Clock clock;

  /**
   * @param policy       the contact-pressure policy; null switches it off (for a benchmark's baseline only)
   * @param channelOrder the channels this node can deliver through, best first: tried in this order for a spec that
   *                     lets the person's preference decide; a spec naming another channel is unsendable
   */
  public MessageFlow(ContactPolicy policy, TemplateEngine engine, Function<String, Optional<MessageTemplate>> templates,
      Recipients recipients, Outbox outbox, ContactLog contacts, UnitOfWork unitOfWork, ConsentCheck consent,
      List<Channel> channelOrder, Clock clock) {
    if (channelOrder == null || channelOrder.isEmpty()) {
      throw new IllegalArgumentException("the message flow needs at least one channel to try");
    }
    this.policy = policy;
    this.engine = engine;
    this.templates = templates;
    this.recipients = recipients;
    this.outbox = outbox;
    this.contacts = contacts;
    this.unitOfWork = unitOfWork;
    this.consent = consent;
    this.channelOrder = List.copyOf(channelOrder);
    this.clock = clock;
  }

  /** A request that has a channel, an address and a template, waiting for the policy's verdict. */
  private record Prepared(SendRequest request, Recipients.Recipient recipient, Channel channel, String address,
      MessageTemplate template, ContentCategory category, Instant dueAt) {}

  /** Sends the requests (see the class comment); the outcomes in the requests' order. */
  public List<SendOutcome> submit(List<SendRequest> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    Set<PersonId> persons = new LinkedHashSet<>();
    boolean sendTime = false;
    for (SendRequest r : requests) {
      persons.add(r.key().person());
      sendTime |= r.latest() != null;
    }
    return submit(requests, recipients.lookup(persons, sendTime));
  }

  /** The same flow with the contact-pressure policy switched off: only for a benchmark's baseline. */
  public MessageFlow withoutPolicy() {
    return new MessageFlow(null, engine, templates, recipients, outbox, contacts, unitOfWork, consent, channelOrder,
        clock);
  }

  /** The recipients of this flow (a caller that plans by the persons' zones reads them once, for both). */
  public Recipients recipients() {
    return recipients;
  }

  /**
   * {@link #submit(List)} with the persons already looked up (a person missing from {@code known} is unknown; with
   * send-time optimisation, looked up with their active hours): {@link #write} of {@link #plan}.
   */
  public List<SendOutcome> submit(List<SendRequest> requests, Map<PersonId, Recipients.Recipient> known) {
    return write(plan(requests, known));
  }

  /**
   * Messages decided and rendered but not written yet: what {@link #write} stores. A plan is good for a short while
   * (the counts it was decided against move on); a broadcast writes each page's plan while it plans the next.
   */
  public static final class Plan {
    private final SendOutcome[] outcomes;
    private final List<io.shopsense.api.campaign.MessageSuppressed> suppressed;
    private final List<Outbox.Pending> pending;
    private final List<Contact> sent;

    private Plan(SendOutcome[] outcomes, List<io.shopsense.api.campaign.MessageSuppressed> suppressed,
        List<Outbox.Pending> pending, List<Contact> sent) {
      this.outcomes = outcomes;
      this.suppressed = suppressed;
      this.pending = pending;
      this.sent = sent;
    }

    /** What each request will have come to once the plan is written, in the requests' order. */
    public List<SendOutcome> outcomes() {
      return List.of(outcomes);
    }
  }

  /**
   * Decides and renders the requests without writing anything: each gets a channel, the policy's verdict on the
   * whole batch (reading the stores), and the allowed and held ones are rendered. Thread-safe; the store reads run
   * outside any unit of work, so a caller may plan one batch while another thread writes the last.
   */
  public Plan plan(List<SendRequest> requests, Map<PersonId, Recipients.Recipient> known) {
    if (requests.isEmpty()) {
      return new Plan(new SendOutcome[0], List.of(), List.of(), List.of());
    }
    Map<String, Optional<MessageTemplate>> templateOf = new HashMap<>();
    PreferredChannelResolver resolver = new PreferredChannelResolver(consent,
        (person, channel) -> address(known.get(person), person, channel));
    SendOutcome[] outcomes = new SendOutcome[requests.size()];
    List<Prepared> prepared = new ArrayList<>(requests.size());
    List<Integer> index = new ArrayList<>(requests.size());
    List<Candidate> candidates = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      SendRequest r = requests.get(i);
      PersonId person = r.key().person();
      SendSpec spec = r.spec();
      Recipients.Recipient who = known.get(person);
      if (who == null) {
        outcomes[i] = new SendOutcome.Unsendable(r.key(), "the person is unknown (erased or merged away)");
        continue;
      }
      Optional<MessageTemplate> template = templateOf.computeIfAbsent(spec.templateId(), templates);
      if (template.isEmpty()) {
        outcomes[i] = new SendOutcome.Unsendable(r.key(), "no template '" + spec.templateId() + "'");
        continue;
      }
      Optional<ContentCategory> category = ContentCategory.fromWire(spec.contentCategory());
      if (category.isEmpty()) {
        outcomes[i] = new SendOutcome.Unsendable(r.key(), "unknown content category '" + spec.contentCategory() + "'");
        continue;
      }
      Channel channel;
      String address;
      if (SendSpec.PREFERRED.equals(spec.channel())) {
        ChannelChoice choice = resolver.choose(person, who.preferred(), channelOrder,
            category.get() == ContentCategory.PROMOTIONAL);
        if (choice instanceof ChannelChoice.None none) {
          outcomes[i] = new SendOutcome.Unsendable(r.key(), "no channel reaches the person: "
              + String.join("; ", none.reasons()));
          continue;
        }
        ChannelChoice.Chosen chosen = (ChannelChoice.Chosen) choice;
        channel = chosen.channel();
        address = chosen.address();
      } else {
        Optional<Channel> named = Channel.fromWire(spec.channel());
        if (named.isEmpty()) {
          outcomes[i] = new SendOutcome.Unsendable(r.key(), "unknown channel '" + spec.channel() + "'");
          continue;
        }
        channel = named.get();
        if (!channelOrder.contains(channel)) {
          outcomes[i] = new SendOutcome.Unsendable(r.key(), "no " + channel.wireName() + " channel is configured; "
              + "configured: " + channelOrder.stream().map(Channel::wireName).toList());
          continue;
        }
        Optional<String> a = address(who, person, channel);
        if (a.isEmpty()) {
          outcomes[i] = new SendOutcome.Unsendable(r.key(), "no " + channel.wireName() + " address for the person");
          continue;
        }
        address = a.get();
      }
      ZoneId zone = who.zone() == null ? ZoneOffset.UTC : who.zone();
      Instant due = r.dueAt();
      if (r.latest() != null && policy != null) {
        due = SendTime.best(who.activeHours(), zone, r.dueAt(), r.latest(), policy.settings().quietHours());
      }
      prepared.add(new Prepared(r, who, channel, address, template.get(), category.get(), due));
      index.add(i);
      candidates.add(new Candidate(person, r.key().value(), channel, category.get(), spec.topic(), spec.priority(),
          zone));
    }
    if (prepared.isEmpty()) {
      return new Plan(outcomes, List.of(), List.of(), List.of());
    }
    ContactPolicy.Decisions decisions = policy == null ? null : policy.decideAll(candidates);
    List<Outbox.Pending> pending = new ArrayList<>(prepared.size());
    List<Contact> sent = new ArrayList<>(prepared.size());
    for (int k = 0; k < prepared.size(); k++) {
      Prepared p = prepared.get(k);
      int i = index.get(k);
      Verdict v = decisions == null ? Verdict.ALLOW : decisions.verdicts().get(k);
      SendRequest r = p.request();
      if (v instanceof Verdict.Reject reject) {
        outcomes[i] = new SendOutcome.Suppressed(r.key(), reject.rule(), reject.reason());
        continue;
      }
      Verdict.Hold hold = v instanceof Verdict.Hold h ? h : null;
      OutboundMessage message;
      try {
        message = message(p, candidates.get(k), hold != null);
      } catch (RuntimeException e) {
        outcomes[i] = new SendOutcome.Unsendable(r.key(), "template " + p.template().id() + " does not render: "
            + e.getMessage());
        continue;
      }
      if (hold == null) {
        pending.add(new Outbox.Pending(message, p.dueAt()));
        sent.add(Contact.sent(r.key().person(), r.key().value(), p.channel(), p.category(), r.spec().topic(),
            r.spec().priority(), p.dueAt()));
        outcomes[i] = new SendOutcome.Queued(r.key(), p.channel(), p.dueAt());
      } else {
        Instant until = hold.until().isAfter(p.dueAt()) ? hold.until() : p.dueAt();
        pending.add(new Outbox.Pending(message, until));
        outcomes[i] = new SendOutcome.Held(r.key(), p.channel(), until, hold.rule(), hold.reason());
      }
    }
    return new Plan(outcomes, decisions == null ? List.of() : decisions.suppressed(), pending, sent);
  }

  /**
   * Writes a plan in one unit of work: the policy's suppressions, the messages into the outbox and their contacts
   * into the contact log (one commit: on the embedded store each commit writes its pages to the file). Returns the
   * plan's outcomes.
   */
  public List<SendOutcome> write(Plan plan) {
    if (!plan.suppressed.isEmpty() || !plan.pending.isEmpty()) {
      unitOfWork.run(() -> {
        if (!plan.suppressed.isEmpty()) {
          policy.record(plan.suppressed);
        }
        if (!plan.pending.isEmpty()) {
          outbox.enqueue(plan.pending, clock.instant());
          if (!plan.sent.isEmpty()) {
            contacts.record(plan.sent);
          }
        }
        return null;
      });
    }
    return plan.outcomes();
  }

  private OutboundMessage message(Prepared p, Candidate candidate, boolean held) {
    SendRequest r = p.request();
    io.shopsense.core.campaign.content.PersonContext context = p.recipient().context();
    if (r.couponCode() != null) {
      context = context.withCoupon(r.couponCode());
    }
    RenderedMessage rendered = engine.render(p.template(), context, r.key().value());
    Map<String, String> data = new HashMap<>();
    if (!rendered.itemIds().isEmpty()) {
      data.put("items", String.join(",", rendered.itemIds()));
    }
    if (held) {
      data.put(RECHECK, "true");
    }
    // what the policy needs to judge it again when it goes
    data.put(CATEGORY, candidate.category().wireName());
    data.put(TOPIC, candidate.topic());
    data.put(PRIORITY, Integer.toString(candidate.priority()));
    data.put(ZONE, candidate.zone().getId());
    String text = rendered.text().isBlank() ? rendered.subject() : rendered.text();
    String unsubscribe = p.category() == ContentCategory.PROMOTIONAL ? engine.unsubscribeUrl(r.key().person(),
        r.key().value()) : "";
    return new OutboundMessage(r.key(), p.channel(), p.address(), rendered.subject(), text, rendered.html(),
        unsubscribe, data);
  }

  private static Optional<String> address(Recipients.Recipient who, PersonId person, Channel channel) {
    if (who == null) {
      return Optional.empty();
    }
    if (channel == Channel.IN_APP) {
      return Optional.of(person.value()); // the inbox is the person's own
    }
    return who.address(channel);
  }

  /**
   * Before a message goes out. A held one is checked again by the whole policy: allowed, its contact is recorded and
   * it goes; rejected, it is dropped with the rule's reason; held again, it waits once more. Every other message
   * (allowed when queued, perhaps hours ago) must still pass the standing refusals: consent and unsubscribes.
   */
  @Override
  public Decision check(OutboxEntry entry) {
    OutboundMessage m = entry.message();
    if (policy == null || !m.data().containsKey(CATEGORY)) {
      return PROCEED;
    }
    ContentCategory category = ContentCategory.fromWire(m.data().get(CATEGORY)).orElse(ContentCategory.PROMOTIONAL);
    String topic = m.data().getOrDefault(TOPIC, "");
    int priority = Integer.parseInt(m.data().getOrDefault(PRIORITY, "0"));
    ZoneId zone = ZoneId.of(m.data().getOrDefault(ZONE, "UTC"));
    PersonId person = m.key().person();
    Candidate candidate = new Candidate(person, m.key().value(), m.channel(), category, topic, priority, zone);
    if (!"true".equals(m.data().get(RECHECK))) {
      Verdict standing = policy.standing(candidate);
      return standing instanceof Verdict.Reject r ? new Drop("suppressed when it was to go by " + r.rule() + ": "
          + r.reason()) : PROCEED;
    }
    Verdict v = policy.check(candidate);
    if (v instanceof Verdict.Reject reject) {
      return new Drop("suppressed at release by " + reject.rule() + ": " + reject.reason());
    }
    if (v instanceof Verdict.Hold hold) {
      return new Defer(hold.until(), "held again by " + hold.rule() + ": " + hold.reason());
    }
    contacts.record(List.of(Contact.sent(person, m.key().value(), m.channel(), category, topic, priority,
        clock.instant())));
    return PROCEED;
  }
}
