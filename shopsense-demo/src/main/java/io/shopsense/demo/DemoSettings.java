package io.shopsense.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What demo shop to generate. The same settings always give the same shop, byte for byte.
 *
 * @param seed         the seed everything is drawn from; a different seed gives a different shop
 * @param targetEvents roughly how many events to generate (the shop's people and products are derived from it);
 *                     between {@value #MIN_EVENTS} and {@value #MAX_EVENTS}
 * @param start        the first instant of the period events happen in (inclusive)
 * @param end          the end of the period (exclusive); at most {@value #MAX_PERIOD_DAYS} days after {@code start},
 *                     so that every event is still young enough for live ingest at {@code end}
 * @param currency     the ISO 4217 code prices are in; it also decides where most customers live (EUR: Europe,
 *                     CNY: China, USD: North America, ...)
 * @param customers    how many people visit the shop (known customers and anonymous visitors alike), or 0 to derive it
 *                     from {@code targetEvents}; when given, the number of events follows from it instead
 * @param products     how many products the catalog has, or 0 to derive it from the number of people
 */
public record DemoSettings(long seed, long targetEvents, Instant start, Instant end, String currency, int customers,
    int products) {

  public static final long MIN_EVENTS = 100;
  public static final long MAX_EVENTS = 50_000_000;
  public static final int MAX_PERIOD_DAYS = 730;
  public static final int MAX_CUSTOMERS = 2_000_000;
  public static final int MIN_PRODUCTS = 10;
  public static final int MAX_PRODUCTS = 200_000;
  /** The period when none is given: the 180 days before now. */
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(180);

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public DemoSettings {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(currency, "currency");
    if (targetEvents < MIN_EVENTS || targetEvents > MAX_EVENTS) {
      throw new IllegalArgumentException("targetEvents must be between " + MIN_EVENTS + " and " + MAX_EVENTS
          + ", was " + targetEvents);
    }
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("start (" + start + ") must be before end (" + end + ")");
    }
    if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_PERIOD_DAYS)) > 0) {
      throw new IllegalArgumentException("the period from " + start + " to " + end + " is longer than "
          + MAX_PERIOD_DAYS + " days (live ingest rejects older events)");
    }
    if (Duration.between(start, end).compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("the period from " + start + " to " + end + " is shorter than a day");
    }
    if (!CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException("currency must be a three-letter upper-case ISO 4217 code, was '"
          + currency + "'");
    }
    if (customers < 0 || customers > MAX_CUSTOMERS) {
      throw new IllegalArgumentException("customers must be 0 (derive) or between 1 and " + MAX_CUSTOMERS
          + ", was " + customers);
    }
    if (products != 0 && (products < MIN_PRODUCTS || products > MAX_PRODUCTS)) {
      throw new IllegalArgumentException("products must be 0 (derive) or between " + MIN_PRODUCTS + " and "
          + MAX_PRODUCTS + ", was " + products);
    }
  }

  /**
   * About {@code targetEvents} events in US dollars over the {@link #DEFAULT_PERIOD} before {@code now} (take it from
   * the injected clock; with a fixed {@code now} the output is identical on every run).
   */
  public static DemoSettings of(long seed, long targetEvents, Instant now) {
    Objects.requireNonNull(now, "now");
    return new DemoSettings(seed, targetEvents, now.minus(DEFAULT_PERIOD), now, "USD", 0, 0);
  }

  public DemoSettings withPeriod(Instant start, Instant end) {
    return new DemoSettings(seed, targetEvents, start, end, currency, customers, products);
  }

  public DemoSettings withCurrency(String currency) {
    return new DemoSettings(seed, targetEvents, start, end, currency, customers, products);
  }

  public DemoSettings withCustomers(int customers) {
    return new DemoSettings(seed, targetEvents, start, end, currency, customers, products);
  }

  public DemoSettings withProducts(int products) {
    return new DemoSettings(seed, targetEvents, start, end, currency, customers, products);
  }

  public DemoSettings withSeed(long seed) {
    return new DemoSettings(seed, targetEvents, start, end, currency, customers, products);
  }

  public DemoSettings withTargetEvents(long targetEvents) {
    return new DemoSettings(seed, targetEvents, start, end, currency, customers, products);
  }

  public Duration period() {
    return Duration.between(start, end);
  }

  /** The catalog size for a shop with {@code people} visitors: grows with the square root, 40 to 20,000. */
  static int productsFor(int people) {
    return (int) Math.max(40, Math.min(20_000, Math.round(10 * Math.sqrt(people))));
  }
}
