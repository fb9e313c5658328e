package io.shopsense.demo;

import java.util.Arrays;

/**
 * The fixed part of a demo shop: its settings, currency, catalog, calendar and how many people it has. Immutable; each
 * pass over the events starts a fresh {@link Simulation} from it.
 */
final class World {
  /** How many people the pilot run that measures events per person simulates. */
  private static final int PILOT = 400;

  final DemoSettings settings;
  final long seed;
  final long start;
  final long end;
  final Markets.Money money;
  final ShopCatalog catalog;
  final ShopCalendar calendar;
  final int people;

  private World(DemoSettings settings, ShopCatalog catalog, int people) {
    this.settings = settings;
    this.seed = settings.seed();
    this.start = settings.start().toEpochMilli();
    this.end = settings.end().toEpochMilli();
    this.money = catalog.money();
    this.catalog = catalog;
    int[] tops = Arrays.stream(catalog.subs()).map(s -> Taxonomy.sub(s).top()).distinct().toArray();
    this.calendar = new ShopCalendar(seed, start, end, tops);
    this.people = people;
  }

  /**
   * The world of the settings. Without an explicit number of people it runs a pilot of {@value #PILOT} people over
   * the same period to measure events per person, and sizes the shop to reach the target. A small shop's few people
   * vary a lot, so up to {@value #REFINE_UP_TO} events it also counts the events of that size and, if another size
   * comes closer to the target, takes that one.
   */
  static World of(DemoSettings s) {
    Markets.Money money = Markets.money(s.currency());
    long start = s.start().toEpochMilli();
    long end = s.end().toEpochMilli();
    if (s.customers() > 0) {
      return sized(s, s.customers(), money);
    }
    int guess = (int) Math.max(1, Math.min(DemoSettings.MAX_CUSTOMERS, s.targetEvents() / 40));
    int products = s.products() > 0 ? s.products() : DemoSettings.productsFor(guess);
    World pilot = new World(s, CatalogBuilder.build(s.seed(), products, start, end, money), PILOT);
    double perPerson = Math.max(1, count(pilot) / (double) PILOT);
    World world = sized(s, people(s.targetEvents() / perPerson), money);
    if (s.targetEvents() > REFINE_UP_TO) {
      return world;
    }
    long events = Math.max(1, count(world));
    World other = sized(s, people(world.people * (double) s.targetEvents() / events), money);
    if (other.people == world.people) {
      return world;
    }
    return Math.abs(count(other) - s.targetEvents()) < Math.abs(events - s.targetEvents()) ? other : world;
  }

  private static final long REFINE_UP_TO = 300_000;

  private static World sized(DemoSettings s, int people, Markets.Money money) {
    int products = s.products() > 0 ? s.products() : DemoSettings.productsFor(people);
    return new World(s, CatalogBuilder.build(s.seed(), products, s.start().toEpochMilli(), s.end().toEpochMilli(),
        money), people);
  }

  private static int people(double estimate) {
    return (int) Math.max(1, Math.min(DemoSettings.MAX_CUSTOMERS, Math.round(estimate)));
  }

  /** The number of events a pass over the world generates (simulated only, nothing written). */
  private static long count(World world) {
    Simulation run = new Simulation(world);
    long events = 0;
    for (int n = run.nextDay(); n >= 0; n = run.nextDay()) {
      events += n;
    }
    return events;
  }
}
