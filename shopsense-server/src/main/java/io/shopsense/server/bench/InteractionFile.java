package io.shopsense.server.bench;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interaction records in a compact binary file, so that the training bench generates a shop once and each model's
 * JVM reads the same records in seconds. Layout: a magic int, the record count, then per record the user and item
 * (modified UTF-8), the kind's ordinal, the quantity and the time in epoch milliseconds. Reading shares one String per
 * distinct id, as records built from a shop do.
 */
final class InteractionFile {
  private static final int MAGIC = 0x5353_4931; // "SSI1"

  private InteractionFile() {}

  static void write(Path file, List<Interaction> records) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(records.size());
      for (Interaction r : records) {
        out.writeUTF(r.user());
        out.writeUTF(r.item());
        out.writeByte(r.kind().ordinal());
        out.writeDouble(r.quantity());
        out.writeLong(r.time().toEpochMilli());
      }
    }
  }

  static List<Interaction> read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + " is not an interaction file");
      }
      int n = in.readInt();
      InteractionKind[] kinds = InteractionKind.values();
      Map<String, String> ids = new HashMap<>();
      List<Interaction> records = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String user = ids.computeIfAbsent(in.readUTF(), k -> k);
        String item = ids.computeIfAbsent(in.readUTF(), k -> k);
        InteractionKind kind = kinds[in.readByte()];
        double quantity = in.readDouble();
        records.add(new Interaction(user, item, kind, quantity, Instant.ofEpochMilli(in.readLong())));
      }
      return records;
    }
  }
}
