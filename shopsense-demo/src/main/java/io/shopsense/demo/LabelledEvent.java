package io.shopsense.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * An event of the {@linkplain DemoShop#malformed(double) malformed feed}: the JSON as it would be sent (usually an
 * object; a broken one may be any JSON value) and, when it was broken on purpose, how.
 */
public record LabelledEvent(JsonNode event, Optional<Defect> defect) {

  public LabelledEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(defect, "defect");
  }

  public boolean valid() {
    return defect.isEmpty();
  }

  /** The reject reason code ingest gives this event, or empty when it is accepted. */
  public Optional<String> expectedReason() {
    return defect.map(Defect::reasonCode);
  }
}
