package io.shopsense.core.segment;

import io.shopsense.core.segment.internal.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A constant in a rule: a string, a number or true/false. There is no null literal; a rule asks {@code is null}. */
public sealed interface Literal extends Term permits Literal.Text, Literal.Decimal, Literal.Bool {

  /** A string ({@code 'silent'}); against a TIME field, an ISO-8601 time or date. */
  record Text(String value) implements Literal {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    /**
     * The string as a time, when it is one: an ISO-8601 date-time with an offset ({@code 2024-01-01T00:00:00Z},
     * {@code 2024-01-01T08:00:00+08:00}) or a date ({@code 2024-01-01}, the start of that day in UTC).
     */
    public Optional<Instant> asInstant() {
      return Times.parse(value);
    }
  }

  /**
   * A number, exact. Written out plainly it has at most {@value #MAX_DIGITS} digits before the point and as many after;
   * a negative scale ({@code 1E+2}, from JSON) is made 0, so that the text and JSON forms hold the same value.
   */
  record Decimal(BigDecimal value) implements Literal {
    public static final int MAX_DIGITS = 100;

    public Decimal {
      Objects.requireNonNull(value, "value");
      // checked before setScale, which would otherwise spell out an exponent of a billion
      if (value.scale() > MAX_DIGITS || value.precision() - value.scale() > MAX_DIGITS) {
        throw new IllegalArgumentException(
            "a number has at most " + MAX_DIGITS + " digits before the point and " + MAX_DIGITS + " after");
      }
      if (value.scale() < 0) {
        value = value.setScale(0);
      }
    }

    public static Decimal of(long value) {
      return new Decimal(BigDecimal.valueOf(value));
    }
  }

  /** {@code true} or {@code false}; only traits can hold one, and only {@code =} and {@code !=} compare it. */
  record Bool(boolean value) implements Literal {}
}
