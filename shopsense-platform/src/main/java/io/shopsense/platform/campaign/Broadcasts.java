package io.shopsense.platform.campaign;

import io.shopsense.api.Slice;
import io.shopsense.api.UnitOfWork;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.BroadcastStore;
import io.shopsense.api.journey.SendSpec;
import io.shopsense.api.journey.StoredBroadcast;
import io.shopsense.api.profile.SegmentStore;
import io.shopsense.core.campaign.flow.MessageFlow;
import io.shopsense.core.campaign.flow.Recipients;
import io.shopsense.core.campaign.flow.SendOutcome;
import io.shopsense.core.campaign.flow.SendRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * One-off campaigns to a segment at a local time in each person's zone. A broadcast runs once, when the earliest
 * zone (UTC+14) reaches its local time: its audience is read page by page, each member's message planned at the
 * local time in their zone (a time already past goes now), checked by the policy, rendered and queued with the
 * contacts, page by page. A run that dies midway (a crash, a lost lease) is resumed from the start by the next
 * scheduler: members already queued are found on record and not counted twice, and the outbox keeps one message per
 * key.
 */
public final class Broadcasts {
  /** Members read, checked, rendered and queued at once. */
  public static final int PAGE = 2_000;
  /** The zone that reaches a local time first. */
  private static final ZoneOffset EARLIEST = ZoneOffset.ofHours(14);

