package io.shopsense.demo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 JSON byte buffer, written by hand: the demo shop's events are mostly fixed fragments (field names,
 * a session's context, a product's id, name, category and brand) that are encoded once and copied, which is what
 * makes generation several times faster than building each event through a general JSON generator. Strings are
 * escaped as JSON requires; every event written here is parsed back by Jackson in the tests.
 */
final class JsonOut {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] buf;
  private int len;

  JsonOut(int capacity) {
    buf = new byte[capacity];
  }

  /** ASCII text as bytes, for fixed fragments such as {@code ,"messageId":}. */
  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** The JSON fragment that {@code build} writes, as bytes. */
  static byte[] fragment(java.util.function.Consumer<JsonOut> build) {
    JsonOut out = new JsonOut(256);
    build.accept(out);
    return out.toByteArray();
  }

  int length() {
    return len;
  }

  byte[] buffer() {
    return buf;
  }

  void reset() {
    len = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  JsonOut raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
    return this;
  }

  JsonOut raw(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /** ASCII characters written as they are (digits, timestamps: nothing to escape). */
  JsonOut rawAscii(char[] chars, int n) {
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) chars[i];
    }
    return this;
  }

  /** A quoted, escaped JSON string. */
  JsonOut string(String s) {
    raw('"');
    body(s);
    return raw('"');
  }

  /** The escaped characters of a JSON string, without the quotes. */
  JsonOut body(String s) {
    int n = s.length();
    ensure(n * 6);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          buf[len++] = (byte) c;
        } else {
          escape(c);
        }
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xc0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xf0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        escape(c); // a lone surrogate: valid JSON only as an escape
      } else {
        buf[len++] = (byte) (0xe0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return this;
  }

  private void escape(char c) {
    buf[len++] = '\\';
    switch (c) {
      case '"' -> buf[len++] = '"';
      case '\\' -> buf[len++] = '\\';
      case '\n' -> buf[len++] = 'n';
      case '\r' -> buf[len++] = 'r';
      case '\t' -> buf[len++] = 't';
      case '\b' -> buf[len++] = 'b';
      case '\f' -> buf[len++] = 'f';
      default -> {
        buf[len++] = 'u';
        buf[len++] = HEX[(c >> 12) & 0xf];
        buf[len++] = HEX[(c >> 8) & 0xf];
        buf[len++] = HEX[(c >> 4) & 0xf];
        buf[len++] = HEX[c & 0xf];
      }
    }
  }

  /** A whole number. */
  JsonOut number(long v) {
    ensure(20);
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    int start = len;
    do {
      buf[len++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v > 0);
    for (int i = start, j = len - 1; i < j; i++, j--) {
      byte t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
    return this;
  }

  /** An amount of {@code minor} units with {@code scale} digits after the point: 1999, 2 is 19.99. */
  JsonOut amount(long minor, int scale) {
    if (scale == 0) {
      return number(minor);
    }
    if (minor < 0) {
      raw('-');
      minor = -minor;
    }
    long unit = 1;
    for (int i = 0; i < scale; i++) {
      unit *= 10;
    }
    number(minor / unit);
    ensure(scale + 1);
    buf[len++] = '.';
    long fraction = minor % unit;
    for (long u = unit / 10; u > 0; u /= 10) {
      buf[len++] = (byte) ('0' + fraction / u % 10);
    }
    return this;
  }

  JsonOut bool(boolean b) {
    return raw(b ? TRUE : FALSE);
  }

  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
}
