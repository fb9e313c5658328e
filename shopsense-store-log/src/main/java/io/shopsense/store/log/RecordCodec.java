package io.shopsense.store.log;

import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.EventType;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The record format, version 1. A frame is
 * <pre>
 *   int    length   bytes after this 8-byte frame header (sequence number + body)
 *   int    crc32c   over the length field and the length bytes after the header
 *   long   seq
 *   body:  byte type (1 identify, 2 track, 3 page, 4 screen, 5 alias),
 *          strings messageId, name, anonymousId, userId, previousId, source
 *            (each a varint of UTF-8 length + 1, 0 for null, then the bytes),
 *          long epochSecond + int nano of timestamp, then of receivedAt,
 *          varint json length, json bytes
 * </pre>
 * An erased event's frame keeps its sequence number and nothing else of it (see {@link #tombstone}):
 * <pre>
 *   body:  byte type 0 (erased), 32 bytes SHA-256 of the message id's UTF-8 bytes
 * </pre>
 * All fixed-width numbers are big-endian. The CRC covers the length so that a damaged length is caught too. Type codes
 * are explicit, not enum ordinals, so that reordering {@link EventType} cannot change the meaning of stored data.
 */
final class RecordCodec {

  static final int FRAME_HEADER_BYTES = 8;
  static final int SEQ_BYTES = 8;
  /** The largest body accepted: keeps a garbage length from looking plausible and a record well inside a segment. */
  static final int MAX_BODY_BYTES = 16 << 20;
  /** seq + type + six one-byte strings + two instants + a one-byte json length. */
  static final int MIN_LENGTH = SEQ_BYTES + 1 + 6 + 24 + 1;
  static final int MAX_LENGTH = SEQ_BYTES + MAX_BODY_BYTES;

  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private RecordCodec() {}

  /** Encodes the envelope on the caller's thread; rejects an event too large for the format. */
  static PreparedRecord prepare(EventEnvelope e, IdHash hash) {
    byte[] id = utf8(e.messageId().value());
    byte[] name = utf8(e.name());
    byte[] anonymous = e.anonymousId() == null ? null : utf8(e.anonymousId().value());
    byte[] user = e.userId() == null ? null : utf8(e.userId().value());
    byte[] previous = e.previousId() == null ? null : utf8(e.previousId());
    byte[] source = utf8(e.source().value());
    byte[] json = e.json();
    long size = 1L + stringBytes(id) + stringBytes(name) + stringBytes(anonymous) + stringBytes(user)
        + stringBytes(previous) + stringBytes(source) + 24 + varintBytes(json.length) + json.length;
    if (size > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("event " + e.messageId() + " is " + size + " bytes encoded; the log takes at most "
          + MAX_BODY_BYTES);
    }
    ByteBuffer b = ByteBuffer.allocate((int) size);
    b.put(typeCode(e.type()));
    putString(b, id);
    putString(b, name);
    putString(b, anonymous);
    putString(b, user);
    putString(b, previous);
    putString(b, source);
    b.putLong(e.timestamp().getEpochSecond()).putInt(e.timestamp().getNano());
    b.putLong(e.receivedAt().getEpochSecond()).putInt(e.receivedAt().getNano());
    putVarint(b, json.length);
    b.put(json);
    return new PreparedRecord(e.messageId().value(), hash.hash(id, 0, id.length),
        identityKeys(hash, anonymous, user, previous), b.array(), null);
  }

  /** Type code of an erased event's frame. */
  static final byte ERASED = 0;
  static final int DIGEST_BYTES = 32;
  /** Offset of the type byte from the start of a frame. */
  static final int TYPE_OFFSET = FRAME_HEADER_BYTES + SEQ_BYTES;

  /**
   * The body of an erased event: the type code 0 and a one-way digest of its message id, so that a retried copy is
   * still recognised as a duplicate while the id itself is gone. 41 bytes with the sequence number: still above
   * {@link #MIN_LENGTH}, so recovery's plausibility checks hold for it.
   */
  static byte[] tombstone(byte[] messageIdDigest) {
    byte[] body = new byte[1 + DIGEST_BYTES];
    body[0] = ERASED;
    System.arraycopy(messageIdDigest, 0, body, 1, DIGEST_BYTES);
    return body;
  }

  /** True when the frame at {@code at} of a heap buffer is an erased event's. */
  static boolean isTombstone(ByteBuffer buf, int at) {
    return buf.get(at + TYPE_OFFSET) == ERASED;
  }

