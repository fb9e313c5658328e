package io.shopsense.platform;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.privacy.ErasureRegister;
import io.shopsense.core.profile.PersonalisationFeatures;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.serve.TrainingEvent;
import io.shopsense.lake.LakeInteractionSource;
import io.shopsense.lake.LakeProfileSource;
import io.shopsense.lake.LakeSettings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The training data of the shop, as the models may see it: the lake's interactions attributed to persons through a
 * fresh identity snapshot, without the persons who did not consent to personalisation (one batch check per 10,000
 * persons) and without erased persons. Their data trains no model that serves others.
 *
 * @param events         the interactions that may train, oldest first
 * @param withoutConsent persons left out for want of personalisation consent
 * @param erased         persons left out because they were erased
 */
record TrainingInput(List<TrainingEvent> events, long withoutConsent, long erased) {
  private static final int CONSENT_BATCH = 10_000;

  /** Nothing to train on (the lake is off). */
  static final TrainingInput NONE = new TrainingInput(List.of(), 0, 0);

  static TrainingInput read(LakeSettings lake, IdentityGraph graph, ConsentCheck consent, ErasureRegister register)
      throws SQLException {
    if (lake == null) {
      return NONE;
    }
    LakeProfileSource.exportIdentities(graph, lake);
    List<TrainingEvent> all = new LakeInteractionSource(lake).read();
    Set<String> persons = new TreeSet<>();
    all.forEach(e -> persons.add(e.interaction().user()));
    Set<String> kept = new HashSet<>();
    long erased = 0;
    List<PersonId> batch = new ArrayList<>();
    for (String p : persons) {
      PersonId person = PersonId.of(p);
      if (register.isErased(person)) {
        erased++;
        continue;
      }
      batch.add(person);
      if (batch.size() == CONSENT_BATCH) {
        allow(consent, batch, kept);
      }
    }
    allow(consent, batch, kept);
    long withoutConsent = persons.size() - erased - kept.size();
    List<TrainingEvent> events = all.stream().filter(e -> kept.contains(e.interaction().user())).toList();
    return new TrainingInput(events, withoutConsent, erased);
  }

  private static void allow(ConsentCheck consent, List<PersonId> batch, Set<String> kept) {
    PersonalisationFeatures.allowed(consent, batch).forEach(p -> kept.add(p.value()));
    batch.clear();
  }

  /** Person id → the products they bought and did not refund in full (for the already-bought rule). */
  Map<String, Set<String>> bought() {
    Map<String, Map<String, Double>> net = new HashMap<>();
    for (TrainingEvent e : events) {
      var r = e.interaction();
      double sign = r.kind() == InteractionKind.PURCHASE ? 1 : r.kind() == InteractionKind.REFUND ? -1 : 0;
      if (sign != 0) {
        net.computeIfAbsent(r.user(), u -> new HashMap<>()).merge(r.item(), sign * r.quantity(), Double::sum);
      }
    }
    Map<String, Set<String>> out = new HashMap<>();
    net.forEach((person, items) -> {
      Set<String> kept = new HashSet<>();
      items.forEach((item, q) -> {
        if (q > 0) {
          kept.add(item);
        }
      });
      if (!kept.isEmpty()) {
        out.put(person, Collections.unmodifiableSet(kept));
      }
    });
    return Collections.unmodifiableMap(out);
  }
}
