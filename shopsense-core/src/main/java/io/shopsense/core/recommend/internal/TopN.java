package io.shopsense.core.recommend.internal;


/** Selection of the best {@code n} indices of a score array, best first, ties broken by the lower index. */
final class TopN {
  private TopN() {
  }

  /** Indices with {@code allowed[i]} and {@code scores[i] > floor}, at most {@code n}, best first. */
  static int[] select(double[] scores, boolean[] allowed, double floor, int n) {
    if (n <= 0) {
      return new int[0];
    }
    Heap heap = new Heap(scores, n);
    for (int i = 0; i < scores.length; i++) {
      if (allowed[i] && scores[i] > floor) {
        heap.offer(i);
      }
    }
    return heap.drain();
  }

  /**
   * Like {@link #select} but only over {@code candidates[0..count)}, so a sparse neighbourhood costs its own size, not
   * the catalog's.
   */
  static int[] selectAmong(double[] scores, int[] candidates, int count, double floor, int n) {
    if (n <= 0) {
      return new int[0];
    }
    Heap heap = new Heap(scores, n);
    for (int c = 0; c < count; c++) {
      if (scores[candidates[c]] > floor) {
        heap.offer(candidates[c]);
      }
    }
    return heap.drain();
  }

  /**
   * A bounded min-heap of item indices on (score, −index): it holds the {@code n} best offered so far, and its root is
   * the first to give way. Primitive ints, no boxing: the serving path selects from the whole catalog per request.
   */
  private static final class Heap {
    private final double[] scores;
    private final int[] items;
    private int size;

    Heap(double[] scores, int n) {
      this.scores = scores;
      this.items = new int[Math.min(n, scores.length)];
    }

    void offer(int i) {
      if (items.length == 0) {
        return;
      }
      if (size < items.length) {
        int k = size++;
        items[k] = i;
        siftUp(k);
      } else if (better(scores, i, items[0]) < 0) {
        items[0] = i;
        siftDown(0);
      }
    }

    /** The held indices, best first; empties the heap. */
    int[] drain() {
      int[] out = new int[size];
      for (int k = out.length - 1; k >= 0; k--) {
        out[k] = items[0];
        items[0] = items[--size];
        siftDown(0);
      }
      return out;
    }

    /** True when {@code a} should sit above {@code b}: it is the worse of the two. */
    private boolean worse(int a, int b) {
      return better(scores, a, b) > 0;
    }

    private void siftUp(int k) {
      int item = items[k];
      while (k > 0) {
        int parent = (k - 1) >>> 1;
        if (!worse(item, items[parent])) {
          break;
        }
        items[k] = items[parent];
        k = parent;
      }
      items[k] = item;
    }

    private void siftDown(int k) {
      if (size == 0) {
        return;
      }
      int item = items[k];
      int half = size >>> 1;
      while (k < half) {
        int child = 2 * k + 1;
        int right = child + 1;
        if (right < size && worse(items[right], items[child])) {
          child = right;
        }
        if (!worse(items[child], item)) {
          break;
        }
        items[k] = items[child];
        k = child;
      }
      items[k] = item;
    }
  }

  /** Negative when {@code a} ranks before {@code b}. */
  static int better(double[] scores, int a, int b) {
    int c = Double.compare(scores[b], scores[a]);
    return c != 0 ? c : Integer.compare(a, b);
  }
}
