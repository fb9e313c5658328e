package io.shopsense.lake;

/**
 * A query over the lake was refused (not a single read-only statement) or failed (DuckDB's message, such as a syntax
 * error or a missing column). The message is meant for the person who wrote the query.
 */
public final class LakeQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LakeQueryException(String message) {
    super(message);
  }

  public LakeQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
