package io.shopsense.core.usage;

import io.shopsense.api.privacy.UsageCount;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's usage log told in plain words, per day and purpose: what {@code /v1/me/usage} answers.
 *
 * @param days newest first
 */
public record UsageReport(List<Day> days) {

  /** One line: on {@code day}, {@code count} times {@code what}, for {@code purpose}. */
  public record Line(String purpose, String purposeText, String kind, long count, String sentence) {}

  public record Day(LocalDate day, List<Line> lines) {}

  /** The report of the counts (as {@link io.shopsense.api.privacy.UsageLog#of} gives them), in English or Chinese. */
  public static UsageReport of(List<UsageCount> counts, boolean chinese) {
    java.util.Map<LocalDate, List<Line>> byDay = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
    for (UsageCount c : counts) {
      String what = chinese ? c.kind().plainDescriptionZh() : c.kind().plainDescription();
      String purposeText = c.purpose().plainDescription();
      String sentence = chinese
          ? what + "（" + c.count() + " 次），用途：" + c.purpose().wireName()
          : capitalise(what) + " (" + (c.count() == 1 ? "once" : c.count() + " times") + "), for "
              + purposeText + ".";
      byDay.computeIfAbsent(c.day(), d -> new java.util.ArrayList<>())
          .add(new Line(c.purpose().wireName(), purposeText, c.kind().wireName(), c.count(), sentence));
    }
    return new UsageReport(byDay.entrySet().stream().map(e -> new Day(e.getKey(), List.copyOf(e.getValue())))
        .toList());
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
