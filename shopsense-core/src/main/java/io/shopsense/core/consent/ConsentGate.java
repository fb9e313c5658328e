package io.shopsense.core.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.event.EventType;
import io.shopsense.api.event.StandardEvent;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.privacy.ConsentLedger;
import io.shopsense.api.privacy.ConsentRecord;
import io.shopsense.api.privacy.ConsentSubject;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.collect.ConsentUpdated;
import io.shopsense.core.collect.EventGate;
import io.shopsense.core.json.JsonCodec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consent at collection. First, what the batch's {@code Consent Updated} events declare is recorded in the ledger
 * (under each identifier the event carries, so it holds before the person exists and follows the identifiers into
 * the person they join), so that it applies to every event of the same batch, whatever their order. Then each event
 * of a person without {@link Purpose#ANALYTICS} consent keeps only what is strictly necessary:
 *
 * <ul>
 *   <li>{@code Consent Updated} — always kept: it is the proof of the decision;
 *   <li>identify and alias — kept: they are the account (contract), not behaviour;
 *   <li>order lifecycle (Order Completed, Cancelled, Refunded) — kept for the contract, stripped of tracking context
 *       ({@link #TRACKING_CONTEXT}: IP, user agent, location, campaign, referrer, page, device, network, OS, screen,
 *       session);
 *   <li>everything else — page and screen views, product views, lists, searches, carts, wishlists, clicks, shares,
 *       checkout steps, reviews, coupons and custom events — withheld: not stored, answered {@code withheld} with the
 *       reason {@code no_analytics_consent}, and counted.
 * </ul>
 *
 * The person's consent is looked up once per batch: the owners of the batch's identifiers in one read, their states
 * from the {@link LedgerConsentCheck}'s memory, the records of identifiers nobody owns yet in one read.
 */
public final class ConsentGate implements EventGate {
  public static final String NO_ANALYTICS_CONSENT = "no_analytics_consent";
  /** The context fields an order event of a person without analytics consent is stored without. */
  public static final List<String> TRACKING_CONTEXT = List.of("ip", "userAgent", "userAgentData", "location",
      "campaign", "referrer", "page", "device", "network", "os", "screen", "sessionId");
  private static final Set<String> CONTRACT_EVENTS = Set.of(StandardEvent.ORDER_COMPLETED.wireName(),
      StandardEvent.ORDER_CANCELLED.wireName(), StandardEvent.ORDER_REFUNDED.wireName());
  private static final Verdict WITHHOLD = new Verdict.Withhold(NO_ANALYTICS_CONSENT);

  private final ConsentLedger ledger;
  private final IdentityGraph graph;
  private final LedgerConsentCheck check;

  public ConsentGate(ConsentLedger ledger, IdentityGraph graph, LedgerConsentCheck check) {
    this.ledger = ledger;
    this.graph = graph;
    this.check = check;
  }

  @Override
  public List<Verdict> admit(List<EventEnvelope> envelopes) {
    recordDeclarations(envelopes);
    boolean analyticsForAll = check.settings().strictlyNecessary().containsKey(Purpose.ANALYTICS);
    List<Verdict> verdicts = new ArrayList<>(envelopes.size());
    Set<Identifier> asked = new LinkedHashSet<>();
    for (EventEnvelope e : envelopes) {
      if (analyticsForAll || alwaysKept(e)) {
        continue;
      }
      identifiers(e).forEach(asked::add);
    }
    if (asked.isEmpty()) {
      return java.util.Collections.nCopies(envelopes.size(), Verdict.KEEP);
    }
    Map<Identifier, PersonId> owners = graph.personsOf(asked);
    Map<PersonId, ConsentState> persons = check.states(new LinkedHashSet<>(owners.values()));
    Set<Identifier> unlinked = new LinkedHashSet<>(asked);
    unlinked.removeAll(owners.keySet());
    Map<Identifier, ConsentState> ofUnlinked = check.statesOfUnlinked(unlinked);
    for (EventEnvelope e : envelopes) {
      if (analyticsForAll || alwaysKept(e)) {
        verdicts.add(Verdict.KEEP);
        continue;
      }
      ConsentState state = ConsentState.EMPTY;
      for (Identifier id : identifiers(e)) {
        PersonId owner = owners.get(id);
        state = state.merge(owner != null ? persons.get(owner) : ofUnlinked.getOrDefault(id, ConsentState.EMPTY));
      }
      if (check.decide(state, Purpose.ANALYTICS).allowed()) {
        verdicts.add(Verdict.KEEP);
      } else if (e.type() == EventType.TRACK && CONTRACT_EVENTS.contains(e.name())) {
        verdicts.add(new Verdict.Reduce(stripped(e)));
      } else {
        verdicts.add(WITHHOLD);
      }
    }
    return verdicts;
  }

  /** Identify, alias and consent updates are kept whatever the consent. */
  private static boolean alwaysKept(EventEnvelope e) {
    return e.type() == EventType.IDENTIFY || e.type() == EventType.ALIAS
        || (e.type() == EventType.TRACK && ConsentUpdated.is(e.name()));
  }

  private void recordDeclarations(List<EventEnvelope> envelopes) {
    List<ConsentRecord> records = new ArrayList<>();
    for (EventEnvelope e : envelopes) {
      if (e.type() != EventType.TRACK || !ConsentUpdated.is(e.name())) {
        continue;
      }
      JsonNode props = JsonCodec.parse(e.json()).get("properties");
      ConsentUpdated.Declared d = ConsentUpdated.read(props);
      for (Identifier id : identifiers(e)) {
        d.purposes().forEach((purpose, granted) -> records.add(new ConsentRecord(0, ConsentSubject.of(id), purpose,
            granted, d.basis(), d.source(), d.noticeVersion(), e.timestamp(), e.messageId().value())));
      }
    }
    if (!records.isEmpty()) {
      check.recorded(ledger.append(records));
    }
  }

  private static List<Identifier> identifiers(EventEnvelope e) {
    List<Identifier> ids = new ArrayList<>(2);
    if (e.userId() != null) {
      ids.add(Identifier.of(e.userId()));
    }
    if (e.anonymousId() != null) {
      ids.add(Identifier.of(e.anonymousId()));
    }
    return ids;
  }

  private static EventEnvelope stripped(EventEnvelope e) {
    ObjectNode event = (ObjectNode) JsonCodec.parse(e.json());
    JsonNode ctx = event.get("context");
    if (!(ctx instanceof ObjectNode context)) {
      return e;
    }
    context.remove(TRACKING_CONTEXT);
    return new EventEnvelope(e.messageId(), e.type(), e.name(), e.anonymousId(), e.userId(), e.previousId(),
        e.timestamp(), e.receivedAt(), e.source(), JsonCodec.bytes(event));
  }
}
