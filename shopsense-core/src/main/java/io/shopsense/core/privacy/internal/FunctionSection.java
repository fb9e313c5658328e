package io.shopsense.core.privacy.internal;

import io.shopsense.core.privacy.DataSubject;
import io.shopsense.core.privacy.PersonalDataSection;
import io.shopsense.core.privacy.SectionRows;
import java.util.function.Function;

/** A section given by its name and a function. */
record FunctionSection(String name, Function<DataSubject, SectionRows> export) implements PersonalDataSection {
  @Override
  public SectionRows export(DataSubject subject) {
    return export.apply(subject);
  }
}
