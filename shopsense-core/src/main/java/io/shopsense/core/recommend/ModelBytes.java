package io.shopsense.core.recommend;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The framing of the models that are not user × item models (bought-together rules, repeat purchase, scoped
 * popularity): a magic number and a version, then the model's own body; foreign, truncated or over-long bytes are
 * refused with an {@link IllegalArgumentException} that names the model. Public so that models of sub-packages
 * ({@code serve}) share it.
 */
public final class ModelBytes {
  private ModelBytes() {}

  @FunctionalInterface
  public interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  @FunctionalInterface
  public interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  public static byte[] write(int magic, int version, Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      out.writeInt(version);
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** Reads a body that {@link #write} framed with {@code magic} and {@code version}; {@code name} is for errors. */
  public static <T> T read(byte[] bytes, int magic, int version, String name, Reader<T> body) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != magic) {
        throw new IllegalArgumentException("not a " + name + " model (bad magic)");
      }
      int found = in.readInt();
      if (found != version) {
        throw new IllegalArgumentException(name + " format version " + found + " is not supported");
      }
      T model = body.read(in);
      if (in.read() != -1) {
        throw new IllegalArgumentException("trailing bytes after the " + name + " model");
      }
      return model;
    } catch (EOFException e) {
      throw new IllegalArgumentException("truncated " + name + " model", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable " + name + " model: " + e.getMessage(), e);
    }
  }

  public static void writeInstant(DataOutputStream out, Instant t) throws IOException {
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
  }

  public static Instant readInstant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }
}
