package io.shopsense.core.privacy.internal;

import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.identity.IdentityLink;
import io.shopsense.api.identity.MergeRecord;
import io.shopsense.api.identity.RefusedMerge;
import io.shopsense.api.profile.ProfileChange;
import io.shopsense.api.profile.ProfileChanges;
import io.shopsense.api.profile.SegmentDefinition;
import io.shopsense.api.profile.SegmentStore;
import io.shopsense.core.identity.PersonDirectory;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.core.privacy.DataSubject;
import io.shopsense.core.privacy.PersonalDataSection;
import io.shopsense.core.privacy.SectionRows;
import io.shopsense.core.profile.PersonalTraits;
import io.shopsense.core.profile.Profile;
import io.shopsense.core.profile.ProfileService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The export sections over the stores every ShopSense has: identities, traits, profile, events, segments. */
public final class StoreSections {
  private static final int EVENT_PAGE = 1_000;
  private static final int MAX_CHANGES = 1_000_000;

  private StoreSections() {}

  /** The sections, in the order of the archive. */
  public static List<PersonalDataSection> of(IdentityGraph graph, PersonDirectory persons, ProfileService profiles,
      SegmentStore segments, ProfileChanges changes) {
    return List.of(
        new FunctionSection("identifiers", s -> identifiers(graph, s)),
        new FunctionSection("merges", s -> merges(graph, s)),
        new FunctionSection("refused_merges", s -> refusals(graph, s)),
        new FunctionSection("traits", StoreSections::traits),
        new FunctionSection("profile", s -> profile(profiles, s)),
        new FunctionSection("events", s -> events(persons, s)),
        new FunctionSection("segment_memberships", s -> memberships(segments, s)),
        new FunctionSection("profile_changes", s -> changes(changes, s)),
        new FunctionSection("messages", s -> SectionRows.empty("Messages sent to you. This shop's ShopSense sends no "
            + "messages yet, so none are held.", "sent_at", "channel", "campaign", "status")));
  }

  private static SectionRows identifiers(IdentityGraph graph, DataSubject s) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (IdentityLink l : graph.links(s.person())) {
      rows.add(row("kind", l.identifier().kind().key(), "value", l.identifier().value(), "linked_at",
          l.linkedAt().toString()));
    }
    return new SectionRows("The identifiers we know you by (browser ids, your customer id, email, phone).",
        List.of("kind", "value", "linked_at"), rows);
  }

  private static SectionRows merges(IdentityGraph graph, DataSubject s) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (MergeRecord m : graph.merges(s.person())) {
      rows.add(row("survivor", m.survivor().value(), "merged", m.merged().value(), "reason", m.reason(),
          "merged_at", m.at().toString(), "moved", m.moved().stream().map(Object::toString).toList()));
    }
    return new SectionRows("When records of yours made on different devices or with different ids were joined.",
        List.of("survivor", "merged", "reason", "merged_at", "moved"), rows);
  }

  private static SectionRows refusals(IdentityGraph graph, DataSubject s) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RefusedMerge r : graph.refusals(s.person())) {
      rows.add(row("person", r.person().value(), "other", r.other() == null ? null : r.other().value(),
          "identifier", r.identifier() == null ? null : r.identifier().toString(), "reason", r.reason(),
          "refused_at", r.at().toString()));
    }
    return new SectionRows("Joins of your records with someone else's that were refused (e.g. a shared device).",
        List.of("person", "other", "identifier", "reason", "refused_at"), rows);
  }

  private static SectionRows traits(DataSubject s) {
    List<Map<String, Object>> rows = new ArrayList<>();
    new TreeMap<>(s.traits().values()).forEach((name, value) -> rows.add(row("name", name,
        "value", value == null || value instanceof String ? value : JsonCodec.text(value),
        "personal", PersonalTraits.isPersonal(name))));
    return new SectionRows("What the shop told us about you (name, contact details, preferences).",
        List.of("name", "value", "personal"), rows);
  }

  private static SectionRows profile(ProfileService profiles, DataSubject s) {
    Optional<Profile> p = profiles.find(s.person());
    List<Map<String, Object>> rows = new ArrayList<>();
    if (p.isPresent()) {
      Map<String, Object> flat = new LinkedHashMap<>();
      Flatten.leaves("", Flatten.value(p.get()), flat);
      flat.forEach((field, value) -> {
        // identifiers and traits have sections of their own
        if (!field.startsWith("identifiers") && !field.startsWith("traits") && !field.startsWith("asked")) {
          rows.add(row("field", field, "value", value instanceof List<?> l ? JsonCodec.text(l) : value));
        }
      });
    }
    return new SectionRows(p.isPresent() ? "Your profile: what we derived from your behaviour (orders, spend, "
        + "lifecycle stage, RFM scores, interests, the segments you are in)." : "No profile is held on you.",
        List.of("field", "value"), rows);
  }

  private static SectionRows events(PersonDirectory persons, DataSubject s) {
    List<Map<String, Object>> rows = new ArrayList<>();
    long after = 0;
    while (true) {
      List<StoredEvent> page = persons.events(s.person(), after, EVENT_PAGE);
      for (StoredEvent e : page) {
        var env = e.envelope();
        rows.add(row("seq", e.seq(), "message_id", env.messageId().value(), "type", env.type().wireName(),
            "name", env.name(), "timestamp", env.timestamp().toString(), "received_at", env.receivedAt().toString(),
            "json", new String(env.json(), StandardCharsets.UTF_8)));
      }
      if (page.size() < EVENT_PAGE) {
        break;
      }
      after = page.get(page.size() - 1).seq();
    }
    return new SectionRows("Every event the shop sent us about you (views, carts, orders, …), as received.",
        List.of("seq", "message_id", "type", "name", "timestamp", "received_at", "json"), rows);
  }

  private static SectionRows memberships(SegmentStore segments, DataSubject s) {
    Set<String> in = new TreeSet<>(segments.segmentsOf(List.of(s.person())).getOrDefault(s.person(), Set.of()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String id : in) {
      rows.add(row("segment_id", id, "segment_name", segments.definition(id).map(SegmentDefinition::name)
          .orElse(null)));
    }
    return new SectionRows("The customer segments you are in now.", List.of("segment_id", "segment_name"), rows);
  }

  private static SectionRows changes(ProfileChanges changes, DataSubject s) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PersonId p : s.persons()) {
      for (ProfileChange c : changes.of(p, MAX_CHANGES)) {
        rows.add(row("seq", c.seq(), "kind", c.kind().name().toLowerCase(java.util.Locale.ROOT), "from", c.from(),
            "to", c.to(), "at", c.at().toString()));
      }
    }
    rows.sort(java.util.Comparator.comparing(r -> (Long) r.get("seq")));
    return new SectionRows("Changes of your profile: lifecycle stages and segments entered and left.",
        List.of("seq", "kind", "from", "to", "at"), rows);
  }

  /** The usage log: what the person's data was used for, per day, purpose and kind. */
  public static PersonalDataSection usageLog(io.shopsense.api.privacy.UsageLog usage) {
    return new FunctionSection("usage_log", s -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (PersonId p : s.persons()) {
        for (io.shopsense.api.privacy.UsageCount c : usage.of(p)) {
          rows.add(row("day", c.day().toString(), "purpose", c.purpose().wireName(), "kind", c.kind().name()
              .toLowerCase(java.util.Locale.ROOT), "count", c.count()));
        }
      }
      return new SectionRows("What your data was used for, per day and purpose (segments entered, recommendations "
          + "served, messages sent).", List.of("day", "purpose", "kind", "count"), rows);
    });
  }

  static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
