package io.shopsense.core.profile;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.Purpose;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The profile features that exist to personalise, which need {@link Purpose#PERSONALISATION} consent: interests,
 * the current session's intent, favourite categories and brands, habitual hours and weekdays, price sensitivity (the
 * share of orders with a discount), and segment membership. Without that consent the served profile leaves them out
 * and the person is a member of no segment — in real time, in the refresh, in previews and in the batch evaluation.
 * What the shop needs to run (the order history, RFM scores, lifecycle stage, counts) stays.
 */
public final class PersonalisationFeatures {
  private PersonalisationFeatures() {}

  /** The behaviour without its personalisation features. */
  public static BehaviourView withheld(BehaviourView b) {
    return new BehaviourView(b.firstSeen(), b.lastSeen(), b.events(), b.sessions(), b.activeDays(), b.views(),
        b.searches(), b.cartAdds(), b.orders(), b.units(), b.revenue(), b.refunds(), b.refunded(), b.netRevenue(),
        b.averageOrderValue(), b.daysBetweenOrders(), b.lastOrder(), null, List.of(), List.of(), List.of(),
        List.of(), b.devices(), b.channels());
  }

  /** Those of the persons who consented to personalisation (one batch check). */
  public static Set<PersonId> allowed(ConsentCheck consent, Collection<PersonId> persons) {
    if (persons.isEmpty()) {
      return Set.of();
    }
    Map<PersonId, ConsentDecision> decisions = consent.check(persons, Purpose.PERSONALISATION);
    return decisions.entrySet().stream().filter(e -> e.getValue().allowed()).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }
}
