/** The journey store on JDBC (H2 and PostgreSQL), in the tables of migration V11. */
package io.shopsense.store.jdbc.journey;