  /** The message-id digest of the erased event's frame at {@code at}. */
  static byte[] tombstoneDigest(ByteBuffer buf, int at) {
    int length = buf.getInt(at);
    if (length != SEQ_BYTES + 1 + DIGEST_BYTES) {
      throw new IllegalArgumentException("an erased event's record has " + length + " bytes");
    }
    byte[] digest = new byte[DIGEST_BYTES];
    buf.get(at + TYPE_OFFSET + 1, digest);
    return digest;
  }

  /** Appends one frame to {@code out}, which must have room for {@link PreparedRecord#frameBytes()}. */
  static void writeFrame(ByteBuffer out, long seq, byte[] body, CRC32C crc) {
    int at = out.position();
    int length = SEQ_BYTES + body.length;
    out.putInt(length).putInt(0).putLong(seq).put(body);
    out.putInt(at + 4, crc(out, at, length, crc));
  }

  /** The CRC a frame at {@code at} with this length must carry (over its length field and everything after the header). */
  static int crc(ByteBuffer buf, int at, int length, CRC32C crc) {
    crc.reset();
    if (buf.hasArray()) {
      byte[] a = buf.array();
      int base = buf.arrayOffset() + at;
      crc.update(a, base, 4);
      crc.update(a, base + FRAME_HEADER_BYTES, length);
    } else {
      ByteBuffer d = buf.duplicate();
      d.limit(at + 4).position(at);
      crc.update(d);
      d.limit(at + FRAME_HEADER_BYTES + length).position(at + FRAME_HEADER_BYTES);
      crc.update(d);
    }
    return (int) crc.getValue();
  }

  static boolean plausibleLength(int length) {
    return length >= MIN_LENGTH && length <= MAX_LENGTH;
  }

  /** Decodes the frame at {@code at} of a heap buffer; throws IllegalArgumentException when the body is malformed. */
  static StoredEvent decode(ByteBuffer buf, int at) {
    Reader r = new Reader(buf, at);
    long seq = r.seq;
    EventType type = typeOf(r.nextByte());
    String id = r.nextString();
    String name = r.nextString();
    String anonymous = r.nextString();
    String user = r.nextString();
    String previous = r.nextString();
    String source = r.nextString();
    Instant timestamp = r.nextInstant();
    Instant receivedAt = r.nextInstant();
    byte[] json = r.nextBytes(r.nextVarint());
    r.requireEnd();
    if (id == null || name == null || source == null) {
      throw new IllegalArgumentException("a required field is null");
    }
    return new StoredEvent(seq, new EventEnvelope(MessageId.of(id), type, name,
        anonymous == null ? null : AnonymousId.of(anonymous), user == null ? null : UserId.of(user), previous,
        timestamp, receivedAt, SourceId.of(source), json));
  }

  /**
   * Reads what the indexes need from the frame at {@code at} of a heap buffer without decoding the event: rebuilding
   * the indexes on open is dominated by this, so it hashes bytes in place and makes no strings.
   */
  static void readKeys(ByteBuffer buf, int at, IdHash hash, Keys out) {
    Reader r = new Reader(buf, at);
    typeOf(r.nextByte());
    byte[] a = buf.array();
    int idLength = r.nextStringLength();
    if (idLength < 0) {
      throw new IllegalArgumentException("the message id is null");
    }
    out.idOffset = r.pos;
    out.idLength = idLength;
    out.idHash = hash.hash(a, r.pos, idLength);
    r.skip(idLength);
    r.skip(Math.max(0, r.nextStringLength()));
    int anonymous = r.nextStringLength();
    int anonymousAt = r.pos;
    r.skip(Math.max(0, anonymous));
    int user = r.nextStringLength();
    int userAt = r.pos;
    r.skip(Math.max(0, user));
    int previous = r.nextStringLength();
    int previousAt = r.pos;
    r.skip(Math.max(0, previous));
    out.identityCount = 0;
    if (anonymous >= 0) {
      out.add(hash.identityKey(IdHash.ANONYMOUS, a, anonymousAt, anonymous));
    }
    if (user >= 0) {
      out.add(hash.identityKey(IdHash.USER, a, userAt, user));
    }
    if (previous >= 0) {
      out.add(hash.identityKey(IdHash.ANONYMOUS, a, previousAt, previous));
      out.add(hash.identityKey(IdHash.USER, a, previousAt, previous));
    }
  }

