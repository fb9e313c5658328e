/**
 * The store ports on JDBC: {@link io.shopsense.store.jdbc.JdbcStores} opens an embedded H2 file database or a
 * PostgreSQL schema, migrates it with Flyway ({@code db/migration/common} on both, {@code db/migration/postgresql} on
 * PostgreSQL only, {@code db/migration/h2} on H2 only) and hands out one implementation of each port over a shared
 * connection pool. Plain JDBC with prepared statements; SQL that both backends accept (H2 runs in PostgreSQL mode), so
 * one class serves each port on both, except the event log, which is PostgreSQL's only.
 */
package io.shopsense.store.jdbc;
