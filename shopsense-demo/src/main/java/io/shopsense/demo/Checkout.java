package io.shopsense.demo;

/**
 * Turning a cart into an order, and what follows an order: checkout steps (with a coupon when a promotion hands one
 * out or a newcomer has the welcome coupon), payment, the order; then, on later days, a rare cancellation, refunds
 * (more in fashion, sometimes of one line only), reviews (J-shaped ratings, worse after a refund), the consumables'
 * next restock date and the complements a new machine will need.
 */
final class Checkout {
  private static final String[] PAYMENT = {"credit_card", "credit_card", "credit_card", "paypal", "paypal",
      "apple_pay", "klarna"};
  private static final String[][] REVIEWS = {
      {"Broke after a week. Very disappointed.", "Not as described. Sent it back.", "Poor quality for the price."},
      {"Does the job but feels cheap.", "Smaller than expected.", "Delivery was slow and the box was damaged."},
      {"Okay for the price.", "Decent, nothing special.", "Works as expected, instructions could be better."},
      {"Good quality, would buy again.", "Very happy with it, fast delivery.", "Nice product, fits well."},
      {"Excellent! Exactly what I needed.", "Love it. Best purchase this year.", "Great value, highly recommended."}};

  private final Simulation sim;

  Checkout(Simulation sim) {
    this.sim = sim;
  }

  /** Checkout of the visit's cart, starting at t; returns when the visit ends. */
  long run(Visit v, long t) {
    Person p = v.person;
    t = sim.identity.ensureLoggedIn(v, t);
    sim.sessions.page(v, t, "Checkout", "/checkout");
    t += sim.gap(3);
    for (int i = p.cartSize - 1; i >= 0; i--) {
      if (!sim.catalog.item(p.cartItems[i]).buyable(t)) {
        p.removeFromCart(i); // sold out or taken off sale since it went into the cart
      }
    }
    if (p.cartSize == 0) {
      return t;
    }
    int n = p.cartSize;
    int[] items = java.util.Arrays.copyOf(p.cartItems, n);
    int[] quantities = java.util.Arrays.copyOf(p.cartQuantities, n);
    long[] prices = new long[n];
    long subtotal = 0;
    long covered = 0;
    ShopCalendar.Promotion promo = sim.calendar.promotion(t);
    for (int i = 0; i < n; i++) {
      Item item = sim.catalog.item(items[i]);
      prices[i] = sim.calendar.price(item, t);
      subtotal += prices[i] * quantities[i];
      if (promo != null && promo.covers(item)) {
        covered += prices[i] * quantities[i];
      }
    }
    String coupon = null;
    String couponName = null;
    long discount = 0;
    if (promo != null && !promo.markdown() && covered > 0 && sim.chance(0.3 + 0.6 * p.promoAffinity)) {
      coupon = promo.coupon();
      couponName = promo.slug();
      discount = Math.round(covered * promo.percent());
    } else if (p.kind == Person.Kind.NEWCOMER && p.orders == 0 && sim.chance(0.45)) {
      coupon = "WELCOME10";
      couponName = "welcome";
      discount = Math.round(subtotal * 0.1);
    }
    long revenue = subtotal - discount;
    long shipping = revenue >= sim.money.freeShippingFrom() ? 0 : sim.money.shippingFee();
    long tax = "US".equals(p.city.country()) ? Math.round(revenue * 0.07) : 0;
    int number = ++sim.orderSeq;
    Order order = new Order("o" + (100_000 + number), "chk-" + number, p.cartId(), p, t, items, quantities, prices,
        discount, shipping, tax, coupon, couponName, PAYMENT[sim.r.nextInt(v.device.app() ? PAYMENT.length
            : PAYMENT.length - 2)]);
    sim.emit(Kind.CHECKOUT_STARTED, t, v).order = order;
    if (coupon != null) {
      t += sim.gap(20);
      Ev e = sim.emit(Kind.COUPON_APPLIED, t, v);
      e.order = order;
    }
    t += sim.gap(45);
    if (!sim.chance(0.8)) {
      return t; // abandoned at the payment step: the cart stays
    }
    sim.emit(Kind.PAYMENT_INFO_ENTERED, t, v).order = order;
    t += sim.gap(25);
    if (!sim.chance(0.9)) {
      return t; // the payment failed
    }
    sim.emit(Kind.ORDER_COMPLETED, t, v).order = order;
    placed(v, order, t);
    page(v, t + sim.gap(1));
    return t + sim.gap(20);
  }

