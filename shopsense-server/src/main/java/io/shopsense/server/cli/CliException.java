package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** A failure the CLI reports as one line (and, for API errors, the problem body) with a non-zero exit code. */
public class CliException extends RuntimeException {
  private final transient JsonNode body;

  public CliException(String message) {
    this(message, null);
  }

  public CliException(String message, JsonNode body) {
    super(message);
    this.body = body;
  }

  public JsonNode body() {
    return body;
  }
}
