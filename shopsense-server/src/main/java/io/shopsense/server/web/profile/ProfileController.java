package io.shopsense.server.web.profile;

import io.shopsense.api.Slice;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.profile.ProfileQuery;
import io.shopsense.api.profile.StoredProfile;
import io.shopsense.core.pipeline.LatencySample;
import io.shopsense.core.profile.LifecycleStage;
import io.shopsense.core.profile.Profile;
import io.shopsense.core.profile.ProfileRefresh;
import io.shopsense.core.profile.ProfileService;
import io.shopsense.core.profile.RfmSegment;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import io.shopsense.server.web.identity.PersonController;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Profiles: one by any identifier or person id (merged ids lead to the survivor), lists filtered by lifecycle stage,
 * RFM segment or segment membership, a person's timeline; and the reports over the base: the RFM grid and the
 * lifecycle distribution and flows.
 */
@RestController
public class ProfileController {
  private final Platform platform;

  public ProfileController(Platform platform) {
    this.platform = platform;
  }

  /**
   * A profile by {@code userId}, {@code anonymousId}, {@code email} or {@code phone}; without any of them, a page of
   * profiles (facts only), optionally of one {@code stage}, {@code rfmSegment} or {@code segment}.
   */
  @GetMapping(path = "/v1/profiles", produces = MediaType.APPLICATION_JSON_VALUE)
  public Object lookupOrList(@RequestParam(required = false) String userId,
      @RequestParam(required = false) String anonymousId, @RequestParam(required = false) String email,
      @RequestParam(required = false) String phone, @RequestParam(required = false) String stage,
      @RequestParam(required = false) String rfmSegment, @RequestParam(required = false) String segment,
      @RequestParam(required = false) String after, @RequestParam(defaultValue = "100") int limit) {
    if (userId != null || anonymousId != null || email != null || phone != null) {
      Identifier id = PersonController.identifier(userId, anonymousId, email, phone);
      return profiles().find(id).orElseThrow(() -> ApiProblem.notFound("profile"));
    }
    if (limit < 1 || limit > 1000) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and 1000");
    }
    if (stage != null && Arrays.stream(LifecycleStage.values()).noneMatch(s -> s.key().equals(stage))) {
      throw ApiProblem.badRequest("invalid_parameter", "stage must be one of "
          + Arrays.stream(LifecycleStage.values()).map(LifecycleStage::key).toList());
    }
    if (rfmSegment != null && RfmSegment.byKey(rfmSegment).isEmpty()) {
      throw ApiProblem.badRequest("invalid_parameter", "rfmSegment must be one of "
          + Arrays.stream(RfmSegment.values()).map(RfmSegment::key).toList());
    }
    if (segment != null) {
      if (stage != null || rfmSegment != null) {
        throw ApiProblem.badRequest("invalid_parameter", "segment cannot be combined with stage or rfmSegment");
      }
      if (platform.segments().definition(segment).isEmpty()) {
        throw ApiProblem.notFound("segment");
      }
      Slice<PersonId> members = platform.segments().members(segment, after, limit);
      Map<PersonId, StoredProfile> rows = platform.stores().profileStore().getAll(members.items());
      return page(members.items().stream().map(rows::get).filter(java.util.Objects::nonNull).toList(),
          members.next());
    }
    Slice<StoredProfile> slice = profiles().list(new ProfileQuery(stage, rfmSegment, after, limit));
    return page(slice.items(), slice.next());
  }

  private static Map<String, Object> page(List<StoredProfile> items, String next) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items.stream().map(ProfileController::summary).toList());
    out.put("next", next);
    return out;
  }

  /** A listed profile: the person id and the facts. */
  static Map<String, Object> summary(StoredProfile p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("person", p.person().value());
    m.put("facts", p.facts());
    m.put("updatedAt", p.updatedAt());
    return m;
  }

  @GetMapping(path = "/v1/profiles/{person}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Profile get(@PathVariable String person) {
    return profiles().find(PersonId.of(person)).orElseThrow(() -> ApiProblem.notFound("profile"));
  }

  /** The person's events and profile changes, newest first. */
  @GetMapping(path = "/v1/profiles/{person}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> timeline(@PathVariable String person, @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and 1000");
    }
    Profile p = get(person);
    return Map.of("person", p.person().value(), "items", profiles().timeline(p.person(), limit));
  }

  /** Event-to-profile latency (receipt to profile commit) over the latest events, in milliseconds. */
  @GetMapping(path = "/v1/profiles/latency", produces = MediaType.APPLICATION_JSON_VALUE)
  public LatencySample.Summary latency() {
    return platform.profileConsumer().latency();
  }

  /** Refits the RFM model and applies time-driven changes now, instead of at the next scheduled refresh. */
  @PostMapping(path = "/v1/profiles/refresh", produces = MediaType.APPLICATION_JSON_VALUE)
  public ProfileRefresh.Report refresh() throws Exception {
    return platform.refreshProfiles();
  }

  /**
   * Rebuilds every profile from the lake and compares it with the stored one; {@code apply=true} replaces the stored
   * profiles by the rebuilt ones.
   */
  @PostMapping(path = "/v1/profiles/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
  public Platform.RebuildReport rebuild(@RequestParam(defaultValue = "false") boolean apply) throws Exception {
    if (platform.settings().lake() == null) {
      throw new ApiProblem(org.springframework.http.HttpStatus.CONFLICT, "lake_disabled",
          "the lake is off (shopsense.lake.enabled=false); a batch rebuild reads the lake");
    }
    return platform.rebuildProfiles(apply);
  }

  @GetMapping(path = "/v1/rfm/grid", produces = MediaType.APPLICATION_JSON_VALUE)
  public ProfileService.RfmGrid rfmGrid() {
    return profiles().rfmGrid();
  }

  @GetMapping(path = "/v1/lifecycle/distribution", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> lifecycleDistribution() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stages", profiles().lifecycleDistribution());
    out.put("windows", Map.of("activeFor", platform.profileEngine().model().windows().activeFor().toString(),
        "churnAfter", platform.profileEngine().model().windows().churnAfter().toString(),
        "fitted", platform.profileEngine().configuredWindows() == null));
    return out;
  }

  /** Lifecycle transitions between {@code from} and {@code to} (ISO instants), per {@code bucket} (day, week, month). */
  @GetMapping(path = "/v1/lifecycle/flows", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> lifecycleFlows(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "week") String bucket) {
    Instant end = to == null ? platform.clock().instant() : instant("to", to);
    Instant start = from == null ? end.minus(java.time.Duration.ofDays(90)) : instant("from", from);
    if (!start.isBefore(end)) {
      throw ApiProblem.badRequest("invalid_parameter", "from must be before to");
    }
    ProfileService.Bucket b;
    try {
      b = ProfileService.Bucket.valueOf(bucket.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid_parameter", "bucket must be day, week or month");
    }
    return Map.of("from", start, "to", end, "bucket", b.name().toLowerCase(Locale.ROOT),
        "flows", profiles().lifecycleFlows(start, end, b));
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("invalid_parameter", name + " must be an ISO-8601 instant such as "
          + "2026-01-01T00:00:00Z");
    }
  }

  private ProfileService profiles() {
    return platform.profiles();
  }
}
