package io.shopsense.demo;

import static io.shopsense.demo.JsonOut.ascii;

/** Writes the {@code properties} of the e-commerce events and the {@code traits} of identify calls. */
final class PropertyWriter {
  private static final byte[] PRICE = ascii(",\"price\":");
  private static final byte[] QUANTITY = ascii(",\"quantity\":");
  private static final byte[] CART_ID = ascii(",\"cart_id\":");
  private static final byte[] FIRST_CART_ID = ascii("\"cart_id\":");
  private static final byte[] LIST_ID = ascii("\"list_id\":");
  private static final byte[] CATEGORY = ascii(",\"category\":");
  private static final byte[] PRODUCTS = ascii(",\"products\":[");
  private static final byte[] LIST_LINE = ascii("{\"product_id\":");
  private static final byte[] NAME = ascii(",\"name\":");
  private static final byte[] POSITION = ascii(",\"position\":");
  private static final byte[] QUERY = ascii("\"query\":");
  private static final byte[] ORDER_ID = ascii("\"order_id\":");
  private static final byte[] CHECKOUT_ID = ascii(",\"checkout_id\":");
  private static final byte[] TOTAL = ascii(",\"total\":");
  private static final byte[] SUBTOTAL = ascii(",\"subtotal\":");
  private static final byte[] REVENUE = ascii(",\"revenue\":");
  private static final byte[] VALUE = ascii(",\"value\":");
  private static final byte[] SHIPPING = ascii(",\"shipping\":");
  private static final byte[] TAX = ascii(",\"tax\":");
  private static final byte[] DISCOUNT = ascii(",\"discount\":");
  private static final byte[] COUPON = ascii(",\"coupon\":");
  private static final byte[] COUPON_ID = ascii(",\"coupon_id\":");
  private static final byte[] COUPON_NAME = ascii(",\"coupon_name\":");
  private static final byte[] PAYMENT_METHOD = ascii(",\"payment_method\":");
  private static final byte[] STEP = ascii(",\"step\":3");
  private static final byte[] PRODUCT_ID = ascii("\"product_id\":");
  private static final byte[] REVIEW_ID = ascii(",\"review_id\":");
  private static final byte[] RATING = ascii(",\"rating\":");
  private static final byte[] REVIEW_BODY = ascii(",\"review_body\":");
  private static final byte[] LATER_ORDER_ID = ascii(",\"order_id\":");

  private final World world;
  private final int scale;
  private final byte[] currency;
  private final char[] time = new char[TimeText.MAX];

  PropertyWriter(World world) {
    this.world = world;
    this.scale = world.money.scale();
    this.currency = ascii(",\"currency\":\"" + world.money.code() + "\"");
  }

