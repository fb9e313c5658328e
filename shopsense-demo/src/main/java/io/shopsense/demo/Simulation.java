package io.shopsense.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One pass over the period, a UTC day at a time: decides who visits that day and when (in their habitual local
 * hours), runs the sessions and the scheduled follow-ups (cancellations, refunds, reviews) in time order, and hands
 * back the day's events sorted by timestamp. Memory stays bounded by one day of events plus the people's state.
 */
final class Simulation {
  static final long DAY = ShopCalendar.DAY;
  private static final Comparator<Ev> BY_TIME = (a, b) -> a.ts != b.ts ? Long.compare(a.ts, b.ts)
      : Integer.compare(a.seq, b.seq);
  private static final Comparator<Work> WORK_ORDER = (a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
      : Integer.compare(a.order, b.order);

  /** A follow-up of an order on a later day. */
  enum TaskType { CANCEL, REFUND, REVIEW }

  private record Task(long at, TaskType type, Person person, Order order, int line) {}

  private record Work(long at, int order, Person person, Task task) {}

  final World world;
  final ShopCatalog catalog;
  final ShopCalendar calendar;
  final Markets.Money money;
  final Person[] people;
  final Sessions sessions;
  final Checkout checkout;
  final Identity identity;
  /** The random stream of the day being simulated. */
  SplittableRandom r;
  int sessionSeq;
  int orderSeq;
  int reviewSeq;

  private final long firstDay;
  private final long lastDay;
  private final List<List<Task>> tasks;
  private long day;
  private long dayEnd;
  private int seq;
  private Ev[] today = new Ev[4_096];
  private int count;
  private List<Ev> spill = new ArrayList<>();

  Simulation(World world) {
    this.world = world;
    this.catalog = world.catalog;
    this.calendar = world.calendar;
    this.money = world.money;
    this.people = new PopulationBuilder(world.seed, world.start, world.end, catalog, world.settings.currency())
        .build(world.people);
    this.identity = new Identity(this);
    this.checkout = new Checkout(this);
    this.sessions = new Sessions(this);
    this.firstDay = Math.floorDiv(world.start, DAY);
    this.lastDay = Math.floorDiv(world.end - 1, DAY);
    int days = (int) (lastDay - firstDay + 1);
    this.tasks = new ArrayList<>(days);
    for (int d = 0; d < days; d++) {
      tasks.add(null);
    }
    this.day = firstDay;
  }

  /** Simulates the next day; returns how many events it has (see {@link #events()}), or -1 after the last day. */
  int nextDay() {
    if (day > lastDay) {
      return -1;
    }
    long dayStart = day * DAY;
    dayEnd = dayStart + DAY;
    r = Draw.stream(world.seed, Draw.DAY, day);
    count = 0;
    List<Ev> carried = spill;
    spill = new ArrayList<>();
    for (Ev e : carried) {
      add(e);
    }
    List<Work> work = plan(dayStart);
    for (Work w : work) {
      if (w.task == null) {
        sessions.visit(w.person, w.at);
      } else {
        follow(w.task);
      }
    }
    Arrays.sort(today, 0, count, BY_TIME);
    int from = 0;
    while (from < count && today[from].ts < world.start) {
      from++;
    }
    int to = count;
    while (to > from && today[to - 1].ts >= world.end) {
      to--;
    }
    if (from > 0) {
      System.arraycopy(today, from, today, 0, to - from);
    }
    count = to - from;
    tasks.set((int) (day - firstDay), null);
    day++;
    return count;
  }

  /** The events of the day last simulated, in timestamp order, in the first {@link #nextDay()} slots. */
  Ev[] events() {
    return today;
  }

  private List<Work> plan(long dayStart) {
    List<Work> work = new ArrayList<>();
    double traffic = calendar.traffic(dayStart);
    ShopCalendar.Promotion promo = calendar.promotion(dayStart);
    long midday = dayStart + DAY / 2;
    for (Person p : people) {
      if (p.acquiredAt >= dayEnd) {
        continue;
      }
      double a = p.activity(midday);
      double lambda;
      if (a > 0) {
        lambda = p.rate * a * traffic * (promo == null ? 1 : 0.6 + 0.8 * p.promoAffinity);
        if (p.dueSize > 0 && p.dueBy(dayEnd) >= 0) {
          lambda += 0.15;
        }
      } else if (promo != null && p.registered && p.acceptsMarketing && dayStart >= p.churnAt) {
        lambda = p.rate * 0.05 * promo.traffic(); // a promotion e-mail wins a lapsed customer back now and then
      } else {
        continue;
      }
      int k = Draw.poisson(r, lambda);
      boolean arrives = p.kind != Person.Kind.EXISTING && p.acquiredAt >= dayStart;
      if (arrives) {
        k = Math.max(k, 1);
      }
      if (k == 0) {
        continue;
      }
      int offset = p.city.rules().getOffset(Instant.ofEpochMilli(midday)).getTotalSeconds();
      for (int j = 0; j < k; j++) {
        long at = arrives && j == 0 ? p.acquiredAt : sessionStart(p, dayStart, offset);
        if (at >= world.start && at < world.end && (!arrives || at >= p.acquiredAt)) {
          work.add(new Work(at, work.size(), p, null));
        }
      }
    }
    List<Task> due = tasks.get((int) (day - firstDay));
    if (due != null) {
      for (Task t : due) {
        work.add(new Work(t.at, work.size(), t.person, t));
      }
    }
    work.sort(WORK_ORDER);
    return work;
  }

  /** A start time on the UTC day around one of the person's habitual local hours (sometimes any waking hour). */
  private long sessionStart(Person p, long dayStart, int offsetSeconds) {
    double hour;
    if (Draw.chance(r, 0.12)) {
      hour = Draw.uniform(r, 7, 24);
    } else {
      hour = (Draw.chance(r, p.peakShare) ? p.peak1 : p.peak2) + p.spread * Draw.gaussian(r);
    }
    long local = (long) (hour * 3_600_000L);
    return dayStart + Math.floorMod(local - offsetSeconds * 1_000L, DAY);
  }

  private void follow(Task task) {
    switch (task.type) {
      case CANCEL -> checkout.cancel(task.person, task.order, task.at);
      case REFUND -> checkout.refund(task.person, task.order, task.line, task.at);
      case REVIEW -> checkout.review(task.person, task.order, task.line, task.at);
      default -> throw new IllegalStateException("unknown task " + task.type);
    }
  }

  /** Schedules a follow-up; one after the period is dropped. */
  void schedule(long at, TaskType type, Person person, Order order, int line) {
    if (at >= world.end) {
      return;
    }
    int d = (int) (Math.floorDiv(at, DAY) - firstDay);
    if (tasks.get(d) == null) {
      tasks.set(d, new ArrayList<>());
    }
    tasks.get(d).add(new Task(at, type, person, order, line));
  }

  /** A new event of the visit at t, from the visit's device (with the user id when logged in) and current page. */
  Ev emit(Kind kind, long t, Visit v) {
    Ev e = new Ev();
    e.ts = t;
    e.kind = kind;
    e.visit = v;
    e.person = v.person;
    e.anonymousId = v.device.anonymousId;
    e.userId = v.device.loggedIn ? v.person.userId : null;
    e.path = v.path;
    e.referrer = v.pageReferrer;
    add(e);
    return e;
  }

  /** A new server-side event about the person at t (no session, no device: only the user id). */
  Ev emitServer(Kind kind, long t, Person p) {
    Ev e = new Ev();
    e.ts = t;
    e.kind = kind;
    e.person = p;
    e.userId = p.userId;
    add(e);
    return e;
  }

  private void add(Ev e) {
    e.seq = seq++;
    if (e.ts >= dayEnd) {
      spill.add(e);
      return;
    }
    if (count == today.length) {
      today = Arrays.copyOf(today, count * 2);
    }
    today[count++] = e;
  }

  /** A pause of about {@code medianSeconds} (log-normal), in milliseconds. */
  long gap(double medianSeconds) {
    return 1 + (long) (Draw.logNormal(r, medianSeconds, 0.6) * 1_000);
  }

  boolean chance(double p) {
    return r.nextDouble() < p;
  }
}
