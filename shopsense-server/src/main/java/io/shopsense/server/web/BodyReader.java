package io.shopsense.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.springframework.http.HttpStatus;

/**
 * Reads a request body whole, with a hard limit applied to the decoded bytes (so that a small gzip bomb cannot
 * exhaust memory), and checks its media type before reading it.
 */
public final class BodyReader {
  private BodyReader() {}

  /** Checks that the request declares a JSON body ({@code text/plain} is allowed for browser beacons). */
  public static void requireJson(HttpServletRequest request) {
    String type = request.getContentType();
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (!(t.startsWith("application/json") || t.matches("application/[^;]*\\+json.*") || t.startsWith("text/plain"))) {
      throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
          "send events as application/json");
    }
  }

  /** The body, gunzipped when {@code Content-Encoding: gzip}; a 413 problem past {@code maxBytes}. */
  public static byte[] read(HttpServletRequest request, long maxBytes) throws IOException {
    if (request.getContentLengthLong() > maxBytes && !gzipped(request)) {
      throw tooLarge(maxBytes);
    }
    InputStream in = request.getInputStream();
    if (gzipped(request)) {
      try {
        in = new GZIPInputStream(in, 64 * 1024);
      } catch (ZipException e) {
        throw ApiProblem.badRequest("malformed_gzip", "the body is not valid gzip");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(
        (int) Math.min(Math.max(request.getContentLength(), 8192), maxBytes));
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge(maxBytes);
        }
        out.write(buffer, 0, n);
      }
    } catch (ZipException e) {
      throw ApiProblem.badRequest("malformed_gzip", "the body is not valid gzip");
    }
    return out.toByteArray();
  }

  /**
   * Parses a JSON body, refusing invalid UTF-8 first: Jackson alone decodes overlong forms ({@code C0 AF} as
   * {@code /}, a path-traversal classic), encoded surrogates and code points past U+10FFFF instead of refusing them,
   * and such text would reach the stores as something other than what was sent.
   *
   * @throws java.io.UncheckedIOException when the bytes are not strict UTF-8 or not JSON
   */
  public static com.fasterxml.jackson.databind.JsonNode parseJson(byte[] bytes) {
    try {
      java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes));
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new java.io.UncheckedIOException("the body is not valid UTF-8", e);
    }
    return io.shopsense.core.json.JsonCodec.parse(bytes);
  }

  /** An input stream over the body, gunzipped when declared so. */
  public static InputStream stream(HttpServletRequest request) throws IOException {
    InputStream in = request.getInputStream();
    return gzipped(request) ? new GZIPInputStream(in, 64 * 1024) : in;
  }

  private static boolean gzipped(HttpServletRequest request) {
    String enc = request.getHeader("Content-Encoding");
    return enc != null && enc.toLowerCase(Locale.ROOT).contains("gzip");
  }

  private static ApiProblem tooLarge(long maxBytes) {
    return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
        "the body is larger than " + maxBytes + " bytes");
  }
}
