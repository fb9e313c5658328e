package io.shopsense.server.web.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.access.ApiKey;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.EventOutcome;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import io.shopsense.server.web.BodyReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer traits from the shop's back office. They go into the event log as an {@code identify} event — the log
 * stays the one source of truth — and reach the person through identity resolution.
 */
@RestController
@RequestMapping(path = "/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
public class CustomerController {
  private final Platform platform;
  private final Clock clock;

  public CustomerController(Platform platform, Clock clock) {
    this.platform = platform;
    this.clock = clock;
  }

  /** Where trait changes made by a console user (signed in, no API key) are recorded as coming from. */
  static final SourceId CONSOLE = SourceId.of("console");

  /** Sets traits of the customer with this user id: the body is the traits object. */
  @PutMapping("/{userId}/traits")
  public Map<String, Object> traits(@PathVariable String userId, HttpServletRequest request,
      @AuthenticationPrincipal ApiKey key) throws IOException {
    BodyReader.requireJson(request);
    JsonNode traits;
    try {
      traits = BodyReader.parseJson(BodyReader.read(request, platform.ingestor().settings().maxEventBytes()));
    } catch (UncheckedIOException e) {
      throw ApiProblem.badRequest("malformed_json", "the body is not valid JSON");
    }
    if (!traits.isObject()) {
      throw ApiProblem.badRequest("not_an_object", "the body must be the traits, a JSON object");
    }
    Instant now = clock.instant();
    ObjectNode identify = JsonCodec.mapper().createObjectNode();
    identify.put("type", "identify");
    identify.put("userId", userId);
    identify.set("traits", traits);
    identify.put("timestamp", now.toString());
    String origin = "api PUT /v1/customers/{userId}/traits";
    EventOutcome e = platform.ingestor().ingest(List.of(IncomingEvent.of(identify, origin)),
        IngestRequest.live(key != null ? key.source() : CONSOLE, now)).events().get(0);
    if (e.status() == EventOutcome.Status.REJECTED) {
      throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, e.reason(), "the traits were rejected",
          Map.of("violations", e.violations().stream().map(Object::toString).toList()));
    }
    return Map.of("status", e.status().name().toLowerCase(), "messageId", e.messageId(), "seq", e.seq());
  }
}
