package io.shopsense.core.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.Alias;
import io.shopsense.api.event.CartViewed;
import io.shopsense.api.event.CheckoutStarted;
import io.shopsense.api.event.Context;
import io.shopsense.api.event.CouponApplied;
import io.shopsense.api.event.CustomEvent;
import io.shopsense.api.event.Event;
import io.shopsense.api.event.EventMeta;
import io.shopsense.api.event.EventType;
import io.shopsense.api.event.Identify;
import io.shopsense.api.event.LineItem;
import io.shopsense.api.event.OrderCancelled;
import io.shopsense.api.event.OrderCompleted;
import io.shopsense.api.event.OrderDetails;
import io.shopsense.api.event.OrderRefunded;
import io.shopsense.api.event.Page;
import io.shopsense.api.event.PaymentInfoEntered;
import io.shopsense.api.event.ProductAdded;
import io.shopsense.api.event.ProductAddedToWishlist;
import io.shopsense.api.event.ProductClicked;
import io.shopsense.api.event.ProductListViewed;
import io.shopsense.api.event.ProductRemoved;
import io.shopsense.api.event.ProductSearched;
import io.shopsense.api.event.ProductShared;
import io.shopsense.api.event.ProductViewed;
import io.shopsense.api.event.Properties;
import io.shopsense.api.event.ReviewSubmitted;
import io.shopsense.api.event.StandardEvent;
import io.shopsense.api.event.TrackEvent;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.OrderId;
import io.shopsense.api.id.ProductId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import io.shopsense.core.json.JsonCodec;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an event's canonical JSON (as the log stores it) into the typed {@link Event} hierarchy. Lenient on
 * purpose: stored events were validated when they arrived, and a later, stricter rule must never make history
 * unreadable, so a field that does not fit is read as absent rather than failing.
 */
public final class EventDecoder {

  private EventDecoder() {}

  public static Event decode(StoredEvent stored) {
    return decode(stored.envelope());
  }

  public static Event decode(EventEnvelope envelope) {
    return decode(JsonCodec.parse(envelope.json()));
  }

  /**
   * The event as far as its envelope tells — ids, time, type and name, no properties or context — without reading its
   * JSON; identify and alias calls, whose traits and previous id matter, are decoded whole. For consumers that need
   * only who did something and when (identity resolution), on the hot path of following the log.
   */
  public static Event decodeEnvelope(EventEnvelope e) {
    if (e.type() == EventType.IDENTIFY || e.type() == EventType.ALIAS) {
      return decode(e);
    }
    EventMeta meta = new EventMeta(e.messageId(), e.anonymousId(), e.userId(), e.timestamp(), null, null,
        e.receivedAt(), e.source(), Context.EMPTY);
    if (e.type() == EventType.PAGE || e.type() == EventType.SCREEN) {
      return new Page(meta, e.type(), e.name(), null, null, Properties.EMPTY);
    }
    return new CustomEvent(meta, e.name(), Properties.EMPTY);
  }

  /**
   * An event from the columns the lake keeps of it (its JSON objects whole, as text): how batch jobs — the local
   * rebuild and Spark — read the lake with the very decoding the log's consumers use. Nulls stand for absent values.
   */
  public static Event decodeColumns(String type, String name, String messageId, String anonymousId, String userId,
      String previousId, Instant timestamp, Instant originalTimestamp, Instant sentAt, Instant receivedAt,
      String source, String properties, String traits, String context) {
    com.fasterxml.jackson.databind.node.ObjectNode e = JsonCodec.mapper().createObjectNode();
    e.put("type", type);
    e.put(EventType.fromWire(type).filter(t -> t == EventType.PAGE || t == EventType.SCREEN).isPresent()
        ? "name" : "event", name);
    e.put("previousId", previousId);
    e.set("properties", properties == null ? null : JsonCodec.parse(properties));
    e.set("traits", traits == null ? null : JsonCodec.parse(traits));
    EventMeta meta = new EventMeta(MessageId.of(messageId), anonymousId == null ? null : AnonymousId.of(anonymousId),
        userId == null ? null : UserId.of(userId), timestamp, originalTimestamp, sentAt,
        receivedAt == null ? timestamp : receivedAt, SourceId.of(source == null ? "unknown" : source),
        context(context == null ? null : JsonCodec.parse(context)));
    return decode(e, meta);
  }

