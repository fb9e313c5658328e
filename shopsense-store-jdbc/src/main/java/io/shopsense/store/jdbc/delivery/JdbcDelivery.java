package io.shopsense.store.jdbc.delivery;

import io.shopsense.api.delivery.Inbox;
import io.shopsense.api.delivery.Leases;
import io.shopsense.api.delivery.Outbox;
import javax.sql.DataSource;

/**
 * The delivery ports over a database already migrated to V10 (the {@code JdbcStores} pool, H2 or PostgreSQL). It
 * opens nothing and closes nothing: the pool belongs to whoever passed it. Thread-safe.
 */
public final class JdbcDelivery {
  private final JdbcOutbox outbox;
  private final JdbcLeases leases;
  private final JdbcInbox inbox;

  private JdbcDelivery(Db db) {
    this.outbox = new JdbcOutbox(db);
    this.leases = new JdbcLeases(db);
    this.inbox = new JdbcInbox(db);
  }

  public static JdbcDelivery on(DataSource dataSource) {
    return new JdbcDelivery(new Db(dataSource));
  }

  /** On the stores' own {@link io.shopsense.store.jdbc.Sql}: calls join a unit of work running on it. */
  public static JdbcDelivery on(io.shopsense.store.jdbc.Sql sql) {
    return new JdbcDelivery(new Db(sql));
  }

  public Outbox outbox() {
    return outbox;
  }

  public Leases leases() {
    return leases;
  }

  public Inbox inbox() {
    return inbox;
  }
}
