package io.shopsense.core.recommend.internal;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import java.util.List;

/**
 * An HNSW index (hnswlib-core) that answers "which items have the largest {@code x · y_i}" approximately, for catalogs
 * too large to score every item per request. HNSW searches by a distance, not by an inner product, so each item
 * vector is lifted to {@code (y_i, √(M² − ‖y_i‖²))} with {@code M} the largest item norm and the query to
 * {@code (x, 0)} (Bachrach et al. 2014): all lifted items have norm {@code M}, so the cosine distance ranks them
 * exactly as the inner product does. The index is rebuilt from the factors when a model is loaded (it is derived
 * data); hnswlib draws node levels from {@code ThreadLocalRandom}, so two builds may return slightly different
 * approximate neighbours.
 */
final class ItemFactorIndex {
  private final HnswIndex<Integer, float[], Lifted, Float> index;
  private final int f;

  private ItemFactorIndex(HnswIndex<Integer, float[], Lifted, Float> index, int f) {
    this.index = index;
    this.f = f;
  }

  /** Indexes the {@code items} factors (row-major, {@code f} per item); {@code m} and {@code ef} as in HNSW. */
  static ItemFactorIndex build(float[] items, int f, int m, int ef) {
    int count = items.length / f;
    double maxNorm = 0;
    for (int i = 0; i < count; i++) {
      maxNorm = Math.max(maxNorm, squaredNorm(items, i, f));
    }
    HnswIndex<Integer, float[], Lifted, Float> index = HnswIndex
        .newBuilder(f + 1, DistanceFunctions.FLOAT_COSINE_DISTANCE, Math.max(count, 1))
        .withM(m).withEf(ef).withEfConstruction(Math.max(ef, 100))
        .build();
    for (int i = 0; i < count; i++) {
      float[] lifted = new float[f + 1];
      System.arraycopy(items, i * f, lifted, 0, f);
      lifted[f] = (float) Math.sqrt(Math.max(0, maxNorm - squaredNorm(items, i, f)));
      index.add(new Lifted(i, lifted));
    }
    return new ItemFactorIndex(index, f);
  }

  /** Up to {@code k} item indices, likely the ones with the largest inner product with {@code query}. */
  int[] nearest(float[] query, int k) {
    float[] lifted = new float[f + 1];
    System.arraycopy(query, 0, lifted, 0, f);
    List<SearchResult<Lifted, Float>> found = index.findNearest(lifted, k);
    int[] out = new int[found.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = found.get(r).item().id();
    }
    return out;
  }

  private static double squaredNorm(float[] m, int i, int f) {
    double s = 0;
    for (int k = 0; k < f; k++) {
      s += (double) m[i * f + k] * m[i * f + k];
    }
    return s;
  }

  /** One lifted item vector, keyed by item index. */
  private record Lifted(Integer id, float[] vector) implements Item<Integer, float[]> {
    @Override
    public int dimensions() {
      return vector.length;
    }
  }
}