  public static Event decode(JsonNode e) {
    return decode(e, meta(e));
  }

  private static Event decode(JsonNode e, EventMeta meta) {
    EventType type = EventType.fromWire(text(e, "type")).orElse(EventType.TRACK);
    switch (type) {
      case IDENTIFY:
        return new Identify(meta, JsonCodec.toProperties(e.get("traits")));
      case ALIAS:
        return new Alias(meta, text(e, "previousId"));
      case PAGE:
      case SCREEN:
        return page(e, meta, type);
      default:
        return track(e, meta);
    }
  }

  private static EventMeta meta(JsonNode e) {
    String anonymous = text(e, "anonymousId");
    String user = text(e, "userId");
    Instant timestamp = instant(e, "timestamp");
    Instant received = instant(e, "receivedAt");
    return new EventMeta(MessageId.of(text(e, "messageId")), anonymous == null ? null : AnonymousId.of(anonymous),
        user == null ? null : UserId.of(user), timestamp, instant(e, "originalTimestamp"), instant(e, "sentAt"),
        received == null ? timestamp : received, SourceId.of(Optional.ofNullable(text(e, "source")).orElse("unknown")),
        context(e.get("context")));
  }

  private static Context context(JsonNode c) {
    if (c == null || !c.isObject()) {
      return Context.EMPTY;
    }
    JsonNode d = c.get("device");
    Context.Device device = d != null && d.isObject() ? new Context.Device(text(d, "id"), text(d, "type"),
        text(d, "manufacturer"), text(d, "model"), os(c)) : null;
    JsonNode cp = c.get("campaign");
    Context.Campaign campaign = cp != null && cp.isObject() ? new Context.Campaign(text(cp, "name"),
        text(cp, "source"), text(cp, "medium"), text(cp, "term"), text(cp, "content")) : null;
    JsonNode location = c.get("location");
    return new Context(text(c, "channel"), device, text(c, "locale"), zone(text(c, "timezone")),
        pageInfo(c.get("page")), campaign, text(c, "sessionId"),
        location != null && location.isObject() ? text(location, "country") : null, JsonCodec.toProperties(c));
  }

  private static String os(JsonNode context) {
    JsonNode os = context.get("os");
    return os != null && os.isObject() ? text(os, "name") : null;
  }

  private static Page.PageInfo pageInfo(JsonNode p) {
    if (p == null || !p.isObject()) {
      return null;
    }
    return new Page.PageInfo(text(p, "url"), text(p, "path"), text(p, "title"), text(p, "referrer"),
        text(p, "search"));
  }

  private static Page page(JsonNode e, EventMeta meta, EventType type) {
    JsonNode props = e.get("properties");
    Page.PageInfo info = props != null && props.isObject() && (props.has("url") || props.has("path"))
        ? pageInfo(props) : meta.context().page();
    String category = text(e, "category");
    if (category == null && props != null) {
      category = text(props, "category");
    }
    return new Page(meta, type, text(e, "name"), category, info, JsonCodec.toProperties(props));
  }

