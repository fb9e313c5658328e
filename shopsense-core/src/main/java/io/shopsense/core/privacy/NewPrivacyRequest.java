package io.shopsense.core.privacy;

import io.shopsense.api.event.Properties;
import io.shopsense.api.privacy.RequestType;

/**
 * A request as submitted.
 *
 * @param traits the corrected traits, for a rectification (empty otherwise)
 * @param hold   record the request as received and handle it later ({@code process}), e.g. once the privacy officer
 *               has verified who asked; access and erasure only (a rectification's traits are not kept)
 */
public record NewPrivacyRequest(RequestType type, SubjectRef subject, Properties traits, boolean hold) {

  /** A request handled at once. */
  public NewPrivacyRequest(RequestType type, SubjectRef subject, Properties traits) {
    this(type, subject, traits, false);
  }

  public NewPrivacyRequest {
    if (type == null || subject == null) {
      throw new IllegalArgumentException("a privacy request needs a type and a subject");
    }
    traits = traits == null ? Properties.EMPTY : traits;
    if (type != RequestType.RECTIFICATION && !traits.isEmpty()) {
      throw new IllegalArgumentException("traits are only given with a rectification request");
    }
    if (hold && type == RequestType.RECTIFICATION) {
      throw new IllegalArgumentException("a rectification is handled at once (its traits are not kept); hold is for "
          + "access and erasure requests");
    }
  }
}
