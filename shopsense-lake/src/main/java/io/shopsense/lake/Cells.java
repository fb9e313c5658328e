package io.shopsense.lake;

import static io.shopsense.lake.EventFields.*;

import io.shopsense.core.collect.IsoTime;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes the values of an {@link EventFields} slot (or product-line slot) into an {@link EventRecord} with the readings
 * the columns use: a node's text or a property's text (blank as null), an amount fitted to the lake's scale, a
 * quantity, a category, a time. A text that is a plain string of the JSON is written as its position there.
 */
final class Cells {
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  final EventFields f;
  final EventRecord.Writer out;

  Cells(EventFields fields, EventRecord.Writer writer) {
    this.f = fields;
    this.out = writer;
  }

  /**
   * A category as {@code EventDecoder.category}: a value's text as it is (even blank), an array's joined (which
   * {@link EventScanner} gives as a string).
   */
  void category(int k, int s, int e, String t) {
    if (k == STRING && t == null) {
      out.slice(s, e - s);
    } else if (k == STRING || k == NUMBER || k == TRUE || k == FALSE) {
      out.bytes(f.asText(k, s, e, t).getBytes(StandardCharsets.UTF_8));
    } else {
      out.nullText();
    }
  }

  /** A line's quantity: its whole units, 1 when absent, not a number, or not positive. */
  long quantity(int k, int s, int e) {
    if (k != NUMBER) {
      return 1;
    }
    byte[] b = f.src;
    if (e - s <= 18 && f.isIntegral(s, e)) {
      if (b[s] == '-') {
        return 1;
      }
      long v = 0;
      for (int i = s; i < e; i++) {
        v = v * 10 + (b[i] - '0');
      }
      return v <= 0 ? 1 : v;
    }
    BigDecimal q = f.decimal(k, s, e);
    return q.signum() <= 0 ? 1 : q.longValue();
  }

  // ---- values ----

  void amount(int slot) {
    fitted(slot < 0 ? Long.MIN_VALUE : f.fitNumber(f.kind[slot], f.start[slot], f.stop[slot]));
  }

  void fitted(long unscaled) {
    if (unscaled == Long.MIN_VALUE) {
      out.nullNumber();
    } else {
      out.number(unscaled);
    }
  }

  /** The typed value if present, else the property's text ({@code or(typed, sent)}). */
  void textOr(int typed, int plain) {
    if (typed >= 0 && present(typed)) {
      writeText(typed);
    } else {
      writePlain(plain);
    }
  }

  String text(int slot) {
    return f.text(f.kind[slot], f.start[slot], f.stop[slot], f.text[slot]);
  }

  boolean present(int slot) {
    return slot >= 0 && present(f.kind[slot], f.start[slot], f.stop[slot], f.text[slot]);
  }

  boolean present(int k, int s, int e, String t) {
    if (k == STRING && t == null) {
      return !f.blank(s, e);
    }
    return f.text(k, s, e, t) != null;
  }

  /** A node's text ({@link EventFields#text(int, int, int, String)}), or null for slot -1. */
  void writeText(int slot) {
    if (slot < 0) {
      out.nullText();
    } else {
      write(f.kind[slot], f.start[slot], f.stop[slot], f.text[slot]);
    }
  }

  void write(int k, int s, int e, String t) {
    if (k == STRING && t == null) {
      if (f.blank(s, e)) {
        out.nullText();
      } else {
        out.slice(s, e - s);
      }
      return;
    }
    String v = f.text(k, s, e, t);
    if (v == null) {
      out.nullText();
    } else {
      out.bytes(v.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A property's text ({@link EventFields#plainText}). */
  void writePlain(int slot) {
    if (slot < 0) {
      out.nullText();
      return;
    }
    int k = f.kind[slot];
    if (k == STRING) {
      write(k, f.start[slot], f.stop[slot], f.text[slot]);
      return;
    }
    String v = f.plainText(k, f.start[slot], f.stop[slot], f.text[slot]);
    if (v == null) {
      out.nullText();
    } else {
      out.bytes(v.getBytes(StandardCharsets.UTF_8));
    }
  }

  void time(Instant t) {
    if (t == null || t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      out.nullNumber(); // outside what any reader handles; the JSON keeps what was sent
    } else {
      out.number(t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000);
    }
  }

  Instant instant(int slot) {
    return IsoTime.parseOrNull(text(slot));
  }

  boolean lineText(int at) {
    return present(f.lineKind[at], f.lineStart[at], f.lineStop[at], f.lineText[at]);
  }

  void lineWrite(int at) {
    write(f.lineKind[at], f.lineStart[at], f.lineStop[at], f.lineText[at]);
  }
}
