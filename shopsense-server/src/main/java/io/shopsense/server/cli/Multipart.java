package io.shopsense.server.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A {@code multipart/form-data} body of files, streamed (the JDK's HTTP client has no multipart support). */
final class Multipart {
  private final String boundary = "shopsense-" + UUID.randomUUID();
  private final List<Path> files;
  private final Function<Path, InputStream> open;

  Multipart(List<Path> files, Function<Path, InputStream> open) {
    this.files = List.copyOf(files);
    this.open = open;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The whole body; each file is opened only when the stream reaches it. */
  InputStream stream() {
    List<InputStream> parts = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString().replace("\"", "_");
      parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
      parts.add(new LazyStream(() -> open.apply(f)));
      parts.add(text("\r\n"));
    }
    parts.add(text("--" + boundary + "--\r\n"));
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Opens its stream on the first read, so that files are not all open at once. */
  private static final class LazyStream extends InputStream {
    private final java.util.function.Supplier<InputStream> opener;
    private InputStream in;

    LazyStream(java.util.function.Supplier<InputStream> opener) {
      this.opener = opener;
    }

    private InputStream in() {
      if (in == null) {
        in = opener.get();
      }
      return in;
    }

    @Override
    public int read() throws java.io.IOException {
      return in().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      return in().read(b, off, len);
    }

    @Override
    public void close() throws java.io.IOException {
      if (in != null) {
        in.close();
      }
    }
  }
}
