package io.shopsense.demo;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a person does in one visit. A visit arrives from somewhere (typed in, a search engine, an ad, social media, a
 * newsletter or a promotion e-mail) and has an intent: restock a consumable that is running out, come back to the
 * cart, follow a promotion, search, or browse a favourite category. Browsing is a funnel: list → product views →
 * (sometimes) cart → checkout; complements are added alongside the main product; out-of-stock products go on the
 * wishlist instead.
 */
final class Sessions {
  static final String SHOP = "https://shop.example.com";
  private static final String[] SOCIAL = {"instagram", "facebook", "tiktok", "pinterest"};
  private static final String[] SOCIAL_REFERRERS = {"https://l.instagram.com/", "https://m.facebook.com/",
      "https://www.tiktok.com/", "https://www.pinterest.com/"};

  private final Simulation sim;
  private final ShopCatalog catalog;
  private final String[] categoryPaths;
  private final String[][] queries;
  private final String[] generic;

  Sessions(Simulation sim) {
    this.sim = sim;
    this.catalog = sim.catalog;
    int subs = Taxonomy.SUBS.size();
    categoryPaths = new String[subs];
    queries = new String[subs][];
    for (int s = 0; s < subs; s++) {
      Taxonomy.Sub sub = Taxonomy.sub(s);
      categoryPaths[s] = "/c/" + Taxonomy.top(sub.top()).slug() + "/" + sub.slug();
      queries[s] = new String[sub.nouns().length + 1];
      for (int q = 0; q < sub.nouns().length; q++) {
        queries[s][q] = sub.nouns()[q].toLowerCase(Locale.ROOT);
      }
      queries[s][sub.nouns().length] = sub.name().toLowerCase(Locale.ROOT);
    }
    generic = Taxonomy.TOPS.stream().map(t -> "generic-" + t.slug()).toArray(String[]::new);
  }

  /** One visit of the person starting about {@code at}. */
  void visit(Person p, long at) {
    SplittableRandom r = sim.r;
    long t = Math.max(at, p.busyUntil + sim.gap(600));
    Device d = p.devices.length > 1 && sim.chance(0.35) ? p.devices[1] : p.devices[0];
    sim.identity.maybeResetCookie(d);
    Visit v = arrive(p, d, t, r);
    t = sim.identity.start(v, t);
    if (!d.consentSent) {
      // the banner is answered on a new cookie before the visit goes on (after a restored login's identify, so that
      // the user id it carries is already tied to the cookie); a fixed pause keeps the random stream as it was
      d.consentSent = true;
      sim.emit(Kind.CONSENT_UPDATED, t, v);
      t += 1_500;
    }
    ShopCalendar.Promotion promo = sim.calendar.promotion(t);
    int due = p.canBuy() && p.activity(t) > 0 ? p.dueBy(t + 2 * Simulation.DAY) : -1;
    boolean planned = false;
    if (due >= 0 && sim.chance(0.6)) {
      t = restock(v, t, due);
      planned = true;
    } else if (p.cartSize > 0 && sim.chance(0.3)) {
      t = cart(v, t);
      v.added++; // back for the cart: as ready to buy as after adding something
    } else if (v.campaign != null && promo != null && promo.slug().equals(v.campaign) && sim.chance(0.8)) {
      t = browse(v, t, promoSub(p, promo, t, r));
    } else if (sim.chance(0.33)) {
      t = search(v, t);
    } else {
      if (v.referrer == null && v.campaign == null && !v.device.app()) {
        t = page(v, t, "Home", "/") + sim.gap(6);
      }
      t = browse(v, t, chooseSub(p, t, r));
    }
    p.busyUntil = finish(v, t, planned);
  }

