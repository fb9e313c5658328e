package io.shopsense.core.privacy;

/**
 * One kind of data held on a person, for an access/export request: the archive gets one JSON document and one CSV
 * per section. Implemented by each store or feature that holds personal data (identities, traits, profile, events,
 * segments, consents, usage log, messages). Called by {@link PrivacyRequestService} with a resolved subject, from
 * the request's thread; must not change anything.
 */
public interface PersonalDataSection {

  /** The section's name: lower case, {@code [a-z0-9_]}, unique among the sections (the archive's file names). */
  String name();

  /** Everything the section holds on the subject; an empty table (with a note saying why) when nothing. */
  SectionRows export(DataSubject subject);

  /** A section given by its name and a function (how other features plug theirs in). */
  static PersonalDataSection of(String name, java.util.function.Function<DataSubject, SectionRows> export) {
    return new PersonalDataSection() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public SectionRows export(DataSubject subject) {
        return export.apply(subject);
      }
    };
  }
}