  private void page(Visit v, long t) {
    sim.sessions.page(v, t, "Order Confirmation", "/checkout/confirmation");
  }

  private void placed(Visit v, Order order, long t) {
    Person p = v.person;
    p.emptyCart();
    p.orders++;
    p.spent += Math.round(sim.money.dollars(order.revenue()));
    int level = Person.levelFor(p.orders, p.spent);
    if (level != p.level) {
      p.level = level;
      sim.identity.levelChanged(v, t + 500);
    }
    for (int i = 0; i < order.items.length; i++) {
      Item item = sim.catalog.item(order.items[i]);
      if (item.sub.consumable()) {
        double days = item.sub.cycleDays() * order.quantities[i] * Draw.logNormal(sim.r, 1, 0.2);
        p.due(item.index, t + (long) (days * Simulation.DAY));
      }
      for (int partner : item.complements) {
        Item other = sim.catalog.item(partner);
        if (other.sub.consumable() && sim.chance(0.35)) {
          p.due(other.index, t + (long) (Draw.uniform(sim.r, 3, 20) * Simulation.DAY));
        }
      }
    }
    if (sim.chance(0.03)) {
      sim.schedule(t + (long) (Draw.uniform(sim.r, 0.2, 6) * 3_600_000), Simulation.TaskType.CANCEL, p, order, -1);
      return;
    }
    Item first = sim.catalog.item(order.items[0]);
    double refundRate = Taxonomy.top(first.top()).refundRate() * (p.persona == Person.Persona.BIG_SPENDER ? 1.5 : 1);
    boolean refunded = sim.chance(refundRate);
    if (refunded) {
      int line = order.items.length > 1 && sim.chance(0.5) ? sim.r.nextInt(order.items.length) : -1;
      sim.schedule(t + (long) (Draw.uniform(sim.r, 3, 30) * Simulation.DAY), Simulation.TaskType.REFUND, p, order,
          line);
    }
    double reviews = 0.12 * (p.persona == Person.Persona.LOYAL ? 1.5 : 1) * (refunded ? 1.5 : 1);
    if (sim.chance(reviews)) {
      int line = sim.r.nextInt(order.items.length);
      sim.schedule(t + (long) (Draw.uniform(sim.r, 5, 25) * Simulation.DAY), Simulation.TaskType.REVIEW, p, order,
          refunded ? -1 - line : line);
    }
  }

  /** The shop cancels the order (out of stock, fraud check, the customer asked): a server-side event. */
  void cancel(Person p, Order order, long t) {
    sim.emitServer(Kind.ORDER_CANCELLED, t, p).order = order;
  }

  /** The shop refunds the order or one line of it: a server-side event. */
  void refund(Person p, Order order, int line, long t) {
    sim.emitServer(Kind.ORDER_REFUNDED, t, p).order = order.refund(line);
  }

  /**
   * The person reviews one product of the order in a short visit; {@code line} is {@code -1 - line} when the order
   * was refunded (which makes a poor rating likely).
   */
  void review(Person p, Order order, int line, long at) {
    boolean refunded = line < 0;
    Item item = sim.catalog.item(order.items[refunded ? -1 - line : line]);
    long t = Math.max(at, p.busyUntil + sim.gap(600));
    Device d = p.devices[0];
    int offset = p.city.rules().getOffset(java.time.Instant.ofEpochMilli(t)).getTotalSeconds();
    Visit v = new Visit("s-" + (++sim.sessionSeq), p, d, offset, null, null, null, null);
    t = sim.identity.ensureLoggedIn(v, sim.identity.start(v, t));
    sim.sessions.page(v, t, "Write Review", item.path + "/review");
    t += sim.gap(90);
    double mean = item.quality - (refunded ? 2.2 : 0);
    int rating = (int) Math.max(1, Math.min(5, Math.round(mean + 0.9 * Draw.gaussian(sim.r))));
    Ev e = sim.emit(Kind.REVIEW_SUBMITTED, t, v);
    e.item = item;
    e.order = order;
    e.number = rating;
    e.id = "rev-" + (++sim.reviewSeq);
    e.text = REVIEWS[rating - 1][sim.r.nextInt(REVIEWS[rating - 1].length)];
    p.busyUntil = t + sim.gap(5);
  }
}
