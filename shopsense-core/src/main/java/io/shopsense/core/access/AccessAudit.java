package io.shopsense.core.access;

/**
 * Receives every {@link AccessChange} once it has happened (the audit log implements it). Called on the thread of
 * the change, after the store write; must not throw for a change it cannot record (the change has happened).
 */
@FunctionalInterface
public interface AccessAudit {
  /** Records nothing. */
  AccessAudit NONE = change -> { };

  void record(AccessChange change);
}
