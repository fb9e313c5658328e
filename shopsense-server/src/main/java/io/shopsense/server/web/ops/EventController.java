package io.shopsense.server.web.ops;

import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.MessageId;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import io.shopsense.server.web.identity.PersonController;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The event log, read in order or by message id. */
@RestController
@RequestMapping(path = "/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
public class EventController {
  private final Platform platform;

  public EventController(Platform platform) {
    this.platform = platform;
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and 1000");
    }
    List<StoredEvent> events = platform.stores().eventLog().readAfter(after, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", events.stream().map(PersonController::view).toList());
    out.put("next", events.size() == limit ? String.valueOf(events.get(events.size() - 1).seq()) : null);
    out.put("lastSeq", platform.stores().eventLog().lastSeq());
    return out;
  }

  @GetMapping("/{messageId}")
  public Map<String, Object> get(@PathVariable String messageId) {
    return platform.stores().eventLog().find(MessageId.of(messageId)).map(PersonController::view)
        .orElseThrow(() -> ApiProblem.notFound("event"));
  }
}
