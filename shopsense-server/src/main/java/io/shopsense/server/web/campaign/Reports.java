package io.shopsense.server.web.campaign;

import io.shopsense.api.delivery.DeliveryStatus;
import io.shopsense.api.delivery.StepReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shape of the outbox's per-step reports, shared by broadcasts and campaign reports. */
final class Reports {
  private Reports() {
  }

  static List<Map<String, Object>> steps(List<StepReport> reports) {
    return reports.stream().map(Reports::step).toList();
  }

  static Map<String, Object> step(StepReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", r.step());
    Map<String, Long> statuses = new LinkedHashMap<>();
    for (DeliveryStatus s : DeliveryStatus.values()) {
      statuses.put(s.name().toLowerCase(Locale.ROOT), r.statuses().getOrDefault(s, 0L));
    }
    m.put("statuses", statuses);
    m.put("delivered", r.delivered());
    m.put("opened", r.opened());
    m.put("clicked", r.clicked());
    m.put("converted", r.converted());
    m.put("unsubscribed", r.unsubscribed());
    m.put("revenue", r.revenue());
    return m;
  }
}
