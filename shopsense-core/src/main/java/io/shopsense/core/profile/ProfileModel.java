package io.shopsense.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.core.json.JsonCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * What derives a profile's scores and stage from its behaviour, fitted over the whole customer base on a schedule:
 * the RFM cut points and the lifecycle windows (fitted, unless the shop configured them).
 */
public record ProfileModel(RfmModel rfm, LifecycleWindows windows, Instant fittedAt) {
  /** The store setting the current model is kept under. */
  public static final String SETTING = "profile.model";

  /** Before any fit: no RFM scores, the default windows. */
  public static ProfileModel initial(LifecycleWindows configured) {
    return new ProfileModel(new RfmModel(0, new double[4], new double[4], new double[4]),
        configured != null ? configured : LifecycleWindows.DEFAULTS, Instant.EPOCH);
  }

  /** Fits over every profile's facts; {@code configured} windows, when set, win over fitted ones. */
  public static ProfileModel fit(Collection<ProfileFacts> base, LifecycleWindows configured, Instant now) {
    Fitter fitter = new Fitter();
    base.forEach(fitter::accept);
    return fitter.fit(configured, now);
  }

  /** Takes the facts of the base one by one (a store scan), keeping only four numbers per customer. */
  public static final class Fitter {
    private double[] recency = new double[1024];
    private double[] frequency = new double[1024];
    private double[] monetary = new double[1024];
    private double[] gaps = new double[1024];
    private int customers;
    private int repeat;

    public void accept(ProfileFacts p) {
      if (p.orders() > 0 && p.lastOrder() != null) {
        if (customers == recency.length) {
          recency = java.util.Arrays.copyOf(recency, customers * 2);
          frequency = java.util.Arrays.copyOf(frequency, customers * 2);
          monetary = java.util.Arrays.copyOf(monetary, customers * 2);
        }
        recency[customers] = p.lastOrder().getEpochSecond();
        frequency[customers] = p.orders();
        monetary[customers] = p.netRevenue().doubleValue();
        customers++;
      }
      if (p.daysBetweenOrders() != null) {
        if (repeat == gaps.length) {
          gaps = java.util.Arrays.copyOf(gaps, repeat * 2);
        }
        gaps[repeat++] = p.daysBetweenOrders();
      }
    }

    public ProfileModel fit(LifecycleWindows configured, Instant now) {
      LifecycleWindows windows = configured != null ? configured
          : LifecycleWindows.fitGaps(java.util.Arrays.copyOf(gaps, repeat));
      return new ProfileModel(RfmModel.fitValues(java.util.Arrays.copyOf(recency, customers),
          java.util.Arrays.copyOf(frequency, customers), java.util.Arrays.copyOf(monetary, customers)), windows, now);
    }
  }

  public String toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("customers", rfm.customers());
    cuts(o.putArray("recency"), rfm.recencyCuts());
    cuts(o.putArray("frequency"), rfm.frequencyCuts());
    cuts(o.putArray("monetary"), rfm.monetaryCuts());
    o.put("activeFor", windows.activeFor().toString());
    o.put("churnAfter", windows.churnAfter().toString());
    o.put("fittedAt", fittedAt.toString());
    return JsonCodec.text(o);
  }

  public static ProfileModel fromJson(String json) {
    JsonNode o = JsonCodec.parse(json);
    RfmModel rfm = new RfmModel(o.get("customers").asInt(), cuts(o.get("recency")), cuts(o.get("frequency")),
        cuts(o.get("monetary")));
    LifecycleWindows w = new LifecycleWindows(Duration.parse(o.get("activeFor").asText()),
        Duration.parse(o.get("churnAfter").asText()));
    return new ProfileModel(rfm, w, Instant.parse(o.get("fittedAt").asText()));
  }

  private static void cuts(ArrayNode into, double[] cuts) {
    for (double c : cuts) {
      into.add(c);
    }
  }

  private static double[] cuts(JsonNode a) {
    double[] c = new double[a.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = a.get(i).asDouble();
    }
    return c;
  }
}
