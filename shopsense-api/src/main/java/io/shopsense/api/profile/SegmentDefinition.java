package io.shopsense.api.profile;

import java.time.Instant;

/**
 * A saved segment: its rule in the text form of the rule language (core parses it; stores keep it as text).
 *
 * @param id      a stable slug, {@code [a-z0-9][a-z0-9_-]*}, at most 100 characters
 * @param version incremented on each change of the rule
 */
public record SegmentDefinition(String id, String name, String description, String rule, Instant createdAt,
    Instant updatedAt, long version) {
  public SegmentDefinition {
    if (id == null || name == null || rule == null || createdAt == null || updatedAt == null) {
      throw new IllegalArgumentException("id, name, rule, createdAt and updatedAt are required");
    }
    description = description == null ? "" : description;
  }
}
