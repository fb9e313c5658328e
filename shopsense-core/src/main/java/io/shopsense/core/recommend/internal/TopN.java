package io.shopsense.core.recommend.internal;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/** Selection of the best {@code n} indices of a score array, best first, ties broken by the lower index. */
final class TopN {
  private TopN() {
  }

  /** Indices with {@code allowed[i]} and {@code scores[i] > floor}, at most {@code n}, best first. */
  static int[] select(double[] scores, boolean[] allowed, double floor, int n) {
    return best(scores, IntStream.range(0, scores.length).filter(i -> allowed[i]), n, floor);
  }

  /**
   * Like {@link #select} but only over {@code candidates[0..count)}, so a sparse neighbourhood costs its own size, not
   * the catalog's.
   */
  static int[] selectAmong(double[] scores, int[] candidates, int count, double floor, int n) {
    return best(scores, Arrays.stream(candidates, 0, count), n, floor);
  }

  private static int[] best(double[] scores, IntStream indices, int n, double floor) {
    if (n <= 0) {
      return new int[0];
    }
    // min-heap on (score, -index) holds the n best seen so far; its head is the first to give way
    PriorityQueue<Integer> heap = new PriorityQueue<>(n + 1, (a, b) -> better(scores, b, a));
    indices.filter(i -> scores[i] > floor).forEach(i -> {
      if (heap.size() < n) {
        heap.add(i);
      } else if (better(scores, i, heap.peek()) < 0) {
        heap.poll();
        heap.add(i);
      }
    });
    int[] out = new int[heap.size()];
    for (int k = out.length - 1; k >= 0; k--) {
      out[k] = heap.poll();
    }
    return out;
  }

  /** Negative when {@code a} ranks before {@code b}. */
  static int better(double[] scores, int a, int b) {
    int c = Double.compare(scores[b], scores[a]);
    return c != 0 ? c : Integer.compare(a, b);
  }
}
