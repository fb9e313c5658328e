package io.shopsense.demo;

import java.util.Arrays;

/**
 * One person of the demo shop: who they are (kept compact: names are indexes into the built-in lists), how they
 * behave (visit rate, willingness to buy, price and promotion sensitivity, habitual hours, favourite subcategories
 * and brands, lifetime) and their state as the simulation runs (devices, cart, consumables due, orders).
 */
final class Person {
  enum Kind { EXISTING, NEWCOMER, VISITOR }

  enum Persona { LOYAL, REGULAR, BARGAIN, BIG_SPENDER, WINDOW, ONE_TIMER, BROWSER }

  static final String[] LEVELS = {"bronze", "silver", "gold", "platinum"};

  final int index;
  final String userId;
  final Kind kind;
  final Persona persona;
  final Markets.City city;
  final long acquiredAt;
  final long fadeFrom;
  final long churnAt;
  /** Sessions per day while fully active. */
  final double rate;
  /** Willingness to buy, 1 being average. */
  final double buy;
  final double priceSensitivity;
  final double promoAffinity;
  final boolean acceptsMarketing;
  /** Habitual hours, local time: two peaks, the share of the first and the spread in hours. */
  final double peak1;
  final double peak2;
  final double peakShare;
  final double spread;
  final int[] favouriteSubs;
  final double[] favouriteCumulative;
  final int brandSeed;
  final boolean premium;
  final boolean female;
  final int firstName;
  final int lastName;
  final int birthYear;
  final Device[] devices;

