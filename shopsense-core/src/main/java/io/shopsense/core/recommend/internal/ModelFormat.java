package io.shopsense.core.recommend.internal;

import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.RecommenderModel;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;

/**
 * The byte format of models: magic {@code SSRM}, format version, recommender name, settings digest, train time, the
 * training matrix, then the model's parameters. Reading dispatches on the name; a new model registers here.
 */
public final class ModelFormat {
  private static final int MAGIC = 0x5353524D;
  private static final int VERSION = 1;

  private ModelFormat() {
  }

  static void writeHeader(DataOutput out, String name, String digest, Instant trainedAt) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeUTF(name);
    out.writeUTF(digest);
    out.writeLong(trainedAt.getEpochSecond());
    out.writeInt(trainedAt.getNano());
  }

  /** Reads a model written by {@link RecommenderModel#toBytes()}. */
  public static RecommenderModel read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a ShopSense recommender model (bad magic)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("model format version " + version + " is not supported (this build reads "
            + VERSION + ")");
      }
      String name = in.readUTF();
      String digest = in.readUTF();
      Instant trainedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
      Interactions data = Interactions.readFrom(in);
      RecommenderModel model = switch (name) {
        case PopularityModel.NAME -> PopularityModel.read(digest, trainedAt, data, in);
        case ItemKnnModel.NAME -> ItemKnnModel.read(digest, trainedAt, data, in);
        case EaseModel.NAME -> EaseModel.read(digest, trainedAt, data, in);
        case AlsModel.NAME -> AlsModel.read(digest, trainedAt, data, in);
        case SessionKnnModel.NAME -> SessionKnnModel.read(digest, trainedAt, data, in);
        case HybridModel.NAME -> HybridModel.read(digest, trainedAt, data, in);
        default -> throw new IllegalArgumentException("unknown recommender model '" + name + "'; known: "
            + PopularityModel.NAME + ", " + ItemKnnModel.NAME + ", " + EaseModel.NAME + ", " + AlsModel.NAME + ", "
            + SessionKnnModel.NAME + ", " + HybridModel.NAME);
      };
      if (in.read() != -1) {
        throw new IllegalArgumentException("trailing bytes after the " + name + " model");
      }
      return model;
    } catch (EOFException e) {
      throw new IllegalArgumentException("truncated recommender model", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable recommender model: " + e.getMessage(), e);
    }
  }
}