  /** Where the visit comes from: its referrer and campaign. */
  private Visit arrive(Person p, Device d, long t, SplittableRandom r) {
    String session = "s-" + (++sim.sessionSeq);
    int offset = p.city.rules().getOffset(java.time.Instant.ofEpochMilli(t)).getTotalSeconds();
    ShopCalendar.Promotion promo = sim.calendar.promotion(t);
    boolean mailable = p.registered && p.acceptsMarketing;
    if (d.app()) {
      if (promo != null && mailable && sim.chance(0.3)) {
        return new Visit(session, p, d, offset, null, "app", "push", promo.slug());
      }
      return new Visit(session, p, d, offset, null, null, null, null);
    }
    if (promo != null && mailable && sim.chance(0.35 * (0.5 + p.promoAffinity))) {
      return new Visit(session, p, d, offset, null, "newsletter", "email", promo.slug());
    }
    double x = r.nextDouble();
    if (x < 0.38) {
      return new Visit(session, p, d, offset, null, null, null, null);
    } else if (x < 0.60) {
      return new Visit(session, p, d, offset, sim.chance(0.9) ? "https://www.google.com/" : "https://www.bing.com/",
          null, null, null);
    } else if (x < 0.72) {
      String name = sim.chance(0.4) ? "brand-search" : generic[Taxonomy.sub(p.favouriteSubs[0]).top()];
      return new Visit(session, p, d, offset, "https://www.google.com/", "google", "cpc", name);
    } else if (x < 0.82) {
      int s = r.nextInt(SOCIAL.length);
      return new Visit(session, p, d, offset, SOCIAL_REFERRERS[s], SOCIAL[s], "social", "always-on-social");
    } else if (x < 0.90 && mailable) {
      return new Visit(session, p, d, offset, null, "newsletter", "email", "weekly-newsletter");
    } else if (x < 0.95) {
      return new Visit(session, p, d, offset, "https://www.dealspotter.example/", "dealspotter", "affiliate",
          "deals-feed");
    }
    return new Visit(session, p, d, offset, "https://blog.example.org/gift-ideas", null, null, null);
  }

  /** A page view (web) or screen view (app); the page becomes the visit's current page. */
  long page(Visit v, long t, String name, String path) {
    v.pageReferrer = v.path == null ? v.referrer : v.path;
    v.path = path;
    Ev e = sim.emit(v.device.app() ? Kind.SCREEN : Kind.PAGE, t, v);
    e.name = name;
    return t;
  }

  /** A category page: the list of its best sellers, then a few product views. */
  private long browse(Visit v, long t, int sub) {
    if (sub < 0) {
      return t;
    }
    int[] list = catalog.bestSellers(sub, t, 4 + sim.r.nextInt(3));
    page(v, t, "Category", categoryPaths[sub]);
    t += sim.gap(2);
    Ev e = sim.emit(Kind.PRODUCT_LIST_VIEWED, t, v);
    e.name = Taxonomy.sub(sub).slug();
    e.item = list.length > 0 ? catalog.item(list[0]) : null;
    e.items = list;
    e.lines = list.length;
    e.text = Taxonomy.top(Taxonomy.sub(sub).top()).name() + "/" + Taxonomy.sub(sub).name();
    int views = Draw.count(sim.r, 0.6, 10);
    for (int i = 0; i < views; i++) {
      t += sim.gap(i == 0 ? 8 : 20);
      boolean fromList = list.length > 0 && sim.chance(0.35);
      int item = fromList ? list[sim.r.nextInt(list.length)] : pickFor(v.person, sub, t, -1);
      if (item >= 0) {
        t = view(v, t, catalog.item(item), false);
      }
    }
    return t;
  }

