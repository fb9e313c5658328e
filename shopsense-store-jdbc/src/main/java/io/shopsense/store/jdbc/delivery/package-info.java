/**
 * The delivery ports on JDBC ({@link io.shopsense.store.jdbc.delivery.JdbcDelivery}): the outbox, leases and the
 * in-app inbox over the tables of migration V10, with SQL that H2 (PostgreSQL mode) and PostgreSQL both accept, so
 * one class serves each port on both.
 */
package io.shopsense.store.jdbc.delivery;