  /** The index keys of one record, reused across records while scanning. */
  static final class Keys {
    long idHash;
    int idOffset;
    int idLength;
    final int[] identities = new int[4];
    int identityCount;

    void add(int key) {
      for (int i = 0; i < identityCount; i++) {
        if (identities[i] == key) {
          return;
        }
      }
      identities[identityCount++] = key;
    }
  }

  private static int[] identityKeys(IdHash hash, byte[] anonymous, byte[] user, byte[] previous) {
    Keys k = new Keys();
    if (anonymous != null) {
      k.add(hash.identityKey(IdHash.ANONYMOUS, anonymous, 0, anonymous.length));
    }
    if (user != null) {
      k.add(hash.identityKey(IdHash.USER, user, 0, user.length));
    }
    if (previous != null) {
      k.add(hash.identityKey(IdHash.ANONYMOUS, previous, 0, previous.length));
      k.add(hash.identityKey(IdHash.USER, previous, 0, previous.length));
    }
    return Arrays.copyOf(k.identities, k.identityCount);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte typeCode(EventType type) {
    return switch (type) {
      case IDENTIFY -> 1;
      case TRACK -> 2;
      case PAGE -> 3;
      case SCREEN -> 4;
      case ALIAS -> 5;
    };
  }

  private static EventType typeOf(byte code) {
    return switch (code) {
      case 1 -> EventType.IDENTIFY;
      case 2 -> EventType.TRACK;
      case 3 -> EventType.PAGE;
      case 4 -> EventType.SCREEN;
      case 5 -> EventType.ALIAS;
      default -> throw new IllegalArgumentException("unknown event type code " + code);
    };
  }

  private static int stringBytes(byte[] s) {
    return s == null ? 1 : varintBytes(s.length + 1) + s.length;
  }

  private static void putString(ByteBuffer b, byte[] s) {
    if (s == null) {
      b.put((byte) 0);
    } else {
      putVarint(b, s.length + 1);
      b.put(s);
    }
  }

  private static int varintBytes(int v) {
    return v < (1 << 7) ? 1 : v < (1 << 14) ? 2 : v < (1 << 21) ? 3 : v < (1 << 28) ? 4 : 5;
  }

  private static void putVarint(ByteBuffer b, int v) {
    while ((v & ~0x7f) != 0) {
      b.put((byte) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    b.put((byte) v);
  }

  /** A bounds-checked cursor over one frame's bytes after the sequence number. */
  private static final class Reader {
    final byte[] a;
    final long seq;
    final int end;
    int pos;

    Reader(ByteBuffer buf, int at) {
      a = buf.array();
      int base = buf.arrayOffset() + at;
      int length = (int) INT.get(a, base);
      seq = (long) LONG.get(a, base + FRAME_HEADER_BYTES);
      pos = base + FRAME_HEADER_BYTES + SEQ_BYTES;
      end = base + FRAME_HEADER_BYTES + length;
    }

    byte nextByte() {
      need(1);
      return a[pos++];
    }

    int nextVarint() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        byte b = nextByte();
        v |= (b & 0x7f) << shift;
        if (b >= 0) {
          if (v < 0) {
            throw new IllegalArgumentException("negative length");
          }
          return v;
        }
      }
      throw new IllegalArgumentException("malformed varint");
    }

    /** The UTF-8 length of the next string, -1 for null; leaves the cursor at its bytes. */
    int nextStringLength() {
      int n = nextVarint();
      if (n > 0) {
        need(n - 1);
      }
      return n - 1;
    }

    String nextString() {
      int n = nextStringLength();
      if (n < 0) {
        return null;
      }
      String s = new String(a, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    Instant nextInstant() {
      need(12);
      long seconds = (long) LONG.get(a, pos);
      int nanos = (int) INT.get(a, pos + 8);
      pos += 12;
      return Instant.ofEpochSecond(seconds, nanos);
    }

    byte[] nextBytes(int n) {
      need(n);
      byte[] out = Arrays.copyOfRange(a, pos, pos + n);
      pos += n;
      return out;
    }

    void skip(int n) {
      need(n);
      pos += n;
    }

    void requireEnd() {
      if (pos != end) {
        throw new IllegalArgumentException((end - pos) + " unexpected bytes after the json");
      }
    }

    private void need(int n) {
      if (n < 0 || n > end - pos) {
        throw new IllegalArgumentException("field runs past the end of the record");
      }
    }
  }
}
