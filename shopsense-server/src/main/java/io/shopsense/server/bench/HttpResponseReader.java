package io.shopsense.server.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 responses one after another from one connection's input stream, for the {@link LoadGen}: the status
 * line, the headers that frame the body ({@code Content-Length}, {@code Transfer-Encoding: chunked}, and
 * {@code Connection: close}, matched without regard to case), then the body, which is read and discarded. Everything
 * goes through one buffer of its own, reused for every response, so that reading a response allocates nothing; the
 * other headers are skipped unread. Interim {@code 1xx} responses are skipped; {@code 204} and {@code 304} have no
 * body; a body framed by neither a length nor chunking runs until the server closes the connection.
 *
 * <p>A response that ends early (the connection closes within it) throws an {@link EOFException}, and one that
 * breaks the syntax an {@link IOException}, both saying what was expected; the connection is then of no further use.
 * Not thread-safe: one reader per connection.
 */
final class HttpResponseReader {
  /** The longest status, header or chunk-size line accepted. */
  static final int MAX_LINE = 8192;

  private static final byte[] CONTENT_LENGTH = ascii("content-length");
  private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
  private static final byte[] CONNECTION = ascii("connection");
  private static final byte[] CHUNKED = ascii("chunked");
  private static final byte[] CLOSE = ascii("close");
  private static final byte[] KEEP_ALIVE = ascii("keep-alive");

  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int limit;
  /** The current line is {@code buf[lineStart, lineEnd)}, without its CRLF. */
  private int lineStart;
  private int lineEnd;
  private boolean close;

  HttpResponseReader(InputStream in) {
    this(in, 16 * 1024);
  }

  HttpResponseReader(InputStream in, int bufferSize) {
    if (bufferSize < MAX_LINE) {
      throw new IllegalArgumentException("the buffer must hold a line of " + MAX_LINE + " bytes: " + bufferSize);
    }
    this.in = in;
    this.buf = new byte[bufferSize];
  }

  /**
   * Reads the next response to its end and returns its status code; afterwards {@link #mustClose()} tells whether the
   * connection can carry another request.
   *
   * @throws EOFException if the connection closes before the response is complete (including before its first byte)
   * @throws IOException  if the response is not HTTP/1.x as expected, or reading fails (e.g. a read time-out)
   */
  int read() throws IOException {
    int status;
    boolean http10;
    long contentLength;
    boolean chunked;
    do {
      if (!readLine()) {
        throw new EOFException("connection closed before the status line");
      }
      http10 = isStatusLine(1, 0);
      if (!http10 && !isStatusLine(1, 1)) {
        throw new IOException("malformed status line: \"" + excerpt() + "\"");
      }
      status = (buf[lineStart + 9] - '0') * 100 + (buf[lineStart + 10] - '0') * 10 + (buf[lineStart + 11] - '0');
      contentLength = -1;
      chunked = false;
      close = http10;
      while (true) {
        if (!readLine()) {
          throw new EOFException("connection closed within the headers");
        }
        if (lineEnd == lineStart) {
          break;
        }
        int colon = indexOf((byte) ':', lineStart, lineEnd);
        if (colon < 0) {
          throw new IOException("malformed header line: \"" + excerpt() + "\"");
        }
        if (nameIs(CONTENT_LENGTH, colon)) {
          long n = parseContentLength(colon + 1);
          if (contentLength >= 0 && n != contentLength) {
            throw new IOException("conflicting Content-Length headers: " + contentLength + " and " + n);
          }
          contentLength = n;
        } else if (nameIs(TRANSFER_ENCODING, colon)) {
          chunked = containsToken(CHUNKED, colon + 1);
        } else if (nameIs(CONNECTION, colon)) {
          if (containsToken(CLOSE, colon + 1)) {
            close = true;
          } else if (http10 && containsToken(KEEP_ALIVE, colon + 1)) {
            close = false;
          }
        }
      }
    } while (status >= 100 && status < 200 && status != 101);
    if (status == 204 || status == 304) {
      return status;
    }
    if (chunked) {
      skipChunked();
    } else if (contentLength >= 0) {
      skip(contentLength, contentLength);
    } else {
      skipToEof();
      close = true;
    }
    return status;
  }

  /** Whether the last response said {@code Connection: close} (or was HTTP/1.0 without keep-alive, or ran to EOF). */
  boolean mustClose() {
    return close;
  }

  private void skipChunked() throws IOException {
    while (true) {
      if (!readLine()) {
        throw new EOFException("connection closed before a chunk's size");
      }
      long size = parseChunkSize();
      if (size == 0) {
        break;
      }
      skip(size, size);
      if (!readLine()) {
        throw new EOFException("connection closed after a chunk's data, before its CRLF");
      }
      if (lineEnd != lineStart) {
        throw new IOException("chunk of " + size + " bytes not followed by CRLF: \"" + excerpt() + "\"");
      }
    }
    // trailers, then the empty line
    do {
      if (!readLine()) {
        throw new EOFException("connection closed within the chunked body's trailers");
      }
    } while (lineEnd != lineStart);
  }

