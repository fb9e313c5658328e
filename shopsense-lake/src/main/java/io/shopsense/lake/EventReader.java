package io.shopsense.lake;

import static io.shopsense.lake.EventFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.event.EventType;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the columns of an event straight from its canonical JSON into an {@link EventRecord}, with the meaning the
 * lake's columns have always had (see {@link LakeTable}): the typed event's fields as core's event decoder reads them,
 * the commerce columns of each standard event, the JSON members {@code properties}, {@code traits} and
 * {@code context} as compact text. No tree and no typed event is built: one pass of an {@link EventScanner} (Jackson's
 * streaming parser) over the bytes, and the texts the columns hold are mostly left where they are in the JSON.
 *
 * <p>JSON the scanner refuses (invalid, or with a member given twice) is parsed into a tree as before and read from
 * the tree's canonical bytes: when that fails, or the event lacks what a typed event needs (a message id, a time, an
 * id of the person; a previous id for an alias), only the envelope's columns (and, when it parsed, the JSON members)
 * are written, and a warning without the content is logged. A JSON member whose bytes are not what Jackson writes for
 * it ({@link EventFields#dirty}) is written again by Jackson. Not thread-safe: one per buffer.
 */
final class EventReader {
  private static final System.Logger LOG = System.getLogger(EventReader.class.getName());
  private static final int ZONE_CACHE = 1_024;

  private final EventScanner scanner = new EventScanner();
  private final EventFields f = new EventFields();
  private final EventRecord.Writer out = new EventRecord.Writer();
  private final Cells cells = new Cells(f, out);
  private final CommerceColumns commerce = new CommerceColumns(cells);
  private final Map<String, Optional<String>> zones = new HashMap<>();
  private byte[] source;

  /** The bytes the last record's texts point into: the event's JSON, or its re-serialisation by Jackson. */
  byte[] source() {
    return source;
  }

  /** The record of an event's JSON-derived columns; {@code seq} only names the event in a warning. */
  byte[] read(long seq, EventEnvelope env) {
    out.reset();
    byte[] json = env.json();
    String problem = null;
    boolean parsed = true;
    try {
      scanner.scan(json, f);
      source = json;
    } catch (IOException | NumberFormatException refused) {
      try {
        JsonNode tree = JsonCodec.parse(json);
        if (tree.isObject()) {
          source = JsonCodec.bytes(tree); // what Jackson made of it, in the canonical form
          scanner.scan(source, f);
        } else {
          parsed = false;
          problem = "not a JSON object";
        }
      } catch (RuntimeException | IOException unreadable) {
        parsed = false;
        problem = unreadable.getClass().getSimpleName();
      }
    }
    if (!parsed) {
      source = json;
      warn(seq, problem);
      envelopeOnly(env, false);
      return out.toBytes();
    }
    try {
      return columns(seq, env);
    } catch (RuntimeException bug) {
      // a bug here must not stop the lake for good (the pipeline would hand the event over again and again)
      LOG.log(System.Logger.Level.ERROR, "event at seq " + seq + " could not be read; only its envelope goes to the "
          + "lake", bug);
      out.reset();
      envelopeOnly(env, false);
      return out.toBytes();
    }
  }

  private byte[] columns(long seq, EventEnvelope env) {
    EventType type = EventType.fromWire(cells.text(TYPE)).orElse(EventType.TRACK);
    Instant timestamp = cells.instant(TIMESTAMP);
    boolean decodable = cells.text(MESSAGE_ID) != null && timestamp != null
        && (cells.text(ANONYMOUS_ID) != null || cells.text(USER_ID) != null)
        && (type != EventType.ALIAS || cells.text(PREVIOUS_ID) != null);
    if (!decodable) {
      warn(seq, "IllegalArgumentException");
      envelopeOnly(env, true);
      return out.toBytes();
    }
    Instant original = cells.instant(ORIGINAL_TIMESTAMP);
    cells.time(original != null ? original : timestamp);
    cells.time(cells.instant(SENT_AT));
    context(type);
    if (type == EventType.TRACK) {
      commerce.write();
      jsonColumns();
      commerce.writeLines();
    } else {
      for (int i = 0; i < 4; i++) {
        out.nullText();
      }
      out.nullNumber();
      out.nullNumber();
      out.nullNumber();
      out.nullText();
      out.nullNumber();
      out.nullText();
      out.nullNumber();
      jsonColumns();
      out.count(0);
    }
    return out.toBytes();
  }

  private void warn(long seq, String why) {
    // never the content: it is personal data
    LOG.log(System.Logger.Level.WARNING, "event at seq " + seq + " could not be decoded; only its envelope goes to "
        + "the lake (" + why + ")");
  }

  /** The row of an event that could not be decoded: its envelope, and the JSON members if the JSON parsed. */
  private void envelopeOnly(EventEnvelope env, boolean parsed) {
    cells.time(env.timestamp());
    out.nullNumber();
    for (int i = 0; i < LEADING_TEXTS_AND_NUMBERS; i++) {
      if (SLOT_IS_TEXT[i]) {
        out.nullText();
      } else {
        out.nullNumber();
      }
    }
    if (parsed) {
      jsonColumns();
    } else {
      out.nullText();
      out.nullText();
      out.nullText();
    }
    out.count(0);
  }

  /** channel … rating: 12 + 4 texts, 3 amounts, currency, units, coupon, rating. */
  private static final int LEADING_TEXTS_AND_NUMBERS = 23;
  private static final boolean[] SLOT_IS_TEXT = new boolean[LEADING_TEXTS_AND_NUMBERS];

  static {
    Arrays.fill(SLOT_IS_TEXT, true);
    SLOT_IS_TEXT[16] = false; // revenue
    SLOT_IS_TEXT[17] = false; // total
    SLOT_IS_TEXT[18] = false; // discount
    SLOT_IS_TEXT[20] = false; // units
    SLOT_IS_TEXT[22] = false; // rating
  }

  private void context(EventType type) {
    boolean ctx = f.kind[CONTEXT] == OBJECT;
    cells.writeText(ctx ? C_CHANNEL : -1);
    cells.writeText(ctx ? C_LOCALE : -1);
    String zone = ctx ? zone(cells.text(C_TIMEZONE)) : null;
    if (zone == null) {
      out.nullText();
    } else {
      out.bytes(zone.getBytes(StandardCharsets.UTF_8));
    }
    cells.writeText(ctx && f.kind[C_DEVICE] == OBJECT ? C_DEVICE_TYPE : -1);
    cells.writeText(ctx ? C_SESSION_ID : -1);
    boolean props = f.kind[PROPERTIES] == OBJECT;
    if ((type == EventType.PAGE || type == EventType.SCREEN) && props
        && (f.kind[P_URL] != MISSING || f.kind[P_PATH] != MISSING)) {
      cells.writeText(P_URL);
      cells.writeText(P_PATH);
      cells.writeText(P_REFERRER);
    } else {
      boolean page = ctx && f.kind[C_PAGE] == OBJECT;
      cells.writeText(page ? C_PAGE_URL : -1);
      cells.writeText(page ? C_PAGE_PATH : -1);
      cells.writeText(page ? C_PAGE_REFERRER : -1);
    }
    boolean campaign = ctx && f.kind[C_CAMPAIGN] == OBJECT;
    cells.writeText(campaign ? C_CAMPAIGN_SOURCE : -1);
    cells.writeText(campaign ? C_CAMPAIGN_MEDIUM : -1);
    cells.writeText(campaign ? C_CAMPAIGN_NAME : -1);
    cells.writeText(ctx && f.kind[C_LOCATION] == OBJECT ? C_COUNTRY : -1);
  }


  private void jsonColumns() {
    jsonColumn(PROPERTIES);
    jsonColumn(TRAITS);
    jsonColumn(CONTEXT);
  }

  /** A member kept whole as compact text (as Jackson writes it to a string), or null when absent or JSON null. */
  private void jsonColumn(int slot) {
    int k = f.kind[slot];
    if (k == MISSING || k == NULL) {
      out.nullText();
    } else if (!f.dirty[slot]) {
      out.slice(f.start[slot], f.stop[slot] - f.start[slot]);
    } else {
      JsonNode node = JsonCodec.parse(Arrays.copyOfRange(f.src, f.start[slot], f.stop[slot]));
      out.bytes(JsonCodec.text(node).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** {@code ZoneId.of(id).getId()}, or null when it names no zone; remembered. */
  private String zone(String id) {
    if (id == null) {
      return null;
    }
    Optional<String> known = zones.get(id);
    if (known == null) {
      try {
        known = Optional.of(ZoneId.of(id).getId());
      } catch (DateTimeException e) {
        known = Optional.empty();
      }
      if (zones.size() >= ZONE_CACHE) {
        zones.clear();
      }
      zones.put(id, known);
    }
    return known.orElse(null);
  }
}
