package io.shopsense.core.segment;

import io.shopsense.core.segment.internal.FieldNames;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a condition asks about a person: a profile field, an interest, a count or sum of events, or the days since a
 * time. Each operand's values have a {@link #type()}, which the rule's constructors check against what it is compared
 * with.
 */
public sealed interface Operand extends Term
    permits Operand.Field, Operand.Interest, Operand.Count, Operand.Sum, Operand.DaysSince {

  /** The type of the operand's values; empty for a trait, which holds whatever the shop sent. */
  Optional<ProfileFields.Type> type();

  /** A profile field by its dotted path ({@code rfm.monetary}, {@code traits.plan}); see {@link ProfileFields}. */
  record Field(String path) implements Operand {
    public Field {
      FieldNames.check(path);
    }

    @Override
    public Optional<ProfileFields.Type> type() {
      return Optional.ofNullable(ProfileFields.all().get(path));
    }

    /** Whether this is a {@code traits.} field. */
    public boolean isTrait() {
      return !ProfileFields.all().containsKey(path);
    }
  }

  /** {@code interest('category:outdoor')}: the person's interest in a tag, 0–1. */
  record Interest(String tag) implements Operand {
    public Interest {
      requireText(tag, "an interest's tag");
    }

    @Override
    public Optional<ProfileFields.Type> type() {
      return Optional.of(ProfileFields.Type.NUMBER);
    }
  }

  /**
   * {@code count(event = 'Order Completed', within = 30d)}: how many events the person has.
   *
   * @param event  the event's name, or null for any event
   * @param within the window, or null for all time
   */
  record Count(String event, Window within) implements Operand {
    public Count {
      if (event != null) {
        requireText(event, "an event name");
      }
    }

    @Override
    public Optional<ProfileFields.Type> type() {
      return Optional.of(ProfileFields.Type.NUMBER);
    }
  }

  /**
   * {@code sum(revenue, event = 'Order Completed', within = 90d)}: a measure summed over the person's events.
   *
   * @param event  the event's name, or null for any event
   * @param within the window, or null for all time
   */
  record Sum(Measure measure, String event, Window within) implements Operand {
    public Sum {
      Objects.requireNonNull(measure, "measure");
      if (event != null) {
        requireText(event, "an event name");
      }
    }

    @Override
    public Optional<ProfileFields.Type> type() {
      return Optional.of(ProfileFields.Type.NUMBER);
    }
  }

  /** {@code days_since(behaviour.lastOrder)}: whole days from a TIME field to now; null when the field is. */
  record DaysSince(String path) implements Operand {
    public DaysSince {
      if (new Field(path).type().orElse(null) != ProfileFields.Type.TIME) {
        throw new IllegalArgumentException("days_since needs a time field (" + FieldNames.ofType(ProfileFields.Type.TIME)
            + "), '" + path + "' is not one");
      }
    }

    @Override
    public Optional<ProfileFields.Type> type() {
      return Optional.of(ProfileFields.Type.NUMBER);
    }
  }

  /** What {@code sum} adds up. */
  enum Measure {
    REVENUE, UNITS;

    /** The name in a rule, and as {@link SegmentSubject#sum} takes it. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The measure of a name, in any case. */
    public static Optional<Measure> of(String key) {
      for (Measure m : values()) {
        if (m.key().equalsIgnoreCase(key)) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The last {@code amount} days or weeks (UTC days, today included), written {@code 30d} or {@code 4w}; 1 to
   * {@value #MAX_DAYS} days. The unit is kept, so that a rule reads back as it was written.
   */
  record Window(int amount, Unit unit) {
    public static final int MAX_DAYS = 3650;

    /** Days or weeks. */
    public enum Unit {
      DAYS('d', 1), WEEKS('w', 7);

      private final char letter;
      private final int days;

      Unit(char letter, int days) {
        this.letter = letter;
        this.days = days;
      }
    }

    public Window {
      Objects.requireNonNull(unit, "unit");
      if (amount < 1 || (long) amount * unit.days > MAX_DAYS) {
        throw outOfRange(amount + String.valueOf(unit.letter));
      }
    }

    /** A window of {@code 30d} or {@code 4w} (the letter in any case). */
    public static Window parse(String text) {
      int n = text.length();
      Unit unit = n < 2 ? null : switch (Character.toLowerCase(text.charAt(n - 1))) {
        case 'd' -> Unit.DAYS;
        case 'w' -> Unit.WEEKS;
        default -> null;
      };
      if (unit == null || !text.substring(0, n - 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("expected a window like 30d or 4w, found '" + text + "'");
      }
      String digits = text.substring(0, n - 1);
      if (digits.length() > 9) {
        throw outOfRange(text);
      }
      return new Window(Integer.parseInt(digits), unit);
    }

    private static IllegalArgumentException outOfRange(String window) {
      return new IllegalArgumentException("a window is 1d to " + MAX_DAYS + "d (or " + MAX_DAYS / 7 + "w), not "
          + window);
    }

    /** The window's length in days. */
    public int days() {
      return amount * unit.days;
    }

    @Override
    public String toString() {
      return amount + String.valueOf(unit.letter);
    }
  }

  private static void requireText(String s, String what) {
    if (s == null || s.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
  }
}
