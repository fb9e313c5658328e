package io.shopsense.lake;

import java.util.Arrays;

/**
 * The compact form in which the {@link WriteBuffer} keeps the JSON-derived columns of one event until it writes them:
 * a byte array of cells in column order, texts mostly as (offset, length) into the event's JSON, which the buffer
 * keeps as it is. The envelope's columns are not in it.
 *
 * <p>Layout: original timestamp, sent at (nullable micros); then {@code channel … country} (12 texts),
 * {@code product_id, query, order_id, cart_id} (texts), {@code revenue, total, discount} (amounts), {@code currency},
 * {@code units} (nullable long), {@code coupon}, {@code rating} (nullable long), {@code properties, traits,
 * context} (texts); then the line count and per line {@code product_id, sku, name, category, brand, variant}
 * (texts), {@code price} (amount), {@code quantity} (long), {@code coupon} (text). A text is a varint tag: 0 for
 * null, {@code len << 1 | 1} followed by the varint offset into the JSON, or {@code (len + 1) << 1} followed by the
 * bytes; a nullable number is 0 for null or 1 followed by its zig-zag varint.
 */
final class EventRecord {
  static final int AMOUNT_SCALE = 4;
  static final int AMOUNT_PRECISION = 18;

  private EventRecord() {}

  /** Builds records; reused from event to event. */
  static final class Writer {
    private byte[] buf = new byte[512];
    private int len;

    void reset() {
      len = 0;
    }

    byte[] toBytes() {
      return Arrays.copyOf(buf, len);
    }

    void nullText() {
      put(0);
    }

    void slice(int offset, int length) {
      varint(((long) length << 1) | 1);
      varint(offset);
    }

    void bytes(byte[] text) {
      varint(((long) text.length + 1) << 1);
      ensure(text.length);
      System.arraycopy(text, 0, buf, len, text.length);
      len += text.length;
    }

    void nullNumber() {
      put(0);
    }

    void number(long v) {
      put(1);
      varint((v << 1) ^ (v >> 63));
    }

    void count(int n) {
      varint(n);
    }

    private void put(int b) {
      ensure(1);
      buf[len++] = (byte) b;
    }

    private void varint(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[len++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[len++] = (byte) v;
    }

    private void ensure(int n) {
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
    }
  }

  /** Reads a record cell by cell. */
  static final class Reader {
    private byte[] rec;
    private byte[] json;
    private int pos;
    private long textBytes;
    boolean isNull;
    long number;

    void reset(byte[] record, byte[] source) {
      rec = record;
      json = source;
      pos = 0;
      textBytes = 0;
    }

    /** The bytes of the texts returned since the last call (or reset). */
    long textBytes() {
      long n = textBytes;
      textBytes = 0;
      return n;
    }

    /** The next text as its UTF-8 bytes (a fresh array), or null. */
    byte[] text() {
      long tag = varint();
      if (tag == 0) {
        return null;
      }
      if ((tag & 1) == 1) {
        int length = (int) (tag >>> 1);
        int offset = (int) varint();
        textBytes += length;
        return Arrays.copyOfRange(json, offset, offset + length);
      }
      int length = (int) (tag >>> 1) - 1;
      textBytes += length;
      byte[] out = Arrays.copyOfRange(rec, pos, pos + length);
      pos += length;
      return out;
    }

    void skipText() {
      long tag = varint();
      if (tag == 0) {
        return;
      }
      if ((tag & 1) == 1) {
        varint();
      } else {
        pos += (int) (tag >>> 1) - 1;
      }
    }

    /** The next nullable number: {@link #isNull}, else {@link #number}. */
    void number() {
      isNull = rec[pos++] == 0;
      if (!isNull) {
        long z = varint();
        number = (z >>> 1) ^ -(z & 1);
      }
    }

    int count() {
      return (int) varint();
    }

    private long varint() {
      long v = 0;
      int shift = 0;
      while (true) {
        byte b = rec[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
        shift += 7;
      }
    }
  }
}
