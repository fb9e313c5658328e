package io.shopsense.core.privacy;

import io.shopsense.api.privacy.ReportLine;
import java.util.List;

/**
 * One step of an erasure: deletes (or rewrites without the person) what one store, file set or cache holds on the
 * subject, and says what it erased where. Called by {@link PrivacyRequestService} in order, where profiles are
 * written (no profile write interleaves). Must be idempotent: a step run again after a failure, or for a subject
 * already erased, erases nothing more and reports zero counts. Report lines carry counts and places, never values.
 */
public interface ErasureStep {

  /** The step's name, as in the report (e.g. {@code identities}). */
  String name();

  /** Erases what the step covers; one line per place. */
  List<ReportLine> erase(DataSubject subject);

  /** A step given by its name and a function (how other features plug theirs in). */
  static ErasureStep of(String name, java.util.function.Function<DataSubject, List<ReportLine>> erase) {
    return new ErasureStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<ReportLine> erase(DataSubject subject) {
        return erase.apply(subject);
      }
    };
  }
}
