package io.shopsense.api.access;

/** What an API key may do. */
public enum ApiScope {
  /** Send events (the write-only key a storefront embeds). */
  INGEST,
  /** Read profiles, events, catalog and reports. */
  READ,
  /** Manage the catalog, the quarantine, imports and keys. */
  ADMIN
}