  /** Writes the properties after their opening brace, and the closing brace. */
  void write(JsonOut o, Ev e) {
    switch (e.kind) {
      case PRODUCT_VIEWED, PRODUCT_ADDED_TO_WISHLIST -> product(o, e.item, e.ts).raw(currency);
      case PRODUCT_ADDED, PRODUCT_REMOVED -> product(o, e.item, e.ts).raw(currency).raw(QUANTITY).number(e.quantity)
          .raw(CART_ID).string(e.id);
      case PRODUCT_LIST_VIEWED -> {
        o.raw(LIST_ID).string(e.name).raw(CATEGORY).string(e.text).raw(PRODUCTS);
        for (int i = 0; i < e.lines; i++) {
          Item item = world.catalog.item(e.items[i]);
          if (i > 0) {
            o.raw(',');
          }
          o.raw(LIST_LINE).string(item.id).raw(NAME).string(item.name).raw(PRICE)
              .amount(world.calendar.price(item, e.ts), scale).raw(POSITION).number(i + 1).raw('}');
        }
        o.raw(']').raw(currency);
      }
      case PRODUCTS_SEARCHED -> o.raw(QUERY).string(e.name);
      case CART_VIEWED -> {
        o.raw(FIRST_CART_ID).string(e.id).raw(PRODUCTS);
        for (int i = 0; i < e.lines; i++) {
          if (i > 0) {
            o.raw(',');
          }
          product(o.raw('{'), world.catalog.item(e.items[i]), e.ts).raw(QUANTITY).number(e.quantities[i]).raw('}');
        }
        o.raw(']').raw(currency);
      }
      case CHECKOUT_STARTED -> {
        ids(o, e.order).raw(VALUE).amount(e.order.subtotal, scale).raw(REVENUE).amount(e.order.revenue(), scale);
        coupon(o, e.order).raw(currency);
        lines(o, e.order);
      }
      case COUPON_APPLIED -> o.raw(ORDER_ID).string(e.order.id).raw(CART_ID).string(e.order.cartId)
          .raw(COUPON_ID).string(e.order.coupon).raw(COUPON_NAME).string(e.order.couponName).raw(DISCOUNT)
          .amount(e.order.discount, scale);
      case PAYMENT_INFO_ENTERED -> ids(o, e.order).raw(STEP).raw(PAYMENT_METHOD).string(e.order.paymentMethod);
      case ORDER_COMPLETED -> {
        Order order = e.order;
        ids(o, order).raw(TOTAL).amount(order.total(), scale).raw(SUBTOTAL).amount(order.subtotal, scale)
            .raw(REVENUE).amount(order.revenue(), scale).raw(SHIPPING).amount(order.shipping, scale).raw(TAX)
            .amount(order.tax, scale);
        coupon(o, order).raw(currency).raw(PAYMENT_METHOD).string(order.paymentMethod);
        lines(o, order);
      }
      case ORDER_CANCELLED, ORDER_REFUNDED -> {
        o.raw(ORDER_ID).string(e.order.id).raw(TOTAL).amount(e.order.total(), scale).raw(REVENUE)
            .amount(e.order.revenue(), scale).raw(currency);
        lines(o, e.order);
      }
      case REVIEW_SUBMITTED -> o.raw(PRODUCT_ID).string(e.item.id).raw(REVIEW_ID).string(e.id).raw(RATING)
          .number(e.number).raw(REVIEW_BODY).string(e.text).raw(LATER_ORDER_ID).string(e.order.id);
      case CONSENT_UPDATED -> {
        int mask = e.person.consents();
        o.raw(ascii("\"purposes\":{"));
        for (int i = 0; i < Person.CONSENT_PURPOSES.length; i++) {
          o.raw(i == 0 ? ascii("\"") : ascii(",\"")).raw(ascii(Person.CONSENT_PURPOSES[i])).raw(ascii("\":"))
              .bool((mask & (1 << i)) != 0);
        }
        o.raw(ascii("},\"notice_version\":\"2026-01\",\"source\":\"cookie_banner\""));
      }
      default -> throw new IllegalStateException("no properties for " + e.kind);
    }
    o.raw('}');
  }

  /** The traits after their opening brace: all of them, the e-mail at a login, or the new loyalty level. */
  void traits(JsonOut o, Ev e) {
    Person p = e.person;
    if (e.number == Identity.LEVEL) {
      o.raw(ascii("\"member_level\":")).string(Person.LEVELS[e.quantity]).raw('}');
      return;
    }
    o.raw(ascii("\"email\":")).string(p.email());
    if (e.number == Identity.FULL) {
      o.raw(ascii(",\"first_name\":")).string(p.first())
          .raw(ascii(",\"last_name\":")).string(p.last())
          .raw(ascii(",\"phone\":")).string(p.phone())
          .raw(ascii(",\"gender\":")).string(p.female ? "female" : "male")
          .raw(ascii(",\"birth_year\":")).number(p.birthYear)
          .raw(ascii(",\"city\":")).string(p.city.city())
          .raw(ascii(",\"region\":")).string(p.city.region())
          .raw(ascii(",\"country\":")).string(p.city.country())
          .raw(ascii(",\"member_level\":")).string(Person.LEVELS[e.quantity])
          .raw(ascii(",\"signup_date\":\"")).rawAscii(time, TimeText.write(p.registeredAt / 1_000 * 1_000, 0, time))
          .raw('"').raw(ascii(",\"accepts_marketing\":")).bool(p.acceptsMarketing);
    }
    o.raw('}');
  }

  /** A product's fields and its price at t (after any markdown), without braces. */
  private JsonOut product(JsonOut o, Item item, long t) {
    return o.raw(item.json).raw(PRICE).amount(world.calendar.price(item, t), scale);
  }

  private void lines(JsonOut o, Order order) {
    o.raw(PRODUCTS);
    for (int i = 0; i < order.items.length; i++) {
      if (i > 0) {
        o.raw(',');
      }
      o.raw('{').raw(world.catalog.item(order.items[i]).json).raw(PRICE).amount(order.prices[i], scale)
          .raw(QUANTITY).number(order.quantities[i]).raw('}');
    }
    o.raw(']');
  }

  private static JsonOut ids(JsonOut o, Order order) {
    return o.raw(ORDER_ID).string(order.id).raw(CHECKOUT_ID).string(order.checkoutId);
  }

  private JsonOut coupon(JsonOut o, Order order) {
    o.raw(DISCOUNT).amount(order.discount, scale);
    return order.coupon == null ? o : o.raw(COUPON).string(order.coupon);
  }
}
