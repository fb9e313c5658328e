package io.shopsense.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Draws the shop's people, each from their own seeded stream so that person {@code i} is the same whatever the size
 * of the shop. About a third are existing customers (signed up before the period), two fifths newcomers acquired
 * during it (more towards its end: the shop grows) and a quarter anonymous visitors who never sign up. Each gets a
 * persona — loyal regular, bargain hunter, big spender, window shopper, one-timer — that sets their visit rate,
 * willingness to buy and lifetime; the lifetime ends in a fade (going silent) and then churn.
 */
final class PopulationBuilder {
  private static final long DAY = ShopCalendar.DAY;
  private static final Person.Persona[] PERSONAS = {Person.Persona.LOYAL, Person.Persona.REGULAR,
      Person.Persona.BARGAIN, Person.Persona.BIG_SPENDER, Person.Persona.WINDOW, Person.Persona.ONE_TIMER};
  private static final double[] PERSONA_SHARE = Draw.cumulative(new double[] {0.14, 0.30, 0.18, 0.06, 0.20, 0.12});
  // per persona: sessions per day, willingness to buy, median lifetime in days, price sensitivity, promo affinity
  private static final double[][] TRAITS = {
      {0.16, 1.5, 420, 0.3, 0.4}, {0.07, 1.0, 220, 0.5, 0.5}, {0.05, 0.8, 180, 0.9, 1.0},
      {0.06, 1.2, 300, 0.1, 0.3}, {0.09, 0.3, 150, 0.6, 0.5}, {0.05, 1.3, 25, 0.5, 0.5}, {0.12, 0.6, 10, 0.6, 0.5}};
  private static final double[] PEAKS = {7.5, 8.5, 10.5, 12.5, 13.0, 15.0, 17.5, 19.5, 20.5, 21.0, 21.5, 22.5, 23.5};
  private static final double[] PEAK_WEIGHTS = Draw.cumulative(
      new double[] {0.6, 0.5, 0.4, 0.9, 0.5, 0.3, 0.5, 1.0, 1.2, 1.2, 1.0, 0.7, 0.3});
  private static final double[] DEVICE_SHARE = Draw.cumulative(new double[] {0.35, 0.45, 0.12, 0.08});

  private final long seed;
  private final long start;
  private final long end;
  private final ShopCatalog catalog;
  private final double[] cities;
  private final int startYear;

  PopulationBuilder(long seed, long start, long end, ShopCatalog catalog, String currency) {
    this.seed = seed;
    this.start = start;
    this.end = end;
    this.catalog = catalog;
    this.cities = Markets.cityWeights(currency);
    this.startYear = LocalDate.ofEpochDay(Math.floorDiv(start, DAY)).atStartOfDay().atOffset(ZoneOffset.UTC)
        .getYear();
  }

  Person[] build(int count) {
    Person[] people = new Person[count];
    for (int i = 0; i < count; i++) {
      people[i] = person(i);
    }
    return people;
  }