  private static TrackEvent track(JsonNode e, EventMeta meta) {
    String name = text(e, "event");
    JsonNode p = e.get("properties");
    if (p == null || !p.isObject()) {
      p = JsonCodec.mapper().createObjectNode();
    }
    Properties props = JsonCodec.toProperties(p);
    Optional<StandardEvent> standard = StandardEvent.byName(name == null ? "" : name);
    if (standard.isEmpty()) {
      return new CustomEvent(meta, name == null || name.isBlank() ? "(unnamed)" : name, props);
    }
    switch (standard.get()) {
      case PRODUCT_VIEWED:
        return new ProductViewed(meta, line(p), props);
      case PRODUCT_CLICKED:
        return new ProductClicked(meta, line(p), props);
      case PRODUCT_SHARED:
        return new ProductShared(meta, line(p), props);
      case PRODUCT_ADDED_TO_WISHLIST:
        return new ProductAddedToWishlist(meta, line(p), text(p, "wishlist_id"), props);
      case PRODUCT_ADDED:
        return new ProductAdded(meta, line(p), text(p, "cart_id"), props);
      case PRODUCT_REMOVED:
        return new ProductRemoved(meta, line(p), text(p, "cart_id"), props);
      case PRODUCT_SEARCHED:
        return new ProductSearched(meta, text(p, "query"), props);
      case PRODUCT_LIST_VIEWED:
        return new ProductListViewed(meta, text(p, "list_id"), text(p, "category"), lines(p), props);
      case CART_VIEWED:
        return new CartViewed(meta, text(p, "cart_id"), lines(p), props);
      case CHECKOUT_STARTED:
        return new CheckoutStarted(meta, order(p), props);
      case PAYMENT_INFO_ENTERED:
        return new PaymentInfoEntered(meta, text(p, "checkout_id"), text(p, "order_id"),
            text(p, "payment_method"), props);
      case ORDER_COMPLETED:
        return new OrderCompleted(meta, order(p), props);
      case ORDER_CANCELLED:
        return new OrderCancelled(meta, order(p), props);
      case ORDER_REFUNDED:
        return new OrderRefunded(meta, order(p), props);
      case COUPON_APPLIED:
        return new CouponApplied(meta, text(p, "order_id"), text(p, "cart_id"), text(p, "coupon_id"),
            text(p, "coupon_name"), decimal(p, "discount"), props);
      case REVIEW_SUBMITTED:
        String product = text(p, "product_id");
        BigDecimal rating = decimal(p, "rating");
        return new ReviewSubmitted(meta, product == null ? null : ProductId.of(product), text(p, "review_id"),
            rating == null ? null : rating.intValue(), text(p, "review_body"), props);
      default:
        return new CustomEvent(meta, name, props);
    }
  }

  private static OrderDetails order(JsonNode p) {
    String orderId = text(p, "order_id");
    BigDecimal total = decimal(p, "total");
    return new OrderDetails(orderId == null ? null : OrderId.of(orderId), text(p, "checkout_id"),
        text(p, "affiliation"), total != null ? total : decimal(p, "value"), decimal(p, "subtotal"),
        decimal(p, "revenue"), decimal(p, "shipping"), decimal(p, "tax"), decimal(p, "discount"), text(p, "coupon"),
        text(p, "currency"), lines(p));
  }

  private static List<LineItem> lines(JsonNode p) {
    JsonNode products = p.get("products");
    if (products == null || !products.isArray()) {
      return List.of();
    }
    List<LineItem> lines = new ArrayList<>(products.size());
    for (JsonNode line : products) {
      LineItem item = line.isObject() ? line(line) : null;
      if (item != null) {
        lines.add(item);
      }
    }
    return lines;
  }

  /** A product object as a line item, or null if it names no product. */
  private static LineItem line(JsonNode p) {
    String id = text(p, "product_id");
    String sku = text(p, "sku");
    if (id == null && sku == null) {
      return null;
    }
    BigDecimal quantity = decimal(p, "quantity");
    BigDecimal position = decimal(p, "position");
    return new LineItem(ProductId.of(id != null ? id : sku), sku, text(p, "name"), category(p.get("category")),
        text(p, "brand"), text(p, "variant"), decimal(p, "price"),
        quantity == null || quantity.signum() <= 0 ? 1 : quantity.longValue(), text(p, "coupon"),
        position == null ? null : position.intValue(), JsonCodec.toProperties(p));
  }

  private static String category(JsonNode c) {
    if (c == null || c.isNull()) {
      return null;
    }
    if (c.isArray()) {
      List<String> parts = new ArrayList<>();
      c.forEach(x -> parts.add(x.asText()));
      return String.join("/", parts);
    }
    return c.isValueNode() ? c.asText() : null;
  }

  static String text(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull() || n.isContainerNode()) {
      return null;
    }
    String s = n.asText();
    return s.isBlank() ? null : s;
  }

  private static BigDecimal decimal(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isNumber()) {
      return null;
    }
    return n.decimalValue();
  }

  private static Instant instant(JsonNode parent, String field) {
    return IsoTime.parseOrNull(text(parent, field));
  }

  private static ZoneId zone(String id) {
    if (id == null) {
      return null;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
