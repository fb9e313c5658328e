package io.shopsense.core.privacy.internal;

import io.shopsense.api.collect.Quarantine;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.ErasedIdentity;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.api.privacy.ErasureRegister;
import io.shopsense.api.privacy.ReportLine;
import io.shopsense.api.privacy.ReportLine.Outcome;
import io.shopsense.api.profile.ProfileChanges;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.SegmentStore;
import io.shopsense.core.privacy.DataSubject;
import io.shopsense.core.privacy.ErasureStep;
import io.shopsense.core.privacy.EventEraser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The erasure steps over the stores every ShopSense has, one factory each, so that the platform can put its own
 * steps (files, caches) between them. The order that works: derived data first (profiles, segments, changes), then
 * traits, raw records (quarantine), events, and the identities last but for caches and the register, so that a step
 * that fails can be run again while the person can still be found.
 */
public final class StoreSteps {
  private StoreSteps() {}

  /** Profiles (with their derived features), segment memberships and the profile change feed. */
  public static ErasureStep profiles(ProfileStore profiles, SegmentStore segments, ProfileChanges changes) {
    return new FunctionStep("profile", s -> {
      List<PersonId> persons = s.persons();
      long stored = profiles.getAll(persons).size();
      profiles.deleteAll(persons);
      long memberships = segments.segmentsOf(persons).values().stream().mapToLong(Set::size).sum();
      segments.removeFromAll(persons);
      long feed = changes.erase(persons);
      return List.of(
          new ReportLine("profile", "profiles", stored, Outcome.ERASED,
              "the profile with its behaviour aggregates, RFM scores, lifecycle stage, interests and session intent"),
          new ReportLine("profile", "segment_members", memberships, Outcome.ERASED, "segment memberships"),
          new ReportLine("profile", "profile_changes", feed, Outcome.ERASED,
              "lifecycle transitions and segment entries and exits"));
    });
  }

  public static ErasureStep traits(TraitStore traits) {
    return new FunctionStep("traits", s -> List.of(new ReportLine("traits", "traits", traits.erase(s.persons()),
        Outcome.ERASED, "trait values")));
  }

  /** Quarantined records that carry one of the person's identifiers or identifying trait values. */
  public static ErasureStep quarantine(Quarantine quarantine) {
    return new FunctionStep("quarantine", s -> List.of(new ReportLine("quarantine", "quarantine",
        quarantine.eraseContaining(s.searchValues()).size(), Outcome.ERASED,
        "rejected records that carried the person's identifiers or contact details")));
  }

  /**
   * The person's events in the event log and the lake, through {@code eraser}; with a null eraser (a build without
   * event erasure) the step reports what remains as pending, and the request still completes so that everything
   * else is erased in time.
   */
  public static ErasureStep events(EventEraser eraser) {
    java.util.Objects.requireNonNull(eraser, "an erasure needs the event eraser");
    return new FunctionStep("events", s -> {
      if (s.anonymousIds().isEmpty() && s.userIds().isEmpty()) {
        return List.of(new ReportLine("events", "event log and lake", 0, Outcome.ERASED,
            "no anonymous or user id to erase events by"));
      }
      return eraser.erase(s.anonymousIds(), s.userIds()).stream().map(part -> new ReportLine("events", part.where(),
          part.events(), Outcome.ERASED, part.bytesRewritten() + " bytes rewritten in " + part.files() + " files"))
          .toList();
    });
  }

  /** Files derived from the stores that a later run makes again (e.g. the lake's identity snapshot): deleted. */
  public static ErasureStep derivedFiles(String name, String where, Supplier<List<Path>> files) {
    return new FunctionStep(name, s -> {
      long deleted = 0;
      for (Path f : files.get()) {
        try {
          if (Files.deleteIfExists(f)) {
            deleted++;
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete a derived file (" + where + ")", e);
        }
      }
      return List.of(new ReportLine(name, where, deleted, Outcome.ERASED, "derived files, made again when needed"));
    });
  }

  /** The identity graph: person rows, identifiers, merges and refusals (see {@link IdentityGraph#erase}). */
  public static ErasureStep identities(IdentityGraph graph) {
    return new FunctionStep("identities", s -> {
      ErasedIdentity e = graph.erase(s.person());
      return List.of(
          new ReportLine("identities", "persons", e.persons().size(), Outcome.ERASED,
              "the person and the person records merged into it"),
          new ReportLine("identities", "identifiers", e.identifiers(), Outcome.ERASED,
              "anonymous ids, user ids, emails and phones"),
          new ReportLine("identities", "merges", e.merges(), Outcome.ERASED, "merge history"),
          new ReportLine("identities", "merge_refusals", e.refusals(), Outcome.ERASED, "refused merges"));
    });
  }

  /** In-memory caches: each forgets (everything, or the person) when the step runs. */
  public static ErasureStep caches(Map<String, Runnable> forget) {
    return new FunctionStep("caches", s -> forget.entrySet().stream().map(e -> {
      e.getValue().run();
      return new ReportLine("caches", e.getKey(), 1, Outcome.ERASED, "in-memory cache cleared");
    }).toList());
  }

  /** Records the person ids (not the identifiers) in the erasure register: the next model training leaves them out. */
  public static ErasureStep trainingExclusion(ErasureRegister register, Clock clock) {
    return new FunctionStep("training_exclusion", s -> {
      var at = clock.instant();
      for (PersonId p : s.persons()) {
        register.record(p, at);
      }
      return List.of(new ReportLine("training_exclusion", "erased_persons", s.persons().size(), Outcome.RECORDED,
          "the random person ids, for model trainers to leave out of the next training"));
    });
  }

  /** The usage log of the person (and of the persons merged into it). */
  public static ErasureStep usageLog(io.shopsense.api.privacy.UsageLog usage) {
    return new FunctionStep("usage_log", s -> List.of(new ReportLine("usage_log", "usage_log",
        s.persons().stream().mapToLong(usage::erase).sum(), Outcome.ERASED, "what the data was used for, per day")));
  }
}
