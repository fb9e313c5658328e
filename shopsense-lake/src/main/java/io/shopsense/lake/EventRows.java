package io.shopsense.lake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.Context;
import io.shopsense.api.event.Event;
import io.shopsense.api.event.EventMeta;
import io.shopsense.api.event.LineItem;
import io.shopsense.api.event.Page;
import io.shopsense.core.collect.EventDecoder;
import io.shopsense.core.json.JsonCodec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;

/**
 * Turns a stored event into its row of {@link LakeTable#EVENTS} and its rows of {@link LakeTable#LINES}, appended in
 * the tables' column order plus the partition date. Every value is checked before the row starts, because a value the
 * appender refuses half-way through a row leaves the appender unusable.
 */
final class EventRows {
  private static final System.Logger LOG = System.getLogger(EventRows.class.getName());
  private static final int AMOUNT_SCALE = 4;
  private static final int AMOUNT_PRECISION = 18;
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private EventRows() {}

  /** The partition of an event: the UTC date of its corrected timestamp. */
  static LocalDate day(Instant timestamp) {
    return LocalDate.ofInstant(timestamp, ZoneOffset.UTC);
  }

  /** Appends the event's rows; returns the number of lines appended. */
  static int append(StoredEvent stored, DuckDBAppender events, DuckDBAppender lines) throws SQLException {
    EventEnvelope env = stored.envelope();
    JsonNode json = null;
    Event event = null;
    try {
      json = JsonCodec.parse(env.json());
      event = EventDecoder.decode(json);
    } catch (RuntimeException unreadable) {
      // the log's copy is validated canonical JSON, so this is a bug or damage; the envelope still gives the keys,
      // and refusing the event would stop the lake for good. Never log the content: it is personal data.
      LOG.log(System.Logger.Level.WARNING, "event at seq " + stored.seq()
          + " could not be decoded; only its envelope goes to the lake (" + unreadable.getClass().getSimpleName()
          + ")");
    }
    EventMeta meta = event == null ? null : event.meta();
    Context ctx = meta == null ? Context.EMPTY : meta.context();
    Commerce commerce = event == null ? Commerce.NONE : Commerce.of(event);
    Page.PageInfo page = event instanceof Page && ((Page) event).info() != null ? ((Page) event).info() : ctx.page();
    LocalDate day = day(env.timestamp());

    events.beginRow()
        .append(stored.seq());
    text(events, env.messageId().value());
    text(events, env.type().wireName());
    text(events, env.name());
    text(events, env.anonymousId() == null ? null : env.anonymousId().value());
    text(events, env.userId() == null ? null : env.userId().value());
    text(events, env.previousId());
    time(events, env.timestamp());
    time(events, meta == null ? env.timestamp() : meta.originalTimestamp());
    time(events, meta == null ? null : meta.sentAt());
    time(events, env.receivedAt());
    text(events, env.source().value());
    text(events, ctx.channel());
    text(events, ctx.locale());
    text(events, ctx.timezone() == null ? null : ctx.timezone().getId());
    text(events, ctx.device() == null ? null : ctx.device().type());
    text(events, ctx.sessionId());
    text(events, page == null ? null : page.url());
    text(events, page == null ? null : page.path());
    text(events, page == null ? null : page.referrer());
    text(events, ctx.campaign() == null ? null : ctx.campaign().source());
    text(events, ctx.campaign() == null ? null : ctx.campaign().medium());
    text(events, ctx.campaign() == null ? null : ctx.campaign().name());
    text(events, ctx.country());
    text(events, commerce.productId());
    text(events, commerce.query());
    text(events, commerce.orderId());
    text(events, commerce.cartId());
    amount(events, commerce.revenue());
    amount(events, commerce.total());
    amount(events, commerce.discount());
    text(events, commerce.currency());
    whole(events, commerce.units());
    text(events, commerce.coupon());
    if (commerce.rating() == null) {
      events.appendNull();
    } else {
      events.append(commerce.rating().intValue());
    }
    text(events, object(json, "properties"));
    text(events, object(json, "traits"));
    text(events, object(json, "context"));
    events.append(day).endRow();

    List<LineItem> items = commerce.lines();
    for (int i = 0; i < items.size(); i++) {
      LineItem item = items.get(i);
      lines.beginRow().append(stored.seq());
      text(lines, env.messageId().value());
      text(lines, env.name());
      time(lines, env.timestamp());
      text(lines, env.anonymousId() == null ? null : env.anonymousId().value());
      text(lines, env.userId() == null ? null : env.userId().value());
      text(lines, commerce.orderId());
      text(lines, commerce.cartId());
      lines.append(i);
      text(lines, item.productId().value());
      text(lines, item.sku());
      text(lines, item.name());
      text(lines, item.category());
      text(lines, item.brand());
      text(lines, item.variant());
      amount(lines, item.price());
      lines.append(item.quantity());
      text(lines, item.coupon());
      lines.append(day).endRow();
    }
    return items.size();
  }

  /** An amount at the lake's scale, or null when it does not fit DECIMAL(18,4) (the original stays in the JSON). */
  static BigDecimal fit(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    BigDecimal scaled = amount.setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN);
    return scaled.precision() > AMOUNT_PRECISION ? null : scaled;
  }

  private static void amount(DuckDBAppender a, BigDecimal amount) throws SQLException {
    BigDecimal fitted = fit(amount);
    if (fitted == null) {
      a.appendNull();
    } else {
      a.append(fitted);
    }
  }

  private static void text(DuckDBAppender a, String s) throws SQLException {
    if (s == null) {
      a.appendNull();
    } else {
      a.append(s);
    }
  }

  private static void whole(DuckDBAppender a, Long n) throws SQLException {
    if (n == null) {
      a.appendNull();
    } else {
      a.append(n.longValue());
    }
  }

  private static void time(DuckDBAppender a, Instant t) throws SQLException {
    if (t == null || t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      a.appendNull(); // outside what any reader handles; the JSON keeps what was sent
    } else {
      // TIMESTAMPTZ holds microseconds since the epoch; the log already truncates to microseconds
      a.appendEpochMicros(t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000);
    }
  }

  /** A JSON member kept whole as compact text, or null when absent. */
  private static String object(JsonNode json, String field) {
    JsonNode n = json == null ? null : json.get(field);
    return n == null || n.isNull() || n.isMissingNode() ? null : JsonCodec.text(n);
  }
}
