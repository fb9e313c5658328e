package io.shopsense.core.profile;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Quintile cut points of recency, frequency and monetary value over the active customer base (everyone with an
 * order), fitted on a schedule and then used to score each person: {@code score = 1 + the number of cut points the
 * value is strictly above}. Cut point {@code k} is the {@code 20·k}-th percentile of the base (nearest rank: the value at position
 * {@code ceil(k·n/5)} of the sorted base), so equal values
 * share a score: when most customers ordered once, they all score 1 on frequency, not spread over 1–4. Recency is
 * the last order's time (later scores higher); monetary value is revenue net of refunds.
 *
 * @param customers       the size of the base it was fitted on
 * @param recencyCuts     four cut points of the last order's epoch second
 * @param frequencyCuts   four cut points of the number of orders
 * @param monetaryCuts    four cut points of net revenue
 */
public record RfmModel(int customers, double[] recencyCuts, double[] frequencyCuts, double[] monetaryCuts) {

  /** A person's scores (each 1–5) and segment. */
  public record Rfm(int recency, int frequency, int monetary, RfmSegment segment) {}

  public RfmModel {
    for (double[] cuts : new double[][] {recencyCuts, frequencyCuts, monetaryCuts}) {
      if (cuts.length != 4) {
        throw new IllegalArgumentException("an RFM scale has four cut points, not " + cuts.length);
      }
    }
    recencyCuts = recencyCuts.clone();
    frequencyCuts = frequencyCuts.clone();
    monetaryCuts = monetaryCuts.clone();
  }

  /** Fits the cut points on the people of {@code base} who ordered; the others are ignored. */
  public static RfmModel fit(Collection<BehaviourView> base) {
    BehaviourView[] customers = base.stream().filter(v -> v.orders() > 0).toArray(BehaviourView[]::new);
    return new RfmModel(customers.length, cuts(customers, RfmModel::recencyValue),
        cuts(customers, v -> v.orders()), cuts(customers, RfmModel::monetaryValue));
  }

  /**
   * Fits the cut points on the values of the customers (people with orders) alone, as {@link #fit}: the last order's
   * epoch second, the number of orders and the net revenue of each, index by index. The arrays are sorted in place.
   */
  public static RfmModel fitValues(double[] recency, double[] frequency, double[] monetary) {
    return new RfmModel(recency.length, cutsOf(recency), cutsOf(frequency), cutsOf(monetary));
  }

  /** The scores from the three values {@link #score(BehaviourView)} reads, or null without orders. */
  public Rfm score(Instant lastOrder, long orders, java.math.BigDecimal netRevenue) {
    if (orders == 0 || lastOrder == null || customers == 0) {
      return null;
    }
    int r = score(recencyCuts, lastOrder.getEpochSecond());
    int f = score(frequencyCuts, orders);
    int m = score(monetaryCuts, netRevenue.doubleValue());
    return new Rfm(r, f, m, RfmSegment.of(r, f, m));
  }

  /** The person's scores, or null for a person without orders (RFM speaks of customers). */
  public Rfm score(BehaviourView person) {
    return score(person.lastOrder(), person.orders(), person.netRevenue());
  }

  private static double recencyValue(BehaviourView v) {
    Instant last = v.lastOrder();
    return last == null ? Double.NEGATIVE_INFINITY : last.getEpochSecond();
  }

  private static double monetaryValue(BehaviourView v) {
    return v.netRevenue().doubleValue();
  }

  private static double[] cuts(BehaviourView[] customers, ToDoubleFunction<BehaviourView> value) {
    int n = customers.length;
    double[] cuts = new double[4];
    if (n == 0) {
      return cuts;
    }
    return cutsOf(Arrays.stream(customers).mapToDouble(value).toArray());
  }

  private static double[] cutsOf(double[] values) {
    int n = values.length;
    double[] cuts = new double[4];
    if (n == 0) {
      return cuts;
    }
    double[] sorted = values;
    Arrays.sort(sorted);
    for (int k = 1; k <= 4; k++) {
      cuts[k - 1] = sorted[cutIndex(k, n)];
    }
    return cuts;
  }

  /**
   * The nearest-rank index of the {@code 20·k}-th percentile of {@code n} sorted values: {@code ceil(k·n/5) − 1}. With
   * five distinct values the cuts are the lowest four, so the five score 1 to 5.
   */
  static int cutIndex(int k, int n) {
    return (int) Math.max(0, ((long) k * n + 4) / 5 - 1);
  }

  private static int score(double[] cuts, double value) {
    int score = 1;
    for (double cut : cuts) {
      if (value > cut) {
        score++;
      }
    }
    return score;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RfmModel m && customers == m.customers && Arrays.equals(recencyCuts, m.recencyCuts)
        && Arrays.equals(frequencyCuts, m.frequencyCuts) && Arrays.equals(monetaryCuts, m.monetaryCuts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(customers, Arrays.hashCode(recencyCuts), Arrays.hashCode(frequencyCuts),
        Arrays.hashCode(monetaryCuts));
  }

  @Override
  public String toString() {
    return "RfmModel[customers=" + customers + ", recency=" + Arrays.toString(recencyCuts) + ", frequency="
        + Arrays.toString(frequencyCuts) + ", monetary=" + Arrays.toString(monetaryCuts) + "]";
  }
}