  private final BroadcastStore store;
  private final SegmentStore segments;
  private final MessageFlow flow;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  /** @param unitOfWork the stores' unit of work: a page's messages and the broadcast's counts commit together */
  Broadcasts(BroadcastStore store, SegmentStore segments, MessageFlow flow, UnitOfWork unitOfWork, Clock clock) {
    this.store = store;
    this.segments = segments;
    this.flow = flow;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  /** The same broadcasts sent through another flow (a benchmark's flow without the policy). */
  public Broadcasts withFlow(MessageFlow other) {
    return new Broadcasts(store, segments, other, unitOfWork, clock);
  }

  /**
   * Saves a broadcast to run at its time; an error naming the problem for an unknown segment, a date already past
   * in every zone, or an id in use.
   */
  public StoredBroadcast create(String id, String name, String segment, SendSpec spec, LocalDate date,
      LocalTime localTime, ZoneId fallbackZone) {
    if (segments.definition(segment).isEmpty()) {
      throw new IllegalArgumentException("no segment '" + segment + "'");
    }
    Instant now = clock.instant();
    Instant last = ZonedDateTime.of(date, localTime, ZoneOffset.ofHours(-12)).toInstant();
    if (last.isBefore(now.minus(Duration.ofHours(1)))) {
      throw new IllegalArgumentException("the local time " + date + " " + localTime + " has passed in every zone");
    }
    Instant runAt = ZonedDateTime.of(date, localTime, EARLIEST).toInstant();
    StoredBroadcast b = new StoredBroadcast(id, name, segment, spec, date, localTime, fallbackZone,
        StoredBroadcast.Status.SCHEDULED, runAt.isBefore(now) ? now : runAt, StoredBroadcast.Counts.NONE, now, now);
    if (!store.create(b)) {
      throw new IllegalArgumentException("a broadcast '" + id + "' exists already");
    }
    return b;
  }

  public Optional<StoredBroadcast> find(String id) {
    return store.find(id);
  }

  public List<StoredBroadcast> list(int limit) {
    return store.list(limit);
  }

  /** Cancels a broadcast that has not started; false when it has (or is unknown). */
  public boolean cancel(String id) {
    Optional<StoredBroadcast> b = store.find(id);
    return b.isPresent() && b.get().status() == StoredBroadcast.Status.SCHEDULED
        && store.update(b.get().with(StoredBroadcast.Status.CANCELLED, b.get().counts(), clock.instant()),
            StoredBroadcast.Status.SCHEDULED);
  }

  /**
   * Runs a scheduled broadcast now, before its time (a "send now"), on the calling thread; false when it is not
   * scheduled (already started, done or cancelled) or unknown. Its messages still go at each person's local time.
   */
  public boolean runNow(String id) {
    Optional<StoredBroadcast> b = store.find(id);
    if (b.isEmpty() || b.get().status() != StoredBroadcast.Status.SCHEDULED) {
      return false;
    }
    StoredBroadcast running = b.get().with(StoredBroadcast.Status.RUNNING, StoredBroadcast.Counts.NONE,
        clock.instant());
    return store.update(running, StoredBroadcast.Status.SCHEDULED) && run(running, () -> true);
  }

  /** Runs the broadcasts that are due, and resumes those a dead run left running; returns how many ran. */
  public int runDue() {
    return runDue(() -> true);
  }

  /** {@link #runDue()}, stopping between pages once {@code stillLeader} says this node no longer schedules. */
  public int runDue(BooleanSupplier stillLeader) {
    int ran = 0;
    for (StoredBroadcast b : store.list(1_000)) {
      if (b.status() == StoredBroadcast.Status.RUNNING && run(b, stillLeader)) {
        ran++;
      }
    }
    for (StoredBroadcast b : store.due(clock.instant(), 10)) {
      StoredBroadcast running = b.with(StoredBroadcast.Status.RUNNING, StoredBroadcast.Counts.NONE, clock.instant());
      if (store.update(running, StoredBroadcast.Status.SCHEDULED) && run(running, stillLeader)) {
        ran++;
      }
    }
    return ran;
  }

  /**
   * Runs one broadcast to its end (DONE), or until this node stops leading; whether it finished. Two pages are in
   * hand at a time: while this thread writes one page's plan (one unit of work), a planner thread reads, checks and
   * renders the next (reads only; the pages hold different persons, so one page's writes do not change what the
   * next is decided on). A page planned when this node stops leading is dropped unwritten.
   */
  private boolean run(StoredBroadcast b, BooleanSupplier stillLeader) {
    if (!stillLeader.getAsBoolean()) {
      return false;
    }
    ExecutorService planner = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "broadcast-planner");
      t.setDaemon(true);
      return t;
    });
    try {
      StoredBroadcast.Counts counts = StoredBroadcast.Counts.NONE;
      Future<Page> next = planner.submit(() -> page(b, null));
      while (true) {
        Page page = await(next);
        next = page.next() == null ? null : planner.submit(() -> page(b, page.next()));
        StoredBroadcast.Counts before = counts;
        // one commit for the page's messages and the progress they make (on the embedded store each commit writes)
        counts = unitOfWork.run(() -> {
          StoredBroadcast.Counts after = before.plus(page.write(flow));
          store.update(b.with(StoredBroadcast.Status.RUNNING, after, clock.instant()), StoredBroadcast.Status.RUNNING);
          return after;
        });
        if (page.next() == null) {
          break;
        }
        if (!stillLeader.getAsBoolean()) {
          return false;
        }
      }
      return store.update(b.with(StoredBroadcast.Status.DONE, counts, clock.instant()),
          StoredBroadcast.Status.RUNNING);
    } finally {
      planner.shutdownNow();
    }
  }

  /** A page of the audience, planned: its size, its plan, and the cursor of the page after it (null: the last). */
  private record Page(int members, MessageFlow.Plan plan, String next) {
    StoredBroadcast.Counts write(MessageFlow flow) {
      long queued = 0;
      long suppressed = 0;
      long held = 0;
      for (SendOutcome o : flow.write(plan)) {
        if (o instanceof SendOutcome.Queued) {
          queued++;
        } else if (o instanceof SendOutcome.Held) {
          held++;
        } else {
          suppressed++; // suppressed by a rule, or unsendable (no address, no template)
        }
      }
      return new StoredBroadcast.Counts(members, queued, suppressed, held);
    }
  }

  private static Page await(Future<Page> page) {
    try {
      return page.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a broadcast page was planned", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("a broadcast page could not be planned", e.getCause());
    }
  }

  /** Reads the page of members after {@code after} and plans their messages: each at the local time in their zone. */
  private Page page(StoredBroadcast b, String after) {
    Slice<PersonId> slice = segments.members(b.segment(), after, PAGE);
    List<PersonId> members = slice.items();
    if (members.isEmpty()) {
      return new Page(0, flow.plan(List.of(), Map.of()), slice.next());
    }
    Instant now = clock.instant();
    Map<PersonId, Recipients.Recipient> known = flow.recipients().lookup(members, false);
    List<SendRequest> requests = new ArrayList<>(members.size());
    for (PersonId person : members) {
      Recipients.Recipient r = known.get(person);
      ZoneId zone = r == null || r.zone() == null ? b.fallbackZone() : r.zone();
      Instant at = ZonedDateTime.of(b.date(), b.localTime(), zone).toInstant();
      requests.add(SendRequest.at(DeliveryKey.campaign(b.id(), person), b.spec(), at.isBefore(now) ? now : at, null));
    }
    return new Page(members.size(), flow.plan(requests, known), slice.next());
  }
}
