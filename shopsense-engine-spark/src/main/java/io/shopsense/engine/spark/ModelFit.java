package io.shopsense.engine.spark;

import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.core.profile.ProfileEngine;
import io.shopsense.core.profile.ProfileModel;
import io.shopsense.core.profile.ProfileState;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;

/**
 * Fits the {@link ProfileModel} over every person's facts with the core's own {@link ProfileModel.Fitter}, as the
 * scheduled refresh does over the store. The executors compute each person's facts (with the initial model: what the
 * fit reads — orders, the last order, net revenue, the mean gap between orders — does not depend on the model) and
 * send the driver only those four numbers of the people with orders, packed per partition; the driver feeds them to
 * one {@code Fitter}, whose quantiles need them all. The driver holds about 32 bytes per customer, as the refresh
 * does.
 */
final class ModelFit {
  private ModelFit() {}

  static ProfileModel fit(JavaPairRDD<String, byte[]> states, Instant now) {
    List<Block> blocks = states.values().mapPartitions(encoded -> List.of(Block.of(encoded, now)).iterator())
        .collect();
    ProfileModel.Fitter fitter = new ProfileModel.Fitter();
    for (Block b : blocks) {
      b.feed(fitter);
    }
    return fitter.fit(JobEngine.beforeFit().configuredWindows(), now);
  }

  /**
   * The fit's inputs of one partition's customers, as columns. Exact: the fitter reads the last order's epoch second
   * and the net revenue's {@code doubleValue()}, and {@code new BigDecimal(double)} gives back that very double.
   */
  static final class Block implements Serializable {
    private static final long serialVersionUID = 1L;
    private long[] orders = new long[16];
    private long[] lastOrderSecond = new long[16];
    private double[] netRevenue = new double[16];
    /** The mean gap between orders in days, NaN for a customer with one order. */
    private double[] gapDays = new double[16];
    private int size;

    static Block of(Iterator<byte[]> encoded, Instant now) {
      ProfileEngine engine = JobEngine.beforeFit();
      Block b = new Block();
      while (encoded.hasNext()) {
        ProfileState state = ProfileState.decode(encoded.next(), engine.interestSettings());
        ProfileFacts f = engine.facts(state, now);
        if (f.orders() > 0 || f.daysBetweenOrders() != null) {
          b.add(f);
        }
      }
      return b;
    }

    private void add(ProfileFacts f) {
      if (size == orders.length) {
        orders = Arrays.copyOf(orders, size * 2);
        lastOrderSecond = Arrays.copyOf(lastOrderSecond, size * 2);
        netRevenue = Arrays.copyOf(netRevenue, size * 2);
        gapDays = Arrays.copyOf(gapDays, size * 2);
      }
      orders[size] = f.orders();
      lastOrderSecond[size] = f.lastOrder() == null ? Long.MIN_VALUE : f.lastOrder().getEpochSecond();
      netRevenue[size] = f.netRevenue().doubleValue();
      gapDays[size] = f.daysBetweenOrders() == null ? Double.NaN : f.daysBetweenOrders();
      size++;
    }

    /** Hands each customer to the fitter as facts carrying the four values it reads (the rest are placeholders). */
    void feed(ProfileModel.Fitter fitter) {
      for (int i = 0; i < size; i++) {
        Instant lastOrder = lastOrderSecond[i] == Long.MIN_VALUE ? null : Instant.ofEpochSecond(lastOrderSecond[i]);
        Double gap = Double.isNaN(gapDays[i]) ? null : gapDays[i];
        Instant seen = lastOrder == null ? Instant.EPOCH : lastOrder;
        fitter.accept(new ProfileFacts("potential", seen, null, null, null, null, 0, orders[i],
            new BigDecimal(netRevenue[i]), seen, seen, lastOrder, gap));
      }
    }
  }
}
