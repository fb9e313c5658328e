package io.shopsense.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The load generator's HTTP/1.1 response reader: framing of the body, keep-alive and broken responses. */
class HttpResponseReaderTest {

  private static HttpResponseReader reader(String... responses) {
    return new HttpResponseReader(new ByteArrayInputStream(String.join("", responses)
        .getBytes(StandardCharsets.ISO_8859_1)));
  }

  /** Hands out at most {@code n} bytes a read, so that lines and bodies straddle the reader's refills. */
  private static InputStream trickle(String text, int n) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, n));
      }
    };
  }

  @Test
  void readsABodyOfContentLengthAndLeavesTheConnectionOpen() throws IOException {
    HttpResponseReader r = reader("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-LENGTH: 11\r\n\r\n"
        + "{\"ok\":true}");

    assertThat(r.read()).isEqualTo(200);
    assertThat(r.mustClose()).isFalse();
    assertThatThrownBy(r::read).isInstanceOf(EOFException.class).hasMessageContaining("before the status line");
  }

  @Test
  void readsAChunkedBodyWithExtensionsAndTrailers() throws IOException {
    String chunked = "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
        + "5;name=value\r\nhello\r\n"
        + "1A ; ext\r\nabcdefghijklmnopqrstuvwxyz\r\n"
        + "0;last\r\nX-Checksum: 42\r\nX-Other: yes\r\n\r\n";
    HttpResponseReader r = reader(chunked, "HTTP/1.1 204 No Content\r\n\r\n");

    assertThat(r.read()).isEqualTo(404);
    assertThat(r.mustClose()).isFalse();
    assertThat(r.read()).as("the chunked body was consumed to its very end").isEqualTo(204);
  }

  @Test
  void readsResponsesBackToBackOnOneStream() throws IOException {
    String first = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst";
    String second = "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
    String third = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    HttpResponseReader r = new HttpResponseReader(trickle(first + second + third + first, 3));

    assertThat(r.read()).isEqualTo(200);
    assertThat(r.read()).isEqualTo(503);
    assertThat(r.read()).isEqualTo(200);
    assertThat(r.read()).isEqualTo(200);
    assertThat(r.mustClose()).isFalse();
  }

  @Test
  void bodiesLargerThanTheBufferAreSkippedAcrossRefills() throws IOException {
    String body = "x".repeat(100_000);
    HttpResponseReader r = reader("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + body,
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n186a0\r\n" + body + "\r\n0\r\n\r\n",
        "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");

    assertThat(r.read()).isEqualTo(200);
    assertThat(r.read()).isEqualTo(200);
    assertThat(r.read()).isEqualTo(201);
  }

  @Test
  void connectionCloseIsReported() throws IOException {
    HttpResponseReader r = reader("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 2\r\n\r\nok");

    assertThat(r.read()).isEqualTo(200);
    assertThat(r.mustClose()).isTrue();
  }

  @Test
  void aBodyWithoutLengthRunsToTheEndOfTheStreamAndClosesTheConnection() throws IOException {
    HttpResponseReader r = reader("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it until EOF");

    assertThat(r.read()).isEqualTo(200);
    assertThat(r.mustClose()).isTrue();
  }

  @Test
  void interimResponsesAreSkipped() throws IOException {
    HttpResponseReader r = reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n!");

    assertThat(r.read()).isEqualTo(200);
  }

  @Test
  void aTruncatedBodyIsAnEofWithTheCountsInItsMessage() {
    HttpResponseReader r = reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");

    assertThatThrownBy(r::read).isInstanceOf(EOFException.class)
        .hasMessage("connection closed after 3 of 10 body bytes");
  }

  @Test
  void aTruncatedChunkedBodyOrHeaderIsAnEof() {
    assertThatThrownBy(reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\nabc")::read)
        .isInstanceOf(EOFException.class).hasMessage("connection closed after 3 of 10 body bytes");
    assertThatThrownBy(reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")::read)
        .isInstanceOf(EOFException.class).hasMessage("connection closed before a chunk's size");
    assertThatThrownBy(reader("HTTP/1.1 200 OK\r\nContent-Len")::read)
        .isInstanceOf(EOFException.class).hasMessage("connection closed within a line");
  }

  @Test
  void aMalformedStatusLineIsAClearError() {
    assertThatThrownBy(reader("HTTP/2 200 OK\r\n\r\n")::read).isInstanceOf(IOException.class)
        .hasMessage("malformed status line: \"HTTP/2 200 OK\"");
    assertThatThrownBy(reader("HTTP/1.1 2x0 OK\r\n\r\n")::read).isInstanceOf(IOException.class)
        .hasMessage("malformed status line: \"HTTP/1.1 2x0 OK\"");
    assertThatThrownBy(reader("<html>hello</html>\n")::read).isInstanceOf(IOException.class)
        .hasMessage("malformed status line: \"<html>hello</html>\"");
  }

  @Test
  void malformedFramingIsAClearError() {
    assertThatThrownBy(reader("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n")::read)
        .isInstanceOf(IOException.class).hasMessage("malformed Content-Length: \"Content-Length: ten\"");
    assertThatThrownBy(reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")::read)
        .isInstanceOf(IOException.class).hasMessage("malformed chunk size line: \"zz\"");
    assertThatThrownBy(reader("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")::read)
        .isInstanceOf(IOException.class).hasMessage("malformed header line: \"no colon here\"");
    assertThatThrownBy(reader("HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(HttpResponseReader.MAX_LINE) + "\r\n")::read)
        .isInstanceOf(IOException.class).hasMessageContaining("line longer than");
  }
}
