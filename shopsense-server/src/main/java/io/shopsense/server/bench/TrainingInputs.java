package io.shopsense.server.bench;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.TimeDecay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shapes of one set of interaction records that the models train on: the person × item matrix (default
 * weights), the same matrix decayed towards the newest record (recent popularity), a session × item matrix for
 * session-kNN and the baskets of orders for bought-together rules.
 */
final class TrainingInputs {
  /** A person's records more than this far apart start a new session (the usual web analytics gap). */
  static final Duration SESSION_GAP = Duration.ofMinutes(30);
  static final Duration POPULARITY_HALF_LIFE = Duration.ofDays(30);

  private TrainingInputs() {}

  /** The newest record's time: the "now" that training is done at. */
  static Instant newest(List<Interaction> records) {
    return records.stream().map(Interaction::time).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
  }

  static Interactions matrix(List<Interaction> records) {
    return Interactions.of(records, InteractionWeights.DEFAULT);
  }

  static Interactions decayed(List<Interaction> records, Instant now) {
    return Interactions.of(records, InteractionWeights.DEFAULT,
        Optional.of(new TimeDecay(POPULARITY_HALF_LIFE, now)));
  }

  /**
   * The records re-keyed by session: a person's records in time order, cut where two are more than
   * {@link #SESSION_GAP} apart; the session id is {@code <person>#<n>}.
   */
  static List<Interaction> sessions(List<Interaction> records) {
    List<Interaction> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparing(Interaction::user).thenComparing(Interaction::time));
    List<Interaction> out = new ArrayList<>(sorted.size());
    String user = null;
    Instant last = null;
    int session = 0;
    String sessionId = null;
    for (Interaction r : sorted) {
      if (!r.user().equals(user)) {
        user = r.user();
        session = 0;
        sessionId = user + "#0";
      } else if (Duration.between(last, r.time()).compareTo(SESSION_GAP) > 0) {
        sessionId = user + "#" + ++session;
      }
      last = r.time();
      out.add(new Interaction(sessionId, r.item(), r.kind(), r.quantity(), r.time()));
    }
    return out;
  }

  /** One basket per order: the distinct items a person purchased at one instant (an order's lines share it). */
  static List<Set<String>> baskets(List<Interaction> records) {
    Map<String, Set<String>> orders = new LinkedHashMap<>();
    for (Interaction r : records) {
      if (r.kind() == InteractionKind.PURCHASE) {
        orders.computeIfAbsent(r.user() + '@' + r.time().toEpochMilli(), k -> new TreeSet<>()).add(r.item());
      }
    }
    return List.copyOf(orders.values());
  }
}
