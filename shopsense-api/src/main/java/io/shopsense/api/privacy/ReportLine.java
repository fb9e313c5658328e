package io.shopsense.api.privacy;

/**
 * One line of a completion report: what a step did where. Never holds personal data: counts and the names of stores,
 * tables, files and traits only.
 *
 * @param step   the step or section that did it (e.g. {@code identities})
 * @param where  the store, table or file it concerns
 * @param count  how many rows, events or values it concerned
 * @param outcome what became of them
 * @param detail free text for a person to read (no personal data), may be empty
 */
public record ReportLine(String step, String where, long count, Outcome outcome, String detail) {

  /** What became of the data a line counts. */
  public enum Outcome {
    /** Deleted or rewritten without the person. */
    ERASED,
    /** Exported into the archive. */
    EXPORTED,
    /** Changed as asked (rectification). */
    RECTIFIED,
    /** Recorded (e.g. in the erasure register). */
    RECORDED,
    /** Not done: the step is not available in this build; the detail says what remains. */
    PENDING
  }

  public ReportLine {
    if (step == null || step.isBlank() || where == null || outcome == null) {
      throw new IllegalArgumentException("a report line needs a step, a place and an outcome");
    }
    if (count < 0) {
      throw new IllegalArgumentException("a report line counts zero or more, not " + count);
    }
    detail = detail == null ? "" : detail;
  }
}
