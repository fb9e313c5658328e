/**
 * The contact-pressure policy's ports on JDBC (H2 and PostgreSQL, tables of migration V9): {@link
 * io.shopsense.store.jdbc.campaign.JdbcContactLog}, {@link io.shopsense.store.jdbc.campaign.JdbcContactBlocks},
 * {@link io.shopsense.store.jdbc.campaign.JdbcPreferenceStore} and {@link
 * io.shopsense.store.jdbc.campaign.JdbcSuppressionLog}. Each takes the stores' migrated data source.
 */
package io.shopsense.store.jdbc.campaign;
