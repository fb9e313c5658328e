package io.shopsense.core.campaign.journey;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.PersonFacts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The test of a condition step: a profile field or a trait compared with values, or whether an event happened since
 * the enrolment began (or within a look-back window). Unknown facts answer "no" (except {@link Op#ABSENT}).
 */
public record Condition(Kind kind, String name, Op op, List<String> values, Duration within) {

  /** What the condition reads. */
  public enum Kind { FIELD, TRAIT, EVENT_SINCE }

  /** Comparisons; numeric ones compare as decimals, the rest as text. */
  public enum Op { EQ, NE, GT, GTE, LT, LTE, IN, EXISTS, ABSENT }

  public Condition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    op = op == null ? Op.EXISTS : op;
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** Evaluates for the person, for an enrolment that began at {@code enteredAt}, at {@code now}. */
  public boolean test(PersonFacts facts, PersonId person, Instant enteredAt, Instant now) {
    if (kind == Kind.EVENT_SINCE) {
      Instant since = within == null ? enteredAt : now.minus(within);
      return facts.eventSince(person, name, since);
    }
    Optional<Object> fact = kind == Kind.FIELD ? facts.field(person, name) : facts.trait(person, name);
    if (op == Op.EXISTS) {
      return fact.isPresent();
    }
    if (op == Op.ABSENT) {
      return fact.isEmpty();
    }
    if (fact.isEmpty()) {
      return false;
    }
    String actual = String.valueOf(fact.get());
    switch (op) {
      case EQ:
        return actual.equals(values.get(0));
      case NE:
        return !actual.equals(values.get(0));
      case IN:
        return values.contains(actual);
      default:
        BigDecimal a = decimal(actual);
        BigDecimal b = decimal(values.get(0));
        if (a == null || b == null) {
          return false;
        }
        int c = a.compareTo(b);
        return op == Op.GT ? c > 0 : op == Op.GTE ? c >= 0 : op == Op.LT ? c < 0 : c <= 0;
    }
  }

  private static BigDecimal decimal(String s) {
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
