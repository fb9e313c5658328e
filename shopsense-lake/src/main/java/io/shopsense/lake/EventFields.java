package io.shopsense.lake;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The members of one event's JSON that the lake's columns come from (slots), as {@link EventScanner} found them, and
 * the readings of them the columns use. A value is its kind and, for a number, a string of plain ASCII without
 * escapes or a member kept as JSON text, its position in the JSON's bytes; any other string (and a category given as
 * an array, joined) is kept as the text Jackson decoded. The readings are those of the event decoder the lake used
 * before (core's {@code EventDecoder} and the typed events): {@link #text(int, int, int, String)} as a JSON node's
 * text, {@link #plainText} as the text of a {@code Properties} value, {@link #decimal} as a node's decimal value.
 * Reused from event to event; not thread-safe.
 */
final class EventFields {
  // kinds of value
  static final int MISSING = 0;
  static final int STRING = 1;
  static final int NUMBER = 2;
  static final int TRUE = 3;
  static final int FALSE = 4;
  static final int NULL = 5;
  static final int OBJECT = 6;
  static final int ARRAY = 7;

  // root
  static final int TYPE = 0;
  static final int EVENT = 1;
  static final int MESSAGE_ID = 2;
  static final int ANONYMOUS_ID = 3;
  static final int USER_ID = 4;
  static final int TIMESTAMP = 5;
  static final int ORIGINAL_TIMESTAMP = 6;
  static final int SENT_AT = 7;
  static final int PREVIOUS_ID = 8;
  static final int PROPERTIES = 9;
  static final int TRAITS = 10;
  static final int CONTEXT = 11;
  // context
  static final int C_CHANNEL = 12;
  static final int C_LOCALE = 13;
  static final int C_TIMEZONE = 14;
  static final int C_SESSION_ID = 15;
  static final int C_DEVICE = 16;
  static final int C_DEVICE_TYPE = 17;
  static final int C_CAMPAIGN = 18;
  static final int C_CAMPAIGN_SOURCE = 19;
  static final int C_CAMPAIGN_MEDIUM = 20;
  static final int C_CAMPAIGN_NAME = 21;
  static final int C_LOCATION = 22;
  static final int C_COUNTRY = 23;
  static final int C_PAGE = 24;
  static final int C_PAGE_URL = 25;
  static final int C_PAGE_PATH = 26;
  static final int C_PAGE_REFERRER = 27;
  // properties
  static final int P_ORDER_ID = 28;
  static final int P_CART_ID = 29;
  static final int P_CURRENCY = 30;
  static final int P_QUERY = 31;
  static final int P_COUPON_ID = 32;
  static final int P_COUPON_NAME = 33;
  static final int P_DISCOUNT = 34;
  static final int P_RATING = 35;
  static final int P_REVENUE = 36;
  static final int P_TOTAL = 37;
  static final int P_VALUE = 38;
  static final int P_URL = 39;
  static final int P_PATH = 40;
  static final int P_REFERRER = 41;
  static final int P_PRODUCTS = 42;
  /** The product members of the properties themselves (single-product events): {@code P_PRODUCT + L_*}. */
  static final int P_PRODUCT = 43;
  static final int SLOTS = P_PRODUCT + 9;

  // members of a product object, relative
  static final int L_PRODUCT_ID = 0;
  static final int L_SKU = 1;
  static final int L_NAME = 2;
  static final int L_CATEGORY = 3;
  static final int L_BRAND = 4;
  static final int L_VARIANT = 5;
  static final int L_PRICE = 6;
  static final int L_QUANTITY = 7;
  static final int L_COUPON = 8;
  static final int LINE_SLOTS = 9;

  /** The bytes the slots point into. */
  byte[] src;
  final int[] kind = new int[SLOTS];
  final int[] start = new int[SLOTS];
  final int[] stop = new int[SLOTS];
  /** A string's text when it is not a plain slice of {@link #src}, else null. */
  final String[] text = new String[SLOTS];
  /**
   * For the members kept as JSON text ({@code properties}, {@code traits}, {@code context}): their bytes are not
   * those of {@code JsonCodec.text} of their value, so they cannot be copied as they are.
   */
  final boolean[] dirty = new boolean[SLOTS];

  /** Product objects of {@code properties.products}: {@link #LINE_SLOTS} slots each. */
  int lines;
  int[] lineKind = new int[LINE_SLOTS * 16];
  int[] lineStart = new int[LINE_SLOTS * 16];
  int[] lineStop = new int[LINE_SLOTS * 16];
  String[] lineText = new String[LINE_SLOTS * 16];

  void reset(byte[] bytes) {
    src = bytes;
    Arrays.fill(kind, MISSING);
    lines = 0;
  }

  void set(int slot, int k, int s, int e, String t) {
    kind[slot] = k;
    start[slot] = s;
    stop[slot] = e;
    text[slot] = t;
  }

  void setLine(int at, int k, int s, int e, String t) {
    lineKind[at] = k;
    lineStart[at] = s;
    lineStop[at] = e;
    lineText[at] = t;
  }

  /** Adds a product line; returns its first slot index in the {@code line*} arrays. */
  int addLine() {
    int base = lines * LINE_SLOTS;
    if (base + LINE_SLOTS > lineKind.length) {
      int size = lineKind.length * 2;
      lineKind = Arrays.copyOf(lineKind, size);
      lineStart = Arrays.copyOf(lineStart, size);
      lineStop = Arrays.copyOf(lineStop, size);
      lineText = Arrays.copyOf(lineText, size);
    }
    Arrays.fill(lineKind, base, base + LINE_SLOTS, MISSING);
    lines++;
    return base;
  }

  // ---- readings of a value given as (kind, start, stop, text): see the slot arrays ----

  /**
   * A JSON node's text, blank as null ({@code EventDecoder.text}): strings as they are, numbers as Jackson prints
   * the node, booleans; null for a missing value, JSON null and containers.
   */
  String text(int k, int s, int e, String t) {
    String v;
    switch (k) {
      case STRING -> v = string(s, e, t);
      case NUMBER -> v = numberText(s, e);
      case TRUE -> v = "true";
      case FALSE -> v = "false";
      default -> v = null;
    }
    return v == null || v.isBlank() ? null : v;
  }

  /**
   * The text of a {@code Properties} value, blank as null ({@code Commerce.text}): strings, integers, booleans, and
   * decimals in plain notation.
   */
  String plainText(int k, int s, int e, String t) {
    String v;
    switch (k) {
      case STRING -> v = string(s, e, t);
      case NUMBER -> v = isIntegral(s, e) ? new BigInteger(ascii(s, e)).toString()
          : new BigDecimal(ascii(s, e)).toPlainString();
      case TRUE -> v = "true";
      case FALSE -> v = "false";
      default -> v = null;
    }
    return v == null || v.isBlank() ? null : v;
  }

  /** The decimal of a number node, else null. */
  BigDecimal decimal(int k, int s, int e) {
    return k == NUMBER ? new BigDecimal(ascii(s, e)) : null;
  }

  /** The text of a value inside a category array ({@code JsonNode.asText()}): null prints "null", containers "". */
  String asText(int k, int s, int e, String t) {
    return switch (k) {
      case STRING -> string(s, e, t);
      case NUMBER -> numberText(s, e);
      case TRUE -> "true";
      case FALSE -> "false";
      case NULL -> "null";
      default -> "";
    };
  }

  /** How Jackson prints a number node: integers as long or BigInteger, others as {@code BigDecimal.toString()}. */
  private String numberText(int s, int e) {
    String raw = ascii(s, e);
    if (isIntegral(s, e)) {
      return raw.equals("-0") ? "0" : raw;
    }
    return new BigDecimal(raw).toString();
  }

  boolean isIntegral(int s, int e) {
    for (int i = s; i < e; i++) {
      byte c = src[i];
      if (c == '.' || c == 'e' || c == 'E') {
        return false;
      }
    }
    return true;
  }

  /** A number's text, or a plain string's: ASCII. */
  private String ascii(int s, int e) {
    return new String(src, s, e - s, StandardCharsets.ISO_8859_1);
  }

  /** A string's text: the one Jackson decoded, or the plain slice. */
  private String string(int s, int e, String t) {
    return t != null ? t : ascii(s, e);
  }

  /** True when a plain slice (ASCII) is blank in the sense of {@link String#isBlank()}. */
  boolean blank(int s, int e) {
    for (int i = s; i < e; i++) {
      byte c = src[i];
      if (!(c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F))) {
        return false;
      }
    }
    return true;
  }

  /** An amount at the lake's scale as an unscaled long, or {@link Long#MIN_VALUE} when absent or too large. */
  static long fit(BigDecimal amount) {
    if (amount == null) {
      return Long.MIN_VALUE;
    }
    BigDecimal scaled = amount.setScale(EventRecord.AMOUNT_SCALE, RoundingMode.HALF_EVEN);
    return scaled.precision() > EventRecord.AMOUNT_PRECISION ? Long.MIN_VALUE : scaled.unscaledValue().longValue();
  }

  /** {@link #fit} of a number token, without a BigDecimal for the common shapes ({@code 12}, {@code -2.55}). */
  long fitNumber(int k, int s, int e) {
    if (k != NUMBER) {
      return Long.MIN_VALUE;
    }
    int i = s;
    boolean negative = src[i] == '-';
    if (negative) {
      i++;
    }
    long v = 0;
    int intDigits = 0;
    while (i < e && src[i] >= '0' && src[i] <= '9') {
      v = v * 10 + (src[i++] - '0');
      intDigits++;
    }
    int fracDigits = 0;
    if (i < e && src[i] == '.') {
      i++;
      while (i < e && src[i] >= '0' && src[i] <= '9' && fracDigits < 4) {
        v = v * 10 + (src[i++] - '0');
        fracDigits++;
      }
    }
    if (i != e || intDigits > 13) {
      return fit(decimal(k, s, e)); // more than four decimals, an exponent or a large number
    }
    for (int f = fracDigits; f < 4; f++) {
      v *= 10;
    }
    return negative ? -v : v;
  }
}