  private long parseChunkSize() throws IOException {
    long size = 0;
    int digits = 0;
    int i = lineStart;
    for (; i < lineEnd; i++) {
      int d = Character.digit(buf[i], 16);
      if (d < 0) {
        break;
      }
      if (++digits > 15) {
        throw new IOException("chunk size too large: \"" + excerpt() + "\"");
      }
      size = size * 16 + d;
    }
    while (i < lineEnd && (buf[i] == ' ' || buf[i] == '\t')) {
      i++;
    }
    if (digits == 0 || (i < lineEnd && buf[i] != ';')) {
      throw new IOException("malformed chunk size line: \"" + excerpt() + "\"");
    }
    return size;
  }

  private long parseContentLength(int from) throws IOException {
    int i = skipSpaces(from);
    int end = lineEnd;
    while (end > i && (buf[end - 1] == ' ' || buf[end - 1] == '\t')) {
      end--;
    }
    if (i == end || end - i > 18) {
      throw new IOException("malformed Content-Length: \"" + excerpt() + "\"");
    }
    long n = 0;
    for (; i < end; i++) {
      if (buf[i] < '0' || buf[i] > '9') {
        throw new IOException("malformed Content-Length: \"" + excerpt() + "\"");
      }
      n = n * 10 + (buf[i] - '0');
    }
    return n;
  }

  /** Discards {@code n} body bytes of {@code total}. */
  private void skip(long n, long total) throws IOException {
    long left = n;
    while (left > 0) {
      if (pos == limit && !fill()) {
        throw new EOFException("connection closed after " + (total - left) + " of " + total + " body bytes");
      }
      int take = (int) Math.min(left, limit - pos);
      pos += take;
      left -= take;
    }
  }

  private void skipToEof() throws IOException {
    pos = limit;
    while (fill()) {
      pos = limit;
    }
  }

  /**
   * Reads the next line into {@code buf[lineStart, lineEnd)}, without its LF or CRLF; false at EOF before any byte of
   * it.
   */
  private boolean readLine() throws IOException {
    int scanned = pos;
    while (true) {
      int lf = indexOf((byte) '\n', scanned, limit);
      if (lf > pos + MAX_LINE || lf < 0 && limit - pos >= MAX_LINE) {
        throw new IOException("line longer than " + MAX_LINE + " bytes");
      }
      if (lf >= 0) {
        lineStart = pos;
        lineEnd = lf > pos && buf[lf - 1] == '\r' ? lf - 1 : lf;
        pos = lf + 1;
        return true;
      }
      int had = limit - pos;
      if (!fillKeeping()) {
        if (had == 0) {
          return false;
        }
        throw new EOFException("connection closed within a line");
      }
      scanned = pos + had;
    }
  }

  /** Refills an empty buffer; false at EOF. */
  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    pos = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  /** Reads more bytes after the unconsumed ones, moving them to the buffer's start first; false at EOF. */
  private boolean fillKeeping() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n <= 0) {
      return false;
    }
    limit += n;
    return true;
  }

  /** {@code HTTP/major.minor SSS} followed by a space or the line's end. */
  private boolean isStatusLine(int major, int minor) {
    int s = lineStart;
    int len = lineEnd - s;
    if (len < 12 || buf[s] != 'H' || buf[s + 1] != 'T' || buf[s + 2] != 'T' || buf[s + 3] != 'P' || buf[s + 4] != '/'
        || buf[s + 5] != '0' + major || buf[s + 6] != '.' || buf[s + 7] != '0' + minor || buf[s + 8] != ' ') {
      return false;
    }
    for (int i = s + 9; i < s + 12; i++) {
      if (buf[i] < '0' || buf[i] > '9') {
        return false;
      }
    }
    return len == 12 || buf[s + 12] == ' ';
  }

  /** Whether the header name {@code buf[lineStart, colon)} is {@code lowerName}, ignoring case. */
  private boolean nameIs(byte[] lowerName, int colon) {
    if (colon - lineStart != lowerName.length) {
      return false;
    }
    for (int i = 0; i < lowerName.length; i++) {
      if (lower(buf[lineStart + i]) != lowerName[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the comma-separated value {@code buf[from, lineEnd)} holds {@code lowerToken}, ignoring case. */
  private boolean containsToken(byte[] lowerToken, int from) {
    int i = from;
    while (i < lineEnd) {
      int end = indexOf((byte) ',', i, lineEnd);
      if (end < 0) {
        end = lineEnd;
      }
      int a = skipSpaces(i);
      int b = end;
      while (b > a && (buf[b - 1] == ' ' || buf[b - 1] == '\t')) {
        b--;
      }
      if (b - a == lowerToken.length) {
        boolean same = true;
        for (int k = 0; k < lowerToken.length && same; k++) {
          same = lower(buf[a + k]) == lowerToken[k];
        }
        if (same) {
          return true;
        }
      }
      i = end + 1;
    }
    return false;
  }

  private int skipSpaces(int from) {
    int i = from;
    while (i < lineEnd && (buf[i] == ' ' || buf[i] == '\t')) {
      i++;
    }
    return i;
  }

  private int indexOf(byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }

  /** The current line for an error message, at most 100 characters of it. */
  private String excerpt() {
    int len = Math.min(lineEnd - lineStart, 100);
    String s = new String(buf, lineStart, len, StandardCharsets.ISO_8859_1);
    return len < lineEnd - lineStart ? s + "…" : s;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
