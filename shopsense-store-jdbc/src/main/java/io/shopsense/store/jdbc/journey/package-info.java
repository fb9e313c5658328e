/**
 * The journey stores on JDBC (H2 and PostgreSQL): journeys and enrolments in the tables of migration V11
 * ({@link io.shopsense.store.jdbc.journey.JdbcJourneyStore}), broadcasts in the table of migration V13
 * ({@link io.shopsense.store.jdbc.journey.JdbcBroadcastStore}).
 */
package io.shopsense.store.jdbc.journey;