  Person person(int index) {
    SplittableRandom r = Draw.stream(seed, Draw.PERSON, index);
    double k = r.nextDouble();
    Person.Kind kind = k < 0.35 ? Person.Kind.EXISTING : k < 0.75 ? Person.Kind.NEWCOMER : Person.Kind.VISITOR;
    Person.Persona persona = kind == Person.Kind.VISITOR ? Person.Persona.BROWSER
        : PERSONAS[Draw.pick(r, PERSONA_SHARE)];
    double[] t = TRAITS[persona.ordinal()];
    long period = end - start;
    long acquired;
    long lifeFrom;
    if (kind == Person.Kind.EXISTING) {
      acquired = start - (long) (Draw.uniform(r, 14, 900) * DAY);
      lifeFrom = start;
    } else {
      double u = kind == Person.Kind.NEWCOMER ? StrictMath.pow(r.nextDouble(), 0.8) : r.nextDouble();
      acquired = start + (long) (u * period);
      lifeFrom = acquired;
    }
    double lifeDays = Math.min(3_000, Draw.logNormal(r, t[2], 0.9));
    long churn = lifeFrom + (long) (lifeDays * DAY);
    long fade = churn - (long) (Math.min(0.35 * lifeDays, 60) * DAY);
    Markets.City city = Markets.CITIES.get(Draw.pick(r, cities));
    double peak1 = PEAKS[Draw.pick(r, PEAK_WEIGHTS)] + Draw.uniform(r, -0.5, 0.5);
    double peak2 = PEAKS[Draw.pick(r, PEAK_WEIGHTS)] + Draw.uniform(r, -0.5, 0.5);
    int[] subs = favourites(r);
    double[] weights = new double[subs.length];
    for (int s = 0; s < subs.length; s++) {
      weights[s] = Draw.uniform(r, 0.3, 1.5) * Math.sqrt(Taxonomy.sub(subs[s]).demand());
    }
    boolean female = r.nextBoolean();
    int firstName = r.nextInt(female ? Markets.FEMALE.length : Markets.MALE.length);
    int lastName = r.nextInt(Markets.LAST.length);
    int age = (int) Math.max(18, Math.min(85, Draw.logNormal(r, 36, 0.3)));
    Person p = new Person(index, kind, persona, city, acquired, fade, churn, t[0] * Draw.logNormal(r, 1, 0.45),
        t[1] * Draw.logNormal(r, 1, 0.3), clamp(t[3] + 0.15 * Draw.gaussian(r)),
        clamp(t[4] + 0.15 * Draw.gaussian(r)), Draw.chance(r, 0.65), peak1, peak2, Draw.uniform(r, 0.55, 0.85),
        Draw.uniform(r, 0.5, 1.2), subs, Draw.cumulative(weights), r.nextInt(1 << 20),
        persona == Person.Persona.BIG_SPENDER, female, firstName, lastName, startYear - age, devices(r, index));
    if (kind == Person.Kind.EXISTING) {
      p.registered = true;
      p.registeredAt = acquired + (long) (Draw.uniform(r, 0, 10) * DAY);
      p.orders = (int) Draw.uniform(r, 0, 4);
      p.spent = p.orders * (long) Draw.logNormal(r, 60, 0.5);
      p.level = Person.levelFor(p.orders, p.spent);
      p.devices[0].loggedIn = Draw.chance(r, 0.7);
    }
    return p;
  }

  /** Two to four favourite subcategories, mostly within one top category, drawn by how popular they are. */
  private int[] favourites(SplittableRandom r) {
    int[] present = catalog.subs();
    double most = 0;
    for (int s : present) {
      most = Math.max(most, catalog.subPopularity(s));
    }
    int n = 2 + r.nextInt(3);
    int[] out = new int[n];
    int anchorTop = Taxonomy.sub(present[r.nextInt(present.length)]).top();
    for (int i = 0; i < n; i++) {
      int chosen = -1;
      for (int attempt = 0; attempt < 20 && chosen < 0; attempt++) {
        int s = present[r.nextInt(present.length)];
        boolean sameTop = Taxonomy.sub(s).top() == anchorTop;
        if ((sameTop || r.nextDouble() < 0.15) && r.nextDouble() < Math.sqrt(catalog.subPopularity(s) / most)
            && !contains(out, i, s)) {
          chosen = s;
        }
      }
      out[i] = chosen >= 0 ? chosen : present[r.nextInt(present.length)];
    }
    return out;
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  private static Device[] devices(SplittableRandom r, int person) {
    byte primary = (byte) Draw.pick(r, DEVICE_SHARE);
    Device first = new Device(primary, "d" + person + "-1", Draw.uuid(r));
    if (!Draw.chance(r, 0.25)) {
      return new Device[] {first};
    }
    byte second = primary == Device.DESKTOP ? (Draw.chance(r, 0.6) ? Device.MOBILE_WEB : Device.IOS) : Device.DESKTOP;
    return new Device[] {first, new Device(second, "d" + person + "-2", Draw.uuid(r))};
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