  /**
   * What the person answers on the consent banner, one bit per purpose in {@link #CONSENT_PURPOSES} order: most
   * accept analytics, fewer personalisation, fewer still marketing. Drawn from the person's own traits, not from the
   * simulation's random stream, so that adding the banner changed no other event of the shop.
   */
  int consents() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(brandSeed * 1_000_003L + firstName * 31L + lastName);
    boolean analytics = r.nextDouble() < 0.88;
    boolean personalisation = analytics && r.nextDouble() < 0.75;
    int mask = (analytics ? 1 : 0) | (personalisation ? 2 : 0);
    mask |= acceptsMarketing && r.nextDouble() < 0.8 ? 4 : 0; // marketing_email
    mask |= r.nextDouble() < 0.2 ? 8 : 0; // marketing_sms
    mask |= r.nextDouble() < 0.3 ? 16 : 0; // marketing_push
    mask |= r.nextDouble() < 0.45 ? 32 : 0; // marketing_in_app
    mask |= r.nextDouble() < 0.08 ? 64 : 0; // third_party_sharing
    return mask;
  }

  /** The purposes of the banner, in the bit order of {@link #consents()}. */
  static final String[] CONSENT_PURPOSES = {"analytics", "personalisation", "marketing_email", "marketing_sms",
      "marketing_push", "marketing_in_app", "third_party_sharing"};

  boolean registered;
  long registeredAt;
  /** A known customer's full traits have been sent in this period. */
  boolean introduced;
  long busyUntil;
  int orders;
  /** What the person spent, in US dollars (for the loyalty level, whatever the shop's currency). */
  long spent;
  int level;
  int carts;
  String cartId;
  int cartSize;
  int[] cartItems = new int[4];
  int[] cartQuantities = new int[4];
  int dueSize;
  int[] dueItems = new int[2];
  long[] dueAt = new long[2];

  Person(int index, Kind kind, Persona persona, Markets.City city, long acquiredAt, long fadeFrom, long churnAt,
      double rate, double buy, double priceSensitivity, double promoAffinity, boolean acceptsMarketing, double peak1,
      double peak2, double peakShare, double spread, int[] favouriteSubs, double[] favouriteCumulative, int brandSeed,
      boolean premium, boolean female, int firstName, int lastName, int birthYear, Device[] devices) {
    this.index = index;
    this.userId = "u" + (1_000_000 + index);
    this.kind = kind;
    this.persona = persona;
    this.city = city;
    this.acquiredAt = acquiredAt;
    this.fadeFrom = fadeFrom;
    this.churnAt = churnAt;
    this.rate = rate;
    this.buy = buy;
    this.priceSensitivity = priceSensitivity;
    this.promoAffinity = promoAffinity;
    this.acceptsMarketing = acceptsMarketing;
    this.peak1 = peak1;
    this.peak2 = peak2;
    this.peakShare = peakShare;
    this.spread = spread;
    this.favouriteSubs = favouriteSubs;
    this.favouriteCumulative = favouriteCumulative;
    this.brandSeed = brandSeed;
    this.premium = premium;
    this.female = female;
    this.firstName = firstName;
    this.lastName = lastName;
    this.birthYear = birthYear;
    this.devices = devices;
  }

  /** How active the person is at t relative to their full rate: 0 before acquisition, fading before churn. */
  double activity(long t) {
    if (t < acquiredAt - ShopCalendar.DAY) {
      return 0;
    }
    if (t >= churnAt) {
      return 0;
    }
    double a = 1;
    if (t > fadeFrom) {
      a = 1 - 0.85 * (t - fadeFrom) / (double) (churnAt - fadeFrom);
    }
    if (kind == Kind.NEWCOMER && t - acquiredAt < 30 * ShopCalendar.DAY) {
      a *= 1 + 1.5 * StrictMath.exp(-(t - acquiredAt) / (5.0 * ShopCalendar.DAY));
    }
    return a;
  }

  /**
   * How keen on buying the person is at t, 0 to 1: fading while going silent; a lapsed customer whom a promotion
   * brought back is half as keen as an active one.
   */
  double engagement(long t) {
    return t >= churnAt ? 0.5 : Math.min(1, activity(t));
  }

  /** The person's favourite brand among a top category's brands (the most premium one for big spenders). */
  int favouriteBrand(Taxonomy.Top top) {
    if (premium) {
      int best = 0;
      for (int b = 1; b < top.tiers().length; b++) {
        if (top.tiers()[b] > top.tiers()[best]) {
          best = b;
        }
      }
      return best;
    }
    return Math.floorMod(brandSeed * 31 + top.index() * 17, top.brands().length);
  }

  boolean canBuy() {
    return kind != Kind.VISITOR;
  }

  String email() {
    return (first() + "." + last()).toLowerCase(java.util.Locale.ROOT).replace(" ", "") + index + "@example.com";
  }

  String first() {
    return female ? Markets.FEMALE[firstName] : Markets.MALE[firstName];
  }

  String last() {
    return Markets.LAST[lastName];
  }

  String phone() {
    return city.dialCode() + " 555 0" + (100 + index % 900);
  }

  String cartId() {
    if (cartId == null) {
      cartId = "cart-" + index + "-" + (++carts);
    }
    return cartId;
  }

  void addToCart(int item, int quantity) {
    for (int i = 0; i < cartSize; i++) {
      if (cartItems[i] == item) {
        cartQuantities[i] += quantity;
        return;
      }
    }
    if (cartSize == cartItems.length) {
      cartItems = Arrays.copyOf(cartItems, cartSize * 2);
      cartQuantities = Arrays.copyOf(cartQuantities, cartSize * 2);
    }
    cartItems[cartSize] = item;
    cartQuantities[cartSize++] = quantity;
  }

  void removeFromCart(int line) {
    System.arraycopy(cartItems, line + 1, cartItems, line, cartSize - line - 1);
    System.arraycopy(cartQuantities, line + 1, cartQuantities, line, cartSize - line - 1);
    cartSize--;
  }

  void emptyCart() {
    cartSize = 0;
    cartId = null;
  }

  /** Remembers that the consumable {@code item} will run out around {@code at} (replacing an earlier note of it). */
  void due(int item, long at) {
    for (int i = 0; i < dueSize; i++) {
      if (dueItems[i] == item) {
        dueAt[i] = at;
        return;
      }
    }
    if (dueSize == dueItems.length) {
      dueItems = Arrays.copyOf(dueItems, dueSize * 2);
      dueAt = Arrays.copyOf(dueAt, dueSize * 2);
    }
    dueItems[dueSize] = item;
    dueAt[dueSize++] = at;
  }

  /** The index into the due list of a consumable due by {@code t}, or -1; forgets those overdue by 40 days. */
  int dueBy(long t) {
    int found = -1;
    for (int i = dueSize - 1; i >= 0; i--) {
      if (dueAt[i] < t - 40 * ShopCalendar.DAY) {
        dropDue(i);
        if (found > i) {
          found--;
        }
      } else if (dueAt[i] <= t && found < 0) {
        found = i;
      }
    }
    return found;
  }

  void dropDue(int i) {
    System.arraycopy(dueItems, i + 1, dueItems, i, dueSize - i - 1);
    System.arraycopy(dueAt, i + 1, dueAt, i, dueSize - i - 1);
    dueSize--;
  }

  /** The loyalty level earned by the orders and the spend (in US dollars) so far. */
  static int levelFor(int orders, long spentDollars) {
    if (orders >= 12 || spentDollars >= 3_000) {
      return 3;
    }
    if (orders >= 6 || spentDollars >= 1_000) {
      return 2;
    }
    return orders >= 2 || spentDollars >= 250 ? 1 : 0;
  }
}