  /** A search for a category, a brand or a brand's products, with a typo now and then, then product views. */
  private long search(Visit v, long t) {
    SplittableRandom r = sim.r;
    int sub = chooseSub(v.person, t, r);
    if (sub < 0) {
      return t;
    }
    Taxonomy.Top top = Taxonomy.top(Taxonomy.sub(sub).top());
    int brand = -1;
    String query = queries[sub][r.nextInt(queries[sub].length)];
    double kind = r.nextDouble();
    if (kind < 0.15) {
      brand = v.person.favouriteBrand(top);
      query = top.brands()[brand].toLowerCase(Locale.ROOT);
    } else if (kind < 0.3) {
      brand = v.person.favouriteBrand(top);
      query = top.brands()[brand].toLowerCase(Locale.ROOT) + " " + query;
    }
    if (sim.chance(0.05) && query.length() > 3) {
      int at = 1 + r.nextInt(query.length() - 2);
      query = query.substring(0, at) + query.charAt(at + 1) + query.charAt(at) + query.substring(at + 2);
    }
    page(v, t, "Search Results", "/search?q=" + query.replace(' ', '+'));
    t += sim.gap(1);
    Ev e = sim.emit(Kind.PRODUCTS_SEARCHED, t, v);
    e.name = query;
    int views = Draw.count(r, 0.55, 8);
    for (int i = 0; i < views; i++) {
      t += sim.gap(i == 0 ? 6 : 20);
      int item = pickFor(v.person, sub, t, brand);
      if (item >= 0) {
        t = view(v, t, catalog.item(item), false);
      }
    }
    return t;
  }

  /** The person comes back for a consumable that is running out: via a search or their order history. */
  private long restock(Visit v, long t, int due) {
    Person p = v.person;
    Item item = catalog.item(p.dueItems[due]);
    if (!item.buyable(t) || sim.chance(0.15)) {
      int other = catalog.pick(sim.r, item.sub.index(), t, true);
      if (other < 0) {
        p.dropDue(due);
        return browse(v, t, chooseSub(p, t, sim.r));
      }
      item = catalog.item(other);
    }
    if (sim.chance(0.5)) {
      page(v, t, "Order History", "/account/orders");
      t = sim.identity.ensureLoggedIn(v, t + sim.gap(2));
    } else {
      String query = queries[item.sub.index()][0];
      page(v, t, "Search Results", "/search?q=" + query.replace(' ', '+'));
      t += sim.gap(1);
      sim.emit(Kind.PRODUCTS_SEARCHED, t, v).name = query;
    }
    t += sim.gap(8);
    return view(v, t, item, true);
  }

  /** The person opens the cart (the shop has dropped what it no longer sells). */
  long cart(Visit v, long t) {
    Person p = v.person;
    page(v, t, "Cart", "/cart");
    t += sim.gap(1);
    for (int i = p.cartSize - 1; i >= 0; i--) {
      if (!catalog.item(p.cartItems[i]).listed(t)) {
        p.removeFromCart(i);
      }
    }
    Ev e = sim.emit(Kind.CART_VIEWED, t, v);
    e.id = p.cartId();
    e.items = java.util.Arrays.copyOf(p.cartItems, p.cartSize);
    e.quantities = java.util.Arrays.copyOf(p.cartQuantities, p.cartSize);
    e.lines = p.cartSize;
    return t + sim.gap(10);
  }

  /** A product page: maybe onto the wishlist, maybe into the cart with a complement alongside. */
  private long view(Visit v, long t, Item item, boolean planned) {
    Person p = v.person;
    page(v, t, "Product", item.path);
    t += sim.gap(1);
    Ev e = sim.emit(Kind.PRODUCT_VIEWED, t, v);
    e.item = item;
    boolean buyable = item.buyable(t);
    if (p.registered && sim.chance(buyable ? 0.015 : 0.25)) {
      t = sim.identity.ensureLoggedIn(v, t + sim.gap(5));
      sim.emit(Kind.PRODUCT_ADDED_TO_WISHLIST, t, v).item = item;
    }
    if (!buyable || !sim.chance(planned ? 0.75 : addChance(p, item, t))) {
      return t;
    }
    t = add(v, t + sim.gap(12), item);
    if (item.complements.length > 0 && sim.chance(0.35)) {
      Item partner = catalog.item(item.complements[sim.r.nextInt(item.complements.length)]);
      if (partner.buyable(t)) {
        t += sim.gap(10);
        page(v, t, "Product", partner.path);
        t += sim.gap(1);
        sim.emit(Kind.PRODUCT_VIEWED, t, v).item = partner;
        if (sim.chance(0.7)) {
          t = add(v, t + sim.gap(8), partner);
        }
      }
    }
    return t;
  }

