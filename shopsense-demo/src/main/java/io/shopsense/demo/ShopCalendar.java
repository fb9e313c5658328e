package io.shopsense.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shop's calendar: how busy each day is (day of the week, time of the year) and the promotions — the yearly
 * fixtures (new-year sale, Valentine's, spring and summer sales, back to school, Singles' Day, Black Friday to Cyber
 * Monday, Christmas) and seeded flash sales on one category every few weeks. A promotion either marks prices down or
 * hands out a coupon, brings more visitors and makes them more willing to buy. Days are UTC days.
 */
final class ShopCalendar {
  static final long DAY = 86_400_000L;
  private static final double[] WEEKDAY = {1.0, 0.96, 0.97, 1.0, 0.94, 1.04, 1.12};
  private static final double[] MONTH = {1.05, 0.92, 0.95, 0.95, 0.95, 0.9, 0.88, 0.9, 0.97, 1.0, 1.12, 1.25};

  /**
   * A promotion over whole UTC days [firstDay, lastDay].
   *
   * @param top     the top category it is limited to, or -1 for the whole shop
   * @param percent the discount, 0 to 1
   * @param coupon  the coupon code to enter at checkout, or null when prices are marked down instead
   * @param traffic how many more visitors it brings (1.3 = 30 % more)
   */
  record Promotion(String slug, long firstDay, long lastDay, int top, double percent, String coupon, double traffic) {
    boolean covers(Item item) {
      return top < 0 || item.top() == top;
    }

    boolean markdown() {
      return coupon == null;
    }
  }

  private final long firstDay;
  private final Promotion[] byDay;
  private final int[] months;
  private final double[] traffic;
  private final List<Promotion> promotions = new ArrayList<>();

  ShopCalendar(long seed, long start, long end, int[] tops) {
    firstDay = Math.floorDiv(start, DAY);
    int days = (int) (Math.floorDiv(end - 1, DAY) - firstDay + 1);
    byDay = new Promotion[days];
    months = new int[days];
    traffic = new double[days];
    LocalDate from = LocalDate.ofEpochDay(firstDay);
    LocalDate to = LocalDate.ofEpochDay(firstDay + days - 1);
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      fixtures(year, tops);
    }
    flashSales(Draw.stream(seed, Draw.CALENDAR, 0), tops, days);
    for (int d = 0; d < days; d++) {
      LocalDate date = from.plusDays(d);
      months[d] = date.getMonthValue();
      Promotion p = byDay[d];
      traffic[d] = WEEKDAY[date.getDayOfWeek().getValue() - 1] * MONTH[date.getMonthValue() - 1]
          * (p == null ? 1 : p.traffic());
    }
  }

  private void fixtures(int year, int[] tops) {
    LocalDate blackFriday = LocalDate.of(year, Month.NOVEMBER, 1)
        .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)).plusDays(1);
    add(new Promotion("new-year-sale-" + year, day(year, 1, 2), day(year, 1, 8), -1, 0.15, "NEWYEAR15", 1.2));
    add(new Promotion("valentines-" + year, day(year, 2, 7), day(year, 2, 14), topOf("Beauty", tops), 0.2, null, 1.1));
    add(new Promotion("spring-sale-" + year, day(year, 3, 20), day(year, 3, 27), topOf("Sports", tops), 0.2, null,
        1.15));
    add(new Promotion("summer-sale-" + year, day(year, 7, 1), day(year, 7, 10), -1, 0.2, null, 1.3));
    add(new Promotion("back-to-school-" + year, day(year, 8, 25), day(year, 9, 5), topOf("Electronics", tops), 0.1,
        "SCHOOL10", 1.1));
    add(new Promotion("singles-day-" + year, day(year, 11, 11), day(year, 11, 11), -1, 0.2, "SINGLES20", 1.8));
    add(new Promotion("black-friday-" + year, blackFriday.toEpochDay(), blackFriday.plusDays(3).toEpochDay(), -1,
        0.25, null, 2.4));
    add(new Promotion("christmas-" + year, day(year, 12, 1), day(year, 12, 20), -1, 0.1, "XMAS10", 1.3));
  }

  private void flashSales(SplittableRandom r, int[] tops, int days) {
    int d = (int) Draw.uniform(r, 5, 25);
    while (d < days) {
      int length = 2 + r.nextInt(2);
      int top = tops[r.nextInt(tops.length)];
      String slug = "flash-" + Taxonomy.top(top).slug() + "-" + LocalDate.ofEpochDay(firstDay + d);
      double percent = Math.round(Draw.uniform(r, 0.15, 0.3) * 20) / 20.0;
      String coupon = Draw.chance(r, 0.4) ? "FLASH" + Math.round(percent * 100) : null;
      add(new Promotion(slug, firstDay + d, firstDay + d + length - 1, top, percent, coupon, 1.25));
      d += (int) Draw.uniform(r, 21, 40);
    }
  }

  /** Adds the promotion on the days it covers that are free and in the period; the fixtures come first. */
  private void add(Promotion p) {
    if (p.top() == Integer.MIN_VALUE) {
      return; // a category fixture of a shop that does not sell that category
    }
    boolean used = false;
    for (long day = p.firstDay(); day <= p.lastDay(); day++) {
      int d = (int) (day - firstDay);
      if (d >= 0 && d < byDay.length && byDay[d] == null) {
        byDay[d] = p;
        used = true;
      }
    }
    if (used) {
      promotions.add(p);
    }
  }

  private static long day(int year, int month, int dayOfMonth) {
    return LocalDate.of(year, month, dayOfMonth).toEpochDay();
  }

  private static int topOf(String name, int[] tops) {
    for (int t : tops) {
      if (Taxonomy.top(t).name().equals(name)) {
        return t;
      }
    }
    return Integer.MIN_VALUE;
  }

  private int index(long t) {
    int d = (int) (Math.floorDiv(t, DAY) - firstDay);
    return Math.max(0, Math.min(byDay.length - 1, d));
  }

  /** How busy the day of {@code t} is, 1 being an ordinary day. */
  double traffic(long t) {
    return traffic[index(t)];
  }

  int month(long t) {
    return months[index(t)];
  }

  /** The promotion running at t, or null. */
  Promotion promotion(long t) {
    return byDay[index(t)];
  }

  /** The price of the item at t, after any markdown running then. */
  long price(Item item, long t) {
    Promotion p = byDay[index(t)];
    if (p != null && p.markdown() && p.covers(item)) {
      return item.price - Math.round(item.price * p.percent());
    }
    return item.price;
  }

  List<Promotion> promotions() {
    return promotions;
  }
}
