package io.shopsense.server.web.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.access.ApiKey;
import io.shopsense.api.access.ApiScope;
import io.shopsense.core.collect.BatchOutcome;
import io.shopsense.core.collect.EventOutcome;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.collect.IngestMode;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import io.shopsense.server.web.BodyReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tracking API in the style of the Segment spec: {@code POST /v1/batch} and the single calls
 * {@code /v1/identify|track|page|screen|alias}. A batch is accepted partially: the response says for each event
 * whether it was accepted, a duplicate, or rejected (with the reason, and the id of the quarantine entry that keeps
 * it). An answer means the accepted events are durable. A body that is not JSON at all is kept in the quarantine too.
 */
@RestController
@RequestMapping(path = "/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class TrackingController {
  private final Platform platform;
  private final Clock clock;

  public TrackingController(Platform platform, Clock clock) {
    this.platform = platform;
    this.clock = clock;
  }

  /**
   * A batch of events. {@code mode=historical} backfills history from a server integration (an admin key only):
   * the maximum event age does not apply and the events are counted as historical, not late.
   */
  @PostMapping("/batch")
  public IngestResponses.BatchAnswer batch(HttpServletRequest request, @AuthenticationPrincipal ApiKey key,
      @RequestParam(defaultValue = "live") String mode) throws IOException {
    IngestMode ingestMode = mode(mode, key);
    Instant receivedAt = clock.instant();
    JsonNode body = body(request, key, receivedAt, "api POST /v1/batch");
    JsonNode items = body.get("batch");
    if (!body.isObject() || items == null || !items.isArray()) {
      throw ApiProblem.badRequest("invalid_batch", "the body must be an object with a 'batch' array of events");
    }
    if (items.size() > platform.ingestor().settings().maxBatchEvents()) {
      throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "too_many_events",
          "at most " + platform.ingestor().settings().maxBatchEvents() + " events per batch");
    }
    List<IncomingEvent> events = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      events.add(IncomingEvent.of(items.get(i), "api POST /v1/batch [" + i + "]"));
    }
    IngestRequest ingest = new IngestRequest(key.source(), receivedAt, sentAt(body), body.get("context"),
        ingestMode);
    return IngestResponses.batch(platform.ingestor().ingest(events, ingest));
  }

  @PostMapping("/{call:identify|track|page|screen|alias}")
  public ResponseEntity<IngestResponses.EventAnswer> single(@PathVariable String call, HttpServletRequest request,
      @AuthenticationPrincipal ApiKey key) throws IOException {
    Instant receivedAt = clock.instant();
    String origin = "api POST /v1/" + call;
    JsonNode body = body(request, key, receivedAt, origin);
    if (!body.isObject()) {
      throw ApiProblem.badRequest("not_an_object", "the body must be one event, a JSON object");
    }
    ((ObjectNode) body).put("type", call);
    BatchOutcome outcome = platform.ingestor().ingest(List.of(IncomingEvent.of(body, origin)),
        IngestRequest.live(key.source(), receivedAt));
    EventOutcome e = outcome.events().get(0);
    if (e.status() == EventOutcome.Status.REJECTED) {
      throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, e.reason(), "the event was rejected and quarantined",
          Map.of("violations", IngestResponses.violations(e.violations()), "quarantineId", e.quarantineId()));
    }
    return ResponseEntity.ok(IngestResponses.event(e));
  }

  private static IngestMode mode(String mode, ApiKey key) {
    if ("live".equalsIgnoreCase(mode)) {
      return IngestMode.LIVE;
    }
    if (!"historical".equalsIgnoreCase(mode)) {
      throw ApiProblem.badRequest("invalid_parameter", "mode is live or historical");
    }
    if (!key.allows(ApiScope.ADMIN)) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "insufficient_scope", "a historical backfill needs an admin key");
    }
    return IngestMode.HISTORICAL;
  }

  /** Reads and parses the body; a body that is no JSON at all is quarantined whole before the 400 answer. */
  private JsonNode body(HttpServletRequest request, ApiKey key, Instant receivedAt, String origin)
      throws IOException {
    BodyReader.requireJson(request);
    byte[] bytes = BodyReader.read(request, platform.ingestor().settings().maxBatchBytes());
    try {
      return BodyReader.parseJson(bytes);
    } catch (UncheckedIOException malformed) {
      String raw = text(bytes);
      BatchOutcome kept = platform.ingestor().ingest(
          List.of(IncomingEvent.unparseable(raw, "the body is not valid JSON", origin)),
          IngestRequest.live(key.source(), receivedAt));
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed_json", "the body is not valid JSON",
          Map.of("quarantineId", kept.events().get(0).quarantineId()));
    }
  }

  private static Instant sentAt(JsonNode body) {
    JsonNode s = body.get("sentAt");
    if (s == null || !s.isTextual()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.textValue()).toInstant();
    } catch (DateTimeParseException e) {
      return null; // a batch's own sentAt only helps skew correction; events keep their own timestamps
    }
  }

  /** The bytes as text when they are UTF-8, else as base64 (marked so), so that the quarantine keeps them whole. */
  static String text(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return "base64:" + Base64.getEncoder().encodeToString(bytes);
    }
  }
}
