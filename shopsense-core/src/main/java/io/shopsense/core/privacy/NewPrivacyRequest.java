package io.shopsense.core.privacy;

import io.shopsense.api.event.Properties;
import io.shopsense.api.privacy.RequestType;

/**
 * A request as submitted.
 *
 * @param traits the corrected traits, for a rectification (empty otherwise)
 */
public record NewPrivacyRequest(RequestType type, SubjectRef subject, Properties traits) {
  public NewPrivacyRequest {
    if (type == null || subject == null) {
      throw new IllegalArgumentException("a privacy request needs a type and a subject");
    }
    traits = traits == null ? Properties.EMPTY : traits;
    if (type != RequestType.RECTIFICATION && !traits.isEmpty()) {
      throw new IllegalArgumentException("traits are only given with a rectification request");
    }
  }
}
