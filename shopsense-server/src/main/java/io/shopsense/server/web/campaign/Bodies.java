package io.shopsense.server.web.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.server.web.ApiProblem;

/** Reading the fields of the campaign endpoints' JSON bodies, with problems that name the field. */
final class Bodies {
  private Bodies() {
  }

  /** A required text field; 400 naming it when absent or blank. */
  static String text(JsonNode body, String field) {
    String v = optional(body, field);
    if (v == null || v.isBlank()) {
      throw ApiProblem.badRequest("invalid_request", "'" + field + "' is required");
    }
    return v;
  }

  /** An optional text field; null when absent. */
  static String optional(JsonNode body, String field) {
    JsonNode n = body == null ? null : body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isValueNode()) {
      throw ApiProblem.badRequest("invalid_request", "'" + field + "' must be a string");
    }
    return n.asText();
  }

  /** An optional integer field, else {@code fallback}. */
  static int integer(JsonNode body, String field, int fallback) {
    JsonNode n = body == null ? null : body.get(field);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
      throw ApiProblem.badRequest("invalid_request", "'" + field + "' must be an integer");
    }
    return n.asInt();
  }

  /** The id in the path must match an id given in the body, when one is. */
  static void sameId(String pathId, JsonNode body) {
    String bodyId = optional(body, "id");
    if (bodyId != null && !bodyId.equals(pathId)) {
      throw ApiProblem.badRequest("invalid_request", "the body's 'id' differs from the id in the path");
    }
  }
}
