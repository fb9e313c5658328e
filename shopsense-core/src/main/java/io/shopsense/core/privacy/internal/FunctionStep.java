package io.shopsense.core.privacy.internal;

import io.shopsense.api.privacy.ReportLine;
import io.shopsense.core.privacy.DataSubject;
import io.shopsense.core.privacy.ErasureStep;
import java.util.List;
import java.util.function.Function;

/** An erasure step given by its name and a function. */
record FunctionStep(String name, Function<DataSubject, List<ReportLine>> erase) implements ErasureStep {
  @Override
  public List<ReportLine> erase(DataSubject subject) {
    return erase.apply(subject);
  }
}
