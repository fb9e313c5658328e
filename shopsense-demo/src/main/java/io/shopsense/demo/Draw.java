package io.shopsense.demo;

import java.util.SplittableRandom;

/**
 * Seed derivation and the few distributions the generator draws from. Every part of the shop takes its own random
 * stream derived from the seed and a tag (and an index), so that changing one part never shifts the others.
 */
final class Draw {
  static final long CATALOG = 0x43415441L;
  static final long PERSON = 0x50455253L;
  static final long DAY = 0x44415953L;
  static final long CALENDAR = 0x43414c45L;
  static final long MALFORMED = 0x4d414c46L;
  static final long IDS = 0x49445353L;

  private Draw() {}

  /** A well-mixed seed for the stream {@code tag}/{@code index} of the shop {@code seed} (SplitMix64 finaliser). */
  static long mix(long seed, long tag, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + tag;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L + index;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    return z ^ (z >>> 31);
  }

  static SplittableRandom stream(long seed, long tag, long index) {
    return new SplittableRandom(mix(seed, tag, index));
  }

  static boolean chance(SplittableRandom r, double p) {
    return r.nextDouble() < p;
  }

  /**
   * A standard normal value (Marsaglia's polar method). Written here with {@link StrictMath}, like every other
   * floating-point function the generator uses, so that the output is the same on every JVM and CPU.
   */
  static double gaussian(SplittableRandom r) {
    double u;
    double s;
    do {
      u = 2 * r.nextDouble() - 1;
      double v = 2 * r.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
  }

  /** A log-normal value with the given median; {@code sigma} is the spread of its logarithm. */
  static double logNormal(SplittableRandom r, double median, double sigma) {
    return median * StrictMath.exp(sigma * Draw.gaussian(r));
  }

  static double uniform(SplittableRandom r, double from, double to) {
    return from + (to - from) * r.nextDouble();
  }

  /** A Poisson count (Knuth's method; the rates used here are small). */
  static int poisson(SplittableRandom r, double lambda) {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda > 30) {
      return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * Draw.gaussian(r)));
    }
    double limit = StrictMath.exp(-lambda);
    double product = r.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= r.nextDouble();
      k++;
    }
    return k;
  }

  /** 1 + a geometric number of further steps, each taken with probability {@code more}, at most {@code max}. */
  static int count(SplittableRandom r, double more, int max) {
    int n = 1;
    while (n < max && r.nextDouble() < more) {
      n++;
    }
    return n;
  }

  /** An index drawn by weight from a cumulative weight array (the last entry is the total). */
  static int pick(SplittableRandom r, double[] cumulative) {
    return pick(r, cumulative, cumulative.length);
  }

  /** As {@link #pick(SplittableRandom, double[])} over the first {@code n} entries. */
  static int pick(SplittableRandom r, double[] cumulative, int n) {
    double x = r.nextDouble() * cumulative[n - 1];
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static double[] cumulative(double[] weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    return c;
  }

  static <T> T one(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  /** A random UUID-shaped id (version 4 layout), as browsers and app SDKs make anonymous ids. */
  static String uuid(SplittableRandom r) {
    long hi = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lo = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    char[] c = new char[36];
    hex(hi >>> 32, 8, c, 0);
    c[8] = '-';
    hex(hi >>> 16, 4, c, 9);
    c[13] = '-';
    hex(hi, 4, c, 14);
    c[18] = '-';
    hex(lo >>> 48, 4, c, 19);
    c[23] = '-';
    hex(lo, 12, c, 24);
    return new String(c);
  }

  private static void hex(long v, int digits, char[] out, int at) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = Character.forDigit((int) (v & 0xf), 16);
      v >>>= 4;
    }
  }
}
