/**
 * The offer stores on JDBC (H2 and PostgreSQL, the tables of migration V12): coupon pools and grants with an atomic
 * budget ({@link io.shopsense.store.jdbc.offer.JdbcCouponStore}) and offers with their counters and allocation log
 * ({@link io.shopsense.store.jdbc.offer.JdbcOfferStore}), both made by {@link io.shopsense.store.jdbc.offer.JdbcOffers}
 * over the stores' pool; message templates in the table of migration V13
 * ({@link io.shopsense.store.jdbc.offer.JdbcTemplateStore}).
 */
package io.shopsense.store.jdbc.offer;
