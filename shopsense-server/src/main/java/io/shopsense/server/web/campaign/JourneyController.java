package io.shopsense.server.web.campaign;

import io.shopsense.api.journey.Enrolment;
import io.shopsense.api.journey.JourneyStore;
import io.shopsense.api.journey.StoredJourney;
import io.shopsense.core.campaign.content.ReadyMadeTemplates;
import io.shopsense.core.campaign.coupon.ReadyMadePools;
import io.shopsense.core.campaign.journey.InvalidJourneyException;
import io.shopsense.core.campaign.journey.JourneyDefinition;
import io.shopsense.core.campaign.journey.JourneyParser;
import io.shopsense.core.campaign.journey.JourneyRepository;
import io.shopsense.core.campaign.journey.ReadyMadeJourneys;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Journeys: save a definition (JSON or YAML; its id and version are in the text, a saved version never changes),
 * list the latest version of each with its enrolments, read a version, start or stop one, and install the ready-made
 * journeys.
 */
@RestController
@RequestMapping(path = "/v1/journeys", produces = MediaType.APPLICATION_JSON_VALUE)
public class JourneyController {
  private final Platform platform;

  public JourneyController(Platform platform) {
    this.platform = platform;
  }

  @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml", "text/yaml"})
  public ResponseEntity<Map<String, Object>> save(@RequestBody String text,
      @RequestParam(defaultValue = "false") boolean live) {
    JourneyDefinition saved;
    try {
      saved = repository().save(text, live);
    } catch (InvalidJourneyException e) {
      throw invalid(e);
    } catch (IllegalStateException e) {
      throw new ApiProblem(HttpStatus.CONFLICT, "journey_version_exists", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_journey", e.getMessage(),
          Map.of("problems", List.of(Map.of("path", "$", "message", String.valueOf(e.getMessage())))));
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(saved(saved, live));
  }

  @GetMapping
  public Map<String, Object> list() {
    List<Map<String, Object>> items = new ArrayList<>();
    for (StoredJourney s : store().latestDefinitions()) {
      Map<String, Object> m = summary(s);
      m.put("enrolments", enrolments(s.journeyId()));
      items.add(m);
    }
    return Map.of("items", items);
  }

  /** A version of the journey (the latest when {@code version} is absent), its definition and enrolments. */
  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable String id, @RequestParam(required = false) Integer version) {
    Optional<StoredJourney> found = version == null
        ? store().latestDefinitions().stream().filter(s -> s.journeyId().equals(id)).findFirst()
        : store().definition(id, version);
    StoredJourney s = found.orElseThrow(() -> ApiProblem.notFound("journey"));
    Map<String, Object> m = summary(s);
    m.put("definition", JsonCodec.parse(s.definitionJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    m.put("enrolments", enrolments(id));
    return m;
  }

  @PutMapping("/{id}/versions/{version}/live")
  public Map<String, Object> start(@PathVariable String id, @PathVariable int version) {
    return live(id, version, true);
  }

  @DeleteMapping("/{id}/versions/{version}/live")
  public Map<String, Object> stop(@PathVariable String id, @PathVariable int version) {
    return live(id, version, false);
  }

  /**
   * Installs the ready-made journeys, with the templates and coupon pools they use where missing. A journey version
   * already saved with the same definition is left as it is: saving it again would reset its live flag, stopping a
   * journey a marketer had started (or starting one they had stopped). Not {@code Campaigns.installReadyMade}, which
   * saves every journey again.
   */
  @PostMapping("/ready-made")
  public Map<String, Object> readyMade(@RequestParam(defaultValue = "false") boolean live) {
    JourneyParser parser = new JourneyParser();
    List<Map<String, Object>> installed = new ArrayList<>();
    List<Map<String, Object>> unchanged = new ArrayList<>();
    for (String text : ReadyMadeJourneys.texts().values()) {
      JourneyDefinition d = parser.parse(text, JourneyParser.Format.YAML);
      String json = parser.canonicalJson(text, JourneyParser.Format.YAML);
      Optional<StoredJourney> stored = store().definition(d.id(), d.version());
      if (stored.isPresent() && stored.get().definitionJson().equals(json)) {
        unchanged.add(Map.of("id", d.id(), "version", d.version()));
        continue;
      }
      try {
        installed.add(saved(repository().save(text, live), live));
      } catch (IllegalStateException e) {
        throw new ApiProblem(HttpStatus.CONFLICT, "journey_version_exists", e.getMessage());
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("installed", installed);
    out.put("unchanged", unchanged);
    out.put("templates", kitTemplates());
    out.put("couponPools", kitPools());
    return out;
  }

  /**
   * Saves the ready-made journeys' templates that are missing (the ids of those saved); one already there may be
   * the shop's own edit, and stays.
   */
  private List<String> kitTemplates() {
    var templates = platform.campaigns().stores().templates();
    List<String> saved = new ArrayList<>();
    for (var t : ReadyMadeTemplates.all()) {
      if (templates.find(t.id()).isEmpty()) {
        templates.save(platform.campaigns().templateEngine().checked(t), platform.clock().instant());
        saved.add(t.id());
      }
    }
    return saved;
  }

  /** Saves the ready-made journeys' coupon pools that are missing (a pool there keeps its values and budget). */
  private List<String> kitPools() {
    List<String> saved = new ArrayList<>();
    for (var pool : ReadyMadePools.all(platform.clock().instant())) {
      if (platform.campaigns().stores().coupons().pool(pool.id()).isEmpty()) {
        platform.campaigns().coupons().savePool(pool);
        saved.add(pool.id());
      }
    }
    return saved;
  }

  private Map<String, Object> live(String id, int version, boolean live) {
    if (!repository().setLive(id, version, live)) {
      throw ApiProblem.notFound("journey version");
    }
    return Map.of("id", id, "version", version, "live", live);
  }

  private Map<String, Object> summary(StoredJourney s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.journeyId());
    JourneyDefinition d = repository().definition(s.journeyId(), s.version());
    m.put("name", d == null ? null : d.name());
    m.put("version", s.version());
    m.put("live", s.live());
    m.put("savedAt", s.savedAt());
    return m;
  }

  private Map<String, Long> enrolments(String journeyId) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Enrolment.Status status : Enrolment.Status.values()) {
      out.put(status.name().toLowerCase(Locale.ROOT), 0L);
    }
    store().countByStatus(journeyId).forEach((status, n) -> out.put(status.name().toLowerCase(Locale.ROOT), n));
    return out;
  }

  private static Map<String, Object> saved(JourneyDefinition d, boolean live) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("version", d.version());
    m.put("live", live);
    return m;
  }

  private static ApiProblem invalid(InvalidJourneyException e) {
    List<Map<String, Object>> problems = e.problems().stream()
        .map(p -> Map.<String, Object>of("path", p.path(), "message", p.message())).toList();
    return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_journey", e.getMessage(), Map.of("problems", problems));
  }

  private JourneyRepository repository() {
    return platform.campaigns().journeys();
  }

  private JourneyStore store() {
    return platform.campaigns().stores().journeys();
  }
}
