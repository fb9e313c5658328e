package io.shopsense.lake;

import static io.shopsense.lake.EventFields.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the members the lake needs from an event's JSON into {@link EventFields}, in one pass of Jackson's streaming
 * parser over the bytes, with the factory (and so the limits) of core's {@link JsonCodec}.
 *
 * <p>Every value of the event's object also goes on to a generator of the same factory, as Jackson's tree holds it
 * (integers as such, other numbers as {@code BigDecimal}). So the scanner refuses, with Jackson's exception, the JSON
 * the tree refuses; it also refuses JSON that is not one object, and a member given twice anywhere (the tree keeps the
 * last one, at the place of the first: the reader then goes through the tree). Of a member kept as JSON text
 * ({@code properties}, {@code traits}, {@code context}) the UTF-8 of what the generator writes is compared with the
 * input: when its bytes are not those of {@code JsonCodec.text} of its value it is {@link EventFields#dirty}.
 * Not thread-safe.
 */
final class EventScanner {
  private static final JsonFactory FACTORY = JsonCodec.mapper().getFactory();

  private final Canonical canonical = new Canonical();
  private final Writer canonicalText = new OutputStreamWriter(canonical, StandardCharsets.UTF_8);
  private final List<String> parts = new ArrayList<>();
  private JsonParser p;
  /** Writes each value of the event's object as a root value of its own. */
  private JsonGenerator g;
  private EventFields f;
  // the value scalar() read last: see EventFields
  private int start;
  private int stop;
  private String text;

  /**
   * Reads {@code json} into {@code fields}.
   *
   * @throws IOException for JSON Jackson refuses, a member given twice, or a value that is not an object
   * @throws NumberFormatException for a number Jackson cannot hold (an exponent beyond an {@code int})
   */
  void scan(byte[] json, EventFields fields) throws IOException {
    f = fields;
    f.reset(json);
    try (JsonParser parser = FACTORY.createParser(json);
        JsonGenerator generator = FACTORY.createGenerator(canonicalText)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      generator.setRootValueSeparator(null);
      p = parser;
      g = generator;
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(parser, "not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        switch (parser.currentName()) {
          case "type" -> value(TYPE);
          case "event" -> value(EVENT);
          case "messageId" -> value(MESSAGE_ID);
          case "anonymousId" -> value(ANONYMOUS_ID);
          case "userId" -> value(USER_ID);
          case "timestamp" -> value(TIMESTAMP);
          case "originalTimestamp" -> value(ORIGINAL_TIMESTAMP);
          case "sentAt" -> value(SENT_AT);
          case "previousId" -> value(PREVIOUS_ID);
          case "properties" -> slice(PROPERTIES);
          case "traits" -> slice(TRAITS);
          case "context" -> slice(CONTEXT);
          default -> skipNext();
        }
      }
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "content after the object");
      }
    }
  }

  /** A member kept as JSON text: its position, whether it is as Jackson writes it, and what it holds. */
  private void slice(int slot) throws IOException {
    JsonToken t = p.nextToken();
    int from = (int) p.currentTokenLocation().getByteOffset();
    g.flush();
    canonical.expect(f.src, from);
    if (t == JsonToken.START_OBJECT && slot != TRAITS) {
      pass();
      while (next() == JsonToken.FIELD_NAME) {
        if (slot == PROPERTIES) {
          property(p.currentName());
        } else {
          context(p.currentName());
        }
      }
    } else {
      skip();
    }
    g.flush();
    int to = (int) p.currentLocation().getByteOffset();
    f.set(slot, kind(t), from, to, null);
    f.dirty[slot] = !canonical.matched(to);
    canonical.ignore();
  }

  private void property(String name) throws IOException {
    switch (name) {
      case "order_id" -> value(P_ORDER_ID);
      case "cart_id" -> value(P_CART_ID);
      case "currency" -> value(P_CURRENCY);
      case "query" -> value(P_QUERY);
      case "coupon_id" -> value(P_COUPON_ID);
      case "coupon_name" -> value(P_COUPON_NAME);
      case "discount" -> value(P_DISCOUNT);
      case "rating" -> value(P_RATING);
      case "revenue" -> value(P_REVENUE);
      case "total" -> value(P_TOTAL);
      case "value" -> value(P_VALUE);
      case "url" -> value(P_URL);
      case "path" -> value(P_PATH);
      case "referrer" -> value(P_REFERRER);
      case "products" -> products();
      default -> {
        int member = lineMember(name);
        if (member == L_CATEGORY) {
          category(P_PRODUCT + member, -1);
        } else if (member >= 0) {
          value(P_PRODUCT + member);
        } else {
          skipNext();
        }
      }
    }
  }

  private void context(String name) throws IOException {
    switch (name) {
      case "channel" -> value(C_CHANNEL);
      case "locale" -> value(C_LOCALE);
      case "timezone" -> value(C_TIMEZONE);
      case "sessionId" -> value(C_SESSION_ID);
      case "device" -> nested(C_DEVICE);
      case "campaign" -> nested(C_CAMPAIGN);
      case "location" -> nested(C_LOCATION);
      case "page" -> nested(C_PAGE);
      default -> skipNext();
    }
  }

  /** An object of the context: its kind, and the members of it that have a slot. */
  private void nested(int slot) throws IOException {
    JsonToken t = p.nextToken();
    f.kind[slot] = kind(t);
    if (t != JsonToken.START_OBJECT) {
      skip();
      return;
    }
    pass();
    while (next() == JsonToken.FIELD_NAME) {
      int member = switch (p.currentName()) {
        case "type" -> slot == C_DEVICE ? C_DEVICE_TYPE : -1;
        case "source" -> slot == C_CAMPAIGN ? C_CAMPAIGN_SOURCE : -1;
        case "medium" -> slot == C_CAMPAIGN ? C_CAMPAIGN_MEDIUM : -1;
        case "name" -> slot == C_CAMPAIGN ? C_CAMPAIGN_NAME : -1;
        case "country" -> slot == C_LOCATION ? C_COUNTRY : -1;
        case "url" -> slot == C_PAGE ? C_PAGE_URL : -1;
        case "path" -> slot == C_PAGE ? C_PAGE_PATH : -1;
        case "referrer" -> slot == C_PAGE ? C_PAGE_REFERRER : -1;
        default -> -1;
      };
      if (member >= 0) {
        value(member);
      } else {
        skipNext();
      }
    }
  }

  /** The product members, as {@code L_*}, or -1. */
  private static int lineMember(String name) {
    return switch (name) {
      case "product_id" -> L_PRODUCT_ID;
      case "sku" -> L_SKU;
      case "name" -> L_NAME;
      case "category" -> L_CATEGORY;
      case "brand" -> L_BRAND;
      case "variant" -> L_VARIANT;
      case "price" -> L_PRICE;
      case "quantity" -> L_QUANTITY;
      case "coupon" -> L_COUPON;
      default -> -1;
    };
  }

  private void products() throws IOException {
    JsonToken t = p.nextToken();
    f.kind[P_PRODUCTS] = kind(t);
    if (t != JsonToken.START_ARRAY) {
      skip();
      return;
    }
    pass();
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        skip();
        continue;
      }
      pass();
      int base = f.addLine();
      while (next() == JsonToken.FIELD_NAME) {
        int member = lineMember(p.currentName());
        if (member == L_CATEGORY) {
          category(-1, base + member);
        } else if (member >= 0) {
          lineValue(base + member);
        } else {
          skipNext();
        }
      }
    }
    pass();
  }

  /** A scalar member into a slot; of a container only its kind. */
  private void value(int slot) throws IOException {
    JsonToken t = p.nextToken();
    scalar(t);
    f.set(slot, kind(t), start, stop, text);
  }

  private void lineValue(int at) throws IOException {
    JsonToken t = p.nextToken();
    scalar(t);
    f.setLine(at, kind(t), start, stop, text);
  }

  /** A category into a slot or a line slot: a value, or the texts of an array's elements joined with {@code /}. */
  private void category(int slot, int lineAt) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.START_ARRAY) {
      pass();
      parts.clear();
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        scalar(t);
        parts.add(f.asText(kind(t), start, stop, text));
      }
      pass();
      start = 0;
      stop = 0;
      text = String.join("/", parts);
      t = JsonToken.VALUE_STRING;
    } else {
      scalar(t);
    }
    if (slot >= 0) {
      f.set(slot, kind(t), start, stop, text);
    } else {
      f.setLine(lineAt, kind(t), start, stop, text);
    }
  }

  /** Reads the value at {@code t} into {@link #start}, {@link #stop} and {@link #text}; skips a container. */
  private void scalar(JsonToken t) throws IOException {
    start = 0;
    stop = 0;
    text = null;
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      skip();
      return;
    }
    int at = (int) p.currentTokenLocation().getByteOffset();
    pass();
    if (t == JsonToken.VALUE_STRING) {
      int length = p.getTextLength(); // reads the string whole
      int end = (int) p.currentLocation().getByteOffset() - 1;
      if (end - (at + 1) == length) { // as many bytes as chars: plain ASCII, no escape
        start = at + 1;
        stop = end;
      } else {
        text = p.getText();
      }
    } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      start = at;
      stop = at + p.getTextLength();
    }
  }

  /** Moves to the next token and {@link #pass}es it. */
  private JsonToken next() throws IOException {
    JsonToken t = p.nextToken();
    pass();
    return t;
  }

  /** Passes the current token on to the generator. */
  private void pass() throws IOException {
    g.copyCurrentEventExact(p);
  }

  /** Reads the current value, with all it contains, and passes it on. */
  private void skip() throws IOException {
    g.copyCurrentStructureExact(p);
  }

  /** Reads the next value, with all it contains, and passes it on. */
  private void skipNext() throws IOException {
    p.nextToken();
    skip();
  }

  private static int kind(JsonToken t) {
    if (t == null) {
      return MISSING;
    }
    return switch (t) {
      case VALUE_STRING -> STRING;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NUMBER;
      case VALUE_TRUE -> TRUE;
      case VALUE_FALSE -> FALSE;
      case START_OBJECT -> OBJECT;
      case START_ARRAY -> ARRAY;
      default -> NULL;
    };
  }

  /** Compares the bytes written to it with the input from a position on, or ignores them. */
  private static final class Canonical extends OutputStream {
    private byte[] expected;
    private int pos;
    private boolean same;

    /** Compares what follows with {@code json} from {@code from} on. */
    void expect(byte[] json, int from) {
      expected = json;
      pos = from;
      same = true;
    }

    /** Ignores what follows. */
    void ignore() {
      same = false;
    }

    /** True when what was written since {@link #expect} is the input up to {@code to}. */
    boolean matched(int to) {
      return same && pos == to;
    }

    @Override
    public void write(int b) {
      if (same) {
        same = pos < expected.length && expected[pos] == (byte) b;
        pos++;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (same) {
        same = pos + len <= expected.length && Arrays.equals(b, off, off + len, expected, pos, pos + len);
        pos += len;
      }
    }
  }
}
