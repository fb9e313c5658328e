package io.shopsense.store.jdbc;

/**
 * A database failure under a JDBC store: the connection was lost, a statement timed out, the pool is closed. The
 * ports' own outcomes (a conflict, an unknown id) are never reported this way; a caller may retry the call, since
 * every write either committed whole or not at all.
 */
public class JdbcStoreException extends RuntimeException {
  public JdbcStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
