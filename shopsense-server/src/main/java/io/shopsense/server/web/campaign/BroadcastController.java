package io.shopsense.server.web.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.journey.SendSpec;
import io.shopsense.api.journey.StoredBroadcast;
import io.shopsense.platform.Platform;
import io.shopsense.platform.campaign.Broadcasts;
import io.shopsense.server.web.ApiProblem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Broadcasts (one-off campaigns to a segment at a local time in each person's zone): schedule one, list, read one
 * with its run's counts and the delivery report of its messages ({@code campaign:<id>}), cancel one not yet started.
 */
@RestController
@RequestMapping(path = "/v1/broadcasts", produces = MediaType.APPLICATION_JSON_VALUE)
public class BroadcastController {
  private final Platform platform;

  public BroadcastController(Platform platform) {
    this.platform = platform;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body) {
    String id = Bodies.text(body, "id");
    SendSpec spec = spec(body);
    LocalDate date;
    LocalTime time;
    ZoneId fallback;
    try {
      date = LocalDate.parse(Bodies.text(body, "date"));
      time = LocalTime.parse(Bodies.text(body, "time"));
      String zone = Bodies.optional(body, "fallbackZone");
      fallback = zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw ApiProblem.badRequest("invalid_broadcast", "date must be yyyy-MM-dd, time HH:mm and fallbackZone a "
          + "time-zone id such as Asia/Shanghai");
    }
    StoredBroadcast b;
    try {
      b = broadcasts().create(id, Bodies.optional(body, "name"), Bodies.text(body, "segment"), spec, date, time,
          fallback);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid_broadcast", e.getMessage());
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(view(b));
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1_000) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and 1000");
    }
    return Map.of("items", broadcasts().list(limit).stream().map(BroadcastController::view).toList());
  }

  /** The broadcast, its run's counts and how its messages did ({@code campaign:<id>} in the outbox). */
  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable String id) {
    StoredBroadcast b = broadcasts().find(id).orElseThrow(() -> ApiProblem.notFound("broadcast"));
    Map<String, Object> m = view(b);
    m.put("report", Reports.steps(platform.campaigns().stores().outbox().report("campaign:" + id)));
    return m;
  }

  @PostMapping("/{id}/cancel")
  public Map<String, Object> cancel(@PathVariable String id) {
    StoredBroadcast b = broadcasts().find(id).orElseThrow(() -> ApiProblem.notFound("broadcast"));
    if (!broadcasts().cancel(id)) {
      // re-read: a run may have started between the find and the cancel
      StoredBroadcast now = broadcasts().find(id).orElse(b);
      throw new ApiProblem(HttpStatus.CONFLICT, "broadcast_started", "the broadcast is "
          + now.status().name().toLowerCase(Locale.ROOT) + " and can no longer be cancelled");
    }
    return view(broadcasts().find(id).orElse(b));
  }

  private static SendSpec spec(JsonNode body) {
    String channel = Bodies.optional(body, "channel");
    channel = channel == null ? SendSpec.PREFERRED : channel.strip().toLowerCase(Locale.ROOT);
    if (!SendSpec.PREFERRED.equals(channel) && Channel.fromWire(channel).isEmpty()) {
      throw ApiProblem.badRequest("invalid_broadcast", "channel must be email, in_app, sms, push or preferred");
    }
    String category = Bodies.text(body, "category");
    if (ContentCategory.fromWire(category).isEmpty()) {
      throw ApiProblem.badRequest("invalid_broadcast", "category must be transactional, service or promotional");
    }
    return new SendSpec(channel, Bodies.text(body, "template"), ContentCategory.fromWire(category).get().wireName(),
        Bodies.optional(body, "topic"), Bodies.integer(body, "priority", 50));
  }

  static Map<String, Object> view(StoredBroadcast b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", b.id());
    m.put("name", b.name());
    m.put("segment", b.segment());
    m.put("channel", b.spec().channel());
    m.put("template", b.spec().templateId());
    m.put("category", b.spec().contentCategory());
    m.put("topic", b.spec().topic());
    m.put("priority", b.spec().priority());
    m.put("date", b.date().toString());
    m.put("time", b.localTime().toString());
    m.put("fallbackZone", b.fallbackZone().getId());
    m.put("status", b.status().name().toLowerCase(Locale.ROOT));
    m.put("runAt", b.runAt());
    m.put("counts", Map.of("audience", b.counts().audience(), "queued", b.counts().queued(),
        "suppressed", b.counts().suppressed(), "held", b.counts().held()));
    m.put("createdAt", b.createdAt());
    m.put("updatedAt", b.updatedAt());
    return m;
  }

  private Broadcasts broadcasts() {
    return platform.campaigns().broadcasts();
  }
}
