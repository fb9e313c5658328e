package io.shopsense.platform.campaign;

import io.shopsense.api.UnitOfWork;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.collect.ConsumerOffsets;
import io.shopsense.api.delivery.DeliveryChannel;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.api.offer.ItemSlot;
import io.shopsense.api.offer.SharedIdentifiers;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.profile.ProfileChange;
import io.shopsense.api.profile.ProfileChanges;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.SegmentStore;
import io.shopsense.core.campaign.content.LinkSigner;
import io.shopsense.core.campaign.content.TemplateEngine;
import io.shopsense.core.campaign.coupon.CouponCodes;
import io.shopsense.core.campaign.coupon.CouponRedeemer;
import io.shopsense.core.campaign.coupon.CouponService;
import io.shopsense.core.campaign.coupon.OfferAllocator;
import io.shopsense.core.campaign.coupon.ThompsonSampler;
import io.shopsense.core.campaign.delivery.DispatchReport;
import io.shopsense.core.campaign.delivery.InboxChannel;
import io.shopsense.core.campaign.delivery.OutboxDispatcher;
import io.shopsense.core.campaign.flow.MessageFlow;
import io.shopsense.core.campaign.journey.JourneyEngine;
import io.shopsense.core.campaign.journey.JourneyRepository;
import io.shopsense.core.campaign.journey.JourneySignal;
import io.shopsense.core.campaign.policy.ContactPolicy;
import io.shopsense.core.identity.PersonDirectory;
import io.shopsense.core.pipeline.LogConsumer;
import io.shopsense.core.profile.ProfileEngine;
import io.shopsense.platform.delivery.SmtpEmailChannel;
import io.shopsense.platform.delivery.WebhookChannel;
import io.shopsense.platform.delivery.WebhookSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Campaigns and journeys, assembled: the contact-pressure policy, templates, coupons and offers, the message flow,
 * the journey engine with its event follower, the broadcasts, the outbox dispatchers and the scheduler.
 *
 * <p>Threads ({@link #start}): {@code dispatchers} threads deliver from the outbox on every node (claims keep them
 * apart); one scheduler thread, on the node holding the {@value #SCHEDULER_LEASE} lease, follows profile changes
 * (segment and stage signals), advances due journey enrolments and runs due broadcasts. A node that stops holding
 * the lease stops scheduling at its next tick; another takes over once the lease runs out.
 */
public final class Campaigns implements AutoCloseable {
  static final String SCHEDULER_LEASE = "campaign-scheduler";
  static final String CHANGES_OFFSET = "campaign-profile-changes";
  /** The last UTC day (epoch day) whose date traits were scanned. */
  static final String DATE_TRAITS_OFFSET = "campaign-date-traits";
  private static final System.Logger LOG = System.getLogger(Campaigns.class.getName());

  private final CampaignSettings settings;
  private final CampaignStores stores;
  private final Clock clock;
  private final ContactPolicy policy;
  private final LinkSigner signer;
  private final TemplateEngine templates;
  private final CouponService coupons;
  private final CouponRedeemer redeemer;
  private final OfferAllocator offers;
  private final MessageFlow flow;
  private final JourneyRepository journeyRepository;
  private final JourneyEngine journeyEngine;
  private final Broadcasts broadcasts;
  private final CampaignFollower follower;
  private final List<DeliveryChannel> channels;
  private final ProfileChanges changes;
  private final ConsumerOffsets offsets;
  private final ProfileStore profiles;
  private final TraitStore traits;
  private final RandomGenerator random = new SecureRandom();
  private ScheduledExecutorService scheduler;
  private ScheduledExecutorService dispatchPool;
  private volatile boolean holdsLease;

  /** What the campaigns read of the rest of the platform. */
  public record Parts(UnitOfWork unitOfWork, ConsentCheck consent, TraitStore traits, ProfileStore profiles,
      ProfileEngine profileEngine, PersonDirectory persons, SegmentStore segments, ProfileChanges changes,
      ConsumerOffsets offsets, IdentityGraph graph, ItemSlot slot, String identityConsumer) {}

  public Campaigns(CampaignSettings settings, CampaignStores stores, Parts parts, Clock clock) {
    this.settings = settings;
    this.stores = stores;
    this.clock = clock;
    this.changes = parts.changes();
    this.offsets = parts.offsets();
    this.profiles = parts.profiles();
    this.traits = parts.traits();
    IdentityGraph graph = parts.graph();
    this.policy = new ContactPolicy(parts.consent(), stores.contactLog(), stores.blocks(), stores.preferences(),
        stores.suppressions(), settings.policy(), clock, persons -> mergedInto(graph, persons));
    this.signer = new LinkSigner(linkKey(settings.linkKeyFile()), clock);
    this.templates = new TemplateEngine(signer, parts.slot(), settings.linkBase(), settings.linkTtl(),
        settings.slotSize());
    SharedIdentifiers shared = person -> parts.graph().refusals(person).stream()
        .map(r -> new SharedIdentifiers.Shared(r.other().equals(person) ? r.person() : r.other(),
            r.identifier().kind().key()))
        .filter(s -> !s.other().equals(person)).distinct().toList();
    this.coupons = new CouponService(stores.coupons(), shared, new CouponCodes(random, "", 10), clock);
    this.redeemer = new CouponRedeemer(stores.coupons());
    this.offers = new OfferAllocator(stores.offers(), stores.coupons(), new ThompsonSampler(org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create()), clock);
    ProfileRecipients recipients = new ProfileRecipients(parts.traits(), parts.profiles(), stores.preferences(),
        parts.profileEngine());
    this.channels = channels(settings, stores, clock);
    java.util.Set<Channel> configured = java.util.EnumSet.noneOf(Channel.class);
    channels.forEach(c -> configured.add(c.kind()));
    List<Channel> reachable = settings.channelOrder().stream().filter(configured::contains).toList();
    this.flow = new MessageFlow(policy, templates, stores.templates()::find, recipients, stores.outbox(),
        stores.contactLog(), parts.unitOfWork(), parts.consent(), reachable.isEmpty() ? List.of(Channel.IN_APP) : reachable,
        clock);
    this.journeyRepository = new JourneyRepository(stores.journeys(), clock);
    JourneySideEffects effects = new JourneySideEffects(flow, coupons, stores.coupons(), journeyRepository,
        parts.traits(), stores.suppressions(), clock);
    this.journeyEngine = new JourneyEngine(journeyRepository, stores.journeys(), effects,
        new ProfilePersonFacts(parts.profiles(), parts.traits(), parts.persons()), clock, 500);
    this.broadcasts = new Broadcasts(stores.broadcasts(), parts.segments(), flow, parts.unitOfWork(), clock);
    this.follower = new CampaignFollower(journeyEngine, redeemer, this::orderCompleted,
        parts.graph(), parts.offsets(), parts.identityConsumer(), Duration.ofSeconds(60), clock);
  }

  private static List<DeliveryChannel> channels(CampaignSettings settings, CampaignStores stores, Clock clock) {
    List<DeliveryChannel> out = new ArrayList<>();
    out.add(new InboxChannel(stores.inbox(), clock));
    if (settings.smtp() != null) {
      out.add(new SmtpEmailChannel(settings.smtp()));
    }
    for (WebhookSettings w : settings.webhooks()) {
      out.add(new WebhookChannel(w, clock));
    }
    return out;
  }

  /** The link-signing key: read from its file, or made (32 random bytes, owner-only) on the first start. */
  static byte[] linkKey(Path file) {
    try {
      if (Files.exists(file)) {
        byte[] key = Files.readAllBytes(file);
        if (key.length < 32) {
          throw new IllegalStateException("the link key in " + file + " is shorter than 32 bytes");
        }
        return key;
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, key);
      try {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's own permissions protect it
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or make the link key " + file, e);
    }
  }

  /** An order: credited to the last message that reached the person, and to the offer whose coupon it used. */
  private void orderCompleted(PersonId person, io.shopsense.api.event.OrderCompleted order,
      io.shopsense.core.campaign.coupon.RedemptionResult redemption) {
    String orderId = order.order().orderId() == null ? "message:" + order.meta().messageId().value()
        : order.order().orderId().value();
    java.math.BigDecimal value = order.order().value() == null ? java.math.BigDecimal.ZERO : order.order().value();
    stores.outbox().attributeConversion(person, orderId, order.meta().timestamp(), settings.attributionWindow(),
        value);
    if (redemption instanceof io.shopsense.core.campaign.coupon.RedemptionResult.Accepted accepted
        && accepted.grant().key().startsWith(OFFER_GRANT)) {
      String key = accepted.grant().key();
      offers.converted(key.substring(OFFER_GRANT.length(), key.lastIndexOf('|')), person);
    }
  }

  /** The grant key prefix of an offer's coupon: {@code offer:<offer id>|<person>}. */
  static final String OFFER_GRANT = "offer:";

  /** An offer handed to a person: the variant the bandit allocated and the grant of its coupon. */
  public record OfferGrant(io.shopsense.api.offer.Allocation allocation, io.shopsense.api.offer.GrantResult grant) {}

  /**
   * Hands the person a variant of the offer: the Thompson-sampling bandit allocates one among the variants whose
   * coupon pool still has budget (the person's earlier allocation, if any), and its coupon is granted once. Empty
   * when every variant's budget is spent. An order redeeming the coupon counts as the variant's conversion.
   *
   * @throws IllegalArgumentException for an unknown offer
   */
  public Optional<OfferGrant> offerFor(String offerId, PersonId person) {
    Optional<io.shopsense.api.offer.Allocation> allocation = offers.allocate(offerId, person);
    if (allocation.isEmpty()) {
      return Optional.empty();
    }
    io.shopsense.api.offer.Offer offer = stores.offers().offer(offerId).orElseThrow();
    String pool = offer.variants().stream().filter(v -> v.id().equals(allocation.get().variantId())).findFirst()
        .orElseThrow().poolId();
    return Optional.of(new OfferGrant(allocation.get(),
        coupons.grant(pool, person, OFFER_GRANT + offerId + "|" + person.value())));
  }

  /** The consumer that follows the event log for journeys, coupons and attribution (added to the pipeline). */
  public LogConsumer follower() {
    return follower;
  }

  /** Starts the dispatchers and the scheduler (when the settings enable them). */
  public void start() {
    if (!settings.enabled()) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "campaign-scheduler"));
    scheduler.scheduleWithFixedDelay(this::scheduledTick, 0, settings.tickEvery().toMillis(), TimeUnit.MILLISECONDS);
    if (settings.dispatchers() > 0) {
      dispatchPool = Executors.newScheduledThreadPool(settings.dispatchers(), r -> daemon(r, "campaign-dispatch"));
      for (int i = 0; i < settings.dispatchers(); i++) {
        OutboxDispatcher d = dispatcher(settings.node() + "-" + i);
        dispatchPool.scheduleWithFixedDelay(() -> dispatchRound(d), 0, 200, TimeUnit.MILLISECONDS);
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** A dispatcher over this node's channels, asking the policy again before a held message goes. */
  public OutboxDispatcher dispatcher(String node) {
    return new OutboxDispatcher(stores.outbox(), channels, settings.retry(), clock, random, node,
        settings.dispatchLease(), settings.dispatchBatch()).withGate(flow);
  }

  private void dispatchRound(OutboxDispatcher d) {
    try {
      d.drain(50);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "an outbox dispatch round failed; the next round retries", e);
    }
  }

  private void scheduledTick() {
    try {
      Instant now = clock.instant();
      Duration ttl = Duration.ofMillis(Math.max(10_000, settings.tickEvery().toMillis() * 10));
      holdsLease = holdsLease ? stores.leases().renew(SCHEDULER_LEASE, settings.node(), ttl, now)
          : stores.leases().acquire(SCHEDULER_LEASE, settings.node(), ttl, now).map(l -> true).orElse(false);
      if (!holdsLease) {
        return;
      }
      tick(() -> {
        // a long broadcast keeps the lease between its pages, and stops when another node has taken it
        holdsLease = stores.leases().renew(SCHEDULER_LEASE, settings.node(), ttl, clock.instant());
        return holdsLease;
      });
    } catch (RuntimeException e) {
      holdsLease = false;
      LOG.log(System.Logger.Level.WARNING, "a campaign scheduler tick failed; the next tick retries", e);
    }
  }

  /** What one scheduler tick did: signals from profile changes and date traits, enrolments advanced, broadcasts. */
  public record TickReport(int signals, JourneyEngine.TickResult journeys, int broadcasts) {}

  /**
   * One scheduler round on the calling thread, whoever holds the lease (the scheduler thread calls it under the
   * lease; tests and tools call it directly): profile changes become journey signals, due enrolments advance, due
   * broadcasts run.
   */
  public TickReport tick() {
    return tick(() -> true);
  }

  private TickReport tick(java.util.function.BooleanSupplier stillLeader) {
    int signals = followChanges() + dateTraits();
    JourneyEngine.TickResult advanced = journeyEngine.tick();
    int ran = broadcasts.runDue(stillLeader);
    return new TickReport(signals, advanced, ran);
  }

  /** Turns the profile changes after the committed offset into segment and stage signals. */
  private int followChanges() {
    int total = 0;
    while (true) {
      long after = offsets.get(CHANGES_OFFSET);
      List<ProfileChange> page = changes.after(after, 1_000);
      if (page.isEmpty()) {
        return total;
      }
      for (ProfileChange c : page) {
        signal(c).ifPresent(journeyEngine::onSignal);
      }
      offsets.commit(CHANGES_OFFSET, page.get(page.size() - 1).seq());
      total += page.size();
      if (page.size() < 1_000) {
        return total;
      }
    }
  }

  /**
   * Once a day, for the live journeys triggered by a date trait (a birthday, a sign-up anniversary): every person's
   * value of those traits is a signal, and each journey's trigger decides whether today is the day.
   */
  private int dateTraits() {
    long today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toEpochDay();
    if (offsets.get(DATE_TRAITS_OFFSET) >= today) {
      return 0;
    }
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (io.shopsense.core.campaign.journey.JourneyDefinition d : journeyRepository.live()) {
      if (d.trigger() instanceof io.shopsense.core.campaign.journey.Trigger.OnDateTrait t) {
        names.add(t.trait());
      }
    }
    int[] signals = {0};
    if (!names.isEmpty()) {
      List<PersonId> chunk = new ArrayList<>();
      profiles.scanFacts((person, facts) -> {
        chunk.add(person);
        if (chunk.size() >= 2_000) {
          signals[0] += dateSignals(chunk, names);
          chunk.clear();
        }
      });
      signals[0] += dateSignals(chunk, names);
    }
    offsets.commit(DATE_TRAITS_OFFSET, today);
    return signals[0];
  }

  private int dateSignals(List<PersonId> persons, java.util.Set<String> names) {
    if (persons.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    int n = 0;
    for (var e : traits.getAll(persons).entrySet()) {
      for (String name : names) {
        Optional<java.time.LocalDate> date = e.getValue().text(name).flatMap(Campaigns::date);
        if (date.isPresent()) {
          journeyEngine.onSignal(new JourneySignal.DateTraitSeen(e.getKey(), name, date.get(), now));
          n++;
        }
      }
    }
    return n;
  }

  /** A trait's date: {@code 1990-05-17}, or the date part of an ISO timestamp; empty when it is not one. */
  static Optional<java.time.LocalDate> date(String text) {
    String t = text.strip();
    try {
      return Optional.of(java.time.LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<JourneySignal> signal(ProfileChange c) {
    return switch (c.kind()) {
      case SEGMENT_ENTERED -> Optional.of(new JourneySignal.SegmentChanged(c.person(), c.to(), true, c.at()));
      case SEGMENT_EXITED -> Optional.of(new JourneySignal.SegmentChanged(c.person(), c.from(), false, c.at()));
      case LIFECYCLE_STAGE_CHANGED -> Optional.of(new JourneySignal.StageChanged(c.person(), c.from(), c.to(),
          c.at()));
    };
  }

  /**
   * What {@link #installReadyMade} did: the templates and pools it saved (the ids), the journeys it saved and those
   * already saved with the same definition, which it left alone.
   */
  public record ReadyMade(List<String> templates, List<String> pools,
      List<io.shopsense.core.campaign.journey.JourneyDefinition> installed,
      List<io.shopsense.core.campaign.journey.JourneyDefinition> unchanged) {}

  /**
   * Installs the ready-made lifecycle kit: the templates and coupon pools the ready-made journeys use (one the shop
   * already has, perhaps edited, is kept) and the journeys, live or not. A journey version already saved with the
   * same definition is left as it is: saving it again would reset its live flag, stopping a journey a marketer had
   * started. Idempotent.
   *
   * @throws IllegalStateException when a ready-made journey's id and version are saved with another definition
   */
  public ReadyMade installReadyMade(boolean live) {
    Instant now = clock.instant();
    List<String> savedTemplates = new ArrayList<>();
    for (io.shopsense.api.offer.MessageTemplate t : io.shopsense.core.campaign.content.ReadyMadeTemplates.all()) {
      if (stores.templates().find(t.id()).isEmpty()) {
        stores.templates().save(templates.checked(t), now);
        savedTemplates.add(t.id());
      }
    }
    List<String> savedPools = new ArrayList<>();
    for (io.shopsense.api.offer.CouponPool pool : io.shopsense.core.campaign.coupon.ReadyMadePools.all(now)) {
      if (stores.coupons().pool(pool.id()).isEmpty()) {
        coupons.savePool(pool);
        savedPools.add(pool.id());
      }
    }
    io.shopsense.core.campaign.journey.JourneyParser parser = new io.shopsense.core.campaign.journey.JourneyParser();
    List<io.shopsense.core.campaign.journey.JourneyDefinition> installed = new ArrayList<>();
    List<io.shopsense.core.campaign.journey.JourneyDefinition> unchanged = new ArrayList<>();
    for (String text : io.shopsense.core.campaign.journey.ReadyMadeJourneys.texts().values()) {
      io.shopsense.core.campaign.journey.JourneyParser.Format yaml =
          io.shopsense.core.campaign.journey.JourneyParser.Format.YAML;
      io.shopsense.core.campaign.journey.JourneyDefinition d = parser.parse(text, yaml);
      String json = parser.canonicalJson(text, yaml);
      if (stores.journeys().definition(d.id(), d.version()).filter(s -> s.definitionJson().equals(json))
          .isPresent()) {
        unchanged.add(d);
      } else {
        installed.add(journeyRepository.save(text, live));
      }
    }
    return new ReadyMade(savedTemplates, savedPools, installed, unchanged);
  }

  /** Delivers what is due now on the calling thread, until nothing is left (for tests and tools). */
  public DispatchReport dispatchNow() {
    return dispatcher(settings.node() + "-now").drain(1_000);
  }

  public CampaignSettings settings() {
    return settings;
  }

  public CampaignStores stores() {
    return stores;
  }

  public ContactPolicy policy() {
    return policy;
  }

  public TemplateEngine templateEngine() {
    return templates;
  }

  public LinkSigner links() {
    return signer;
  }

  public CouponService coupons() {
    return coupons;
  }

  public OfferAllocator offers() {
    return offers;
  }

  public MessageFlow flow() {
    return flow;
  }

  public JourneyRepository journeys() {
    return journeyRepository;
  }

  public JourneyEngine journeyEngine() {
    return journeyEngine;
  }

  public Broadcasts broadcasts() {
    return broadcasts;
  }

  /**
   * Forgets the person's campaign data (an erasure): contacts, blocks, preferences, suppressions, messages with their
   * tracking, the in-app inbox, journey enrolments, coupon grants and offer allocations. Aggregates stay (budgets
   * spent, variant counts); a unique coupon code is never handed out again. Returns the rows deleted.
   */
  public long erase(PersonId person) {
    List<PersonId> one = List.of(person);
    long n = stores.contactLog().erase(one);
    n += stores.blocks().erase(one);
    n += stores.preferences().erase(one);
    n += stores.suppressions().erase(one);
    n += stores.outbox().erase(person);
    n += stores.inbox().erase(person);
    n += stores.journeys().erase(person);
    n += stores.coupons().erase(person);
    n += stores.offers().erase(person);
    return n;
  }

  @Override
  public void close() {
    for (ScheduledExecutorService s : new ScheduledExecutorService[] {scheduler, dispatchPool}) {
      if (s != null) {
        s.shutdownNow();
        try {
          s.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    if (holdsLease) {
      try {
        stores.leases().release(SCHEDULER_LEASE, settings.node());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "could not release the scheduler lease; it runs out by itself", e);
      }
    }
  }

  /** The persons merged into each person, from the identity graph (one read for all). */
  private static Map<PersonId, List<PersonId>> mergedInto(IdentityGraph graph, Collection<PersonId> persons) {
    Map<PersonId, List<PersonId>> out = new HashMap<>();
    graph.mergesInto(persons).forEach((survivor, merges) -> {
      if (!merges.isEmpty()) {
        out.put(survivor, merges.stream().map(io.shopsense.api.identity.MergeRecord::merged).toList());
      }
    });
    return out;
  }
}
