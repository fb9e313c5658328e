package io.shopsense.core.profile;

import io.shopsense.core.segment.SegmentSubject;
import java.util.Set;

/** The saved segments, compiled: which of them a person is in. */
public interface SegmentEvaluator {

  /** No segments. */
  SegmentEvaluator NONE = new SegmentEvaluator() {
    @Override
    public Set<String> evaluate(SegmentSubject subject) {
      return Set.of();
    }

    @Override
    public boolean usesTraits() {
      return false;
    }

    @Override
    public boolean usesTimeWindows() {
      return false;
    }

    @Override
    public Set<String> ids() {
      return Set.of();
    }
  };

  /** The ids of the segments the person is in. */
  Set<String> evaluate(SegmentSubject subject);

  /** Whether a rule reads traits (they are then fetched for each person evaluated). */
  boolean usesTraits();

  /** Whether membership can change with time alone (so a scheduled refresh re-evaluates everyone). */
  boolean usesTimeWindows();

  /** The ids of the segments. */
  Set<String> ids();
}