  private long add(Visit v, long t, Item item) {
    Person p = v.person;
    int quantity = item.sub.consumable() ? 1 + (sim.chance(0.35) ? 1 : 0) + (sim.chance(0.1) ? 1 : 0)
        : sim.chance(0.05) ? 2 : 1;
    Ev e = sim.emit(Kind.PRODUCT_ADDED, t, v);
    e.item = item;
    e.quantity = quantity;
    e.id = p.cartId();
    p.addToCart(item.index, quantity);
    v.added++;
    return t;
  }

  private double addChance(Person p, Item item, long t) {
    double dollars = sim.money.dollars(item.price);
    double price = p.premium ? 1.1 : 1 / (1 + 0.6 * p.priceSensitivity * Math.max(0, StrictMath.log(dollars / 25)));
    ShopCalendar.Promotion promo = sim.calendar.promotion(t);
    double deal = promo != null && promo.covers(item) ? 1 + (promo.markdown() ? 1.2 : 0.6) * p.promoAffinity : 1;
    double liking = 1;
    for (int s : p.favouriteSubs) {
      if (s == item.sub.index()) {
        liking = 1.5;
        break;
      }
    }
    if (item.brand == p.favouriteBrand(Taxonomy.top(item.top()))) {
      liking *= 1.4;
    }
    return Math.min(0.6, 0.035 * p.buy * price * deal * liking * p.engagement(t));
  }

  /** After browsing: a look at the cart, a removal now and then, and maybe the checkout. */
  private long finish(Visit v, long t, boolean planned) {
    Person p = v.person;
    if (p.cartSize == 0) {
      return t;
    }
    if (sim.chance(0.45)) {
      t = cart(v, t + sim.gap(10));
    }
    if (sim.chance(0.07) && catalog.item(p.cartItems[0]).listed(t)) {
      int line = 0; // second thoughts about the first thing put in
      Ev e = sim.emit(Kind.PRODUCT_REMOVED, t + sim.gap(4), v);
      e.item = catalog.item(p.cartItems[line]);
      e.quantity = p.cartQuantities[line];
      e.id = p.cartId();
      t = e.ts;
      p.removeFromCart(line);
    }
    if (!p.canBuy() || p.cartSize == 0) {
      return t;
    }
    double chance = planned ? 0.7 : v.added > 0 ? 0.3 * Math.sqrt(p.buy) : 0.05;
    chance *= (sim.calendar.promotion(t) != null ? 1.25 : 1) * (0.4 + 0.6 * p.engagement(t));
    return sim.chance(Math.min(0.92, chance)) ? sim.checkout.run(v, t + sim.gap(15)) : t;
  }

  /** A product of the subcategory for this person: often their favourite brand's, else by popularity. */
  private int pickFor(Person p, int sub, long t, int brand) {
    if (brand < 0 && sim.chance(0.3)) {
      brand = p.favouriteBrand(Taxonomy.top(Taxonomy.sub(sub).top()));
    }
    int item = brand >= 0 ? catalog.pickBrand(sim.r, sub, brand, t, false) : -1;
    return item >= 0 ? item : catalog.pick(sim.r, sub, t, false);
  }

  /** The subcategory a visit is about: mostly a favourite, sometimes what sells in the season or a new arrival. */
  private int chooseSub(Person p, long t, SplittableRandom r) {
    double x = r.nextDouble();
    if (x < 0.8) {
      return p.favouriteSubs[Draw.pick(r, p.favouriteCumulative)];
    }
    int item = x < 0.95 ? catalog.pickAny(r, t, sim.calendar.month(t)) : catalog.newArrival(r, t);
    return item >= 0 ? catalog.item(item).sub.index() : p.favouriteSubs[0];
  }

  private int promoSub(Person p, ShopCalendar.Promotion promo, long t, SplittableRandom r) {
    if (promo.top() < 0) {
      return chooseSub(p, t, r);
    }
    int[] subs = catalog.subs();
    for (int k = 0; k < 10; k++) {
      int s = subs[r.nextInt(subs.length)];
      if (Taxonomy.sub(s).top() == promo.top()) {
        return s;
      }
    }
    return p.favouriteSubs[0];
  }
}
