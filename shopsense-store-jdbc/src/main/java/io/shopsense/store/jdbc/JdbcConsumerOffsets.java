package io.shopsense.store.jdbc;

import io.shopsense.api.collect.ConsumerOffsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The consumers' offsets in the {@code consumer_offsets} table. Thread-safe. A commit replaces the stored offset,
 * also with a smaller one (a consumer may rewind to rebuild what it derives); committing the same offset again is
 * harmless.
 */
final class JdbcConsumerOffsets implements ConsumerOffsets {
  private final Sql sql;

  JdbcConsumerOffsets(Sql sql) {
    this.sql = sql;
  }

  @Override
  public long get(String consumer) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select seq from consumer_offsets where consumer = ?")) {
        ps.setString(1, consumer);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  @Override
  public void commit(String consumer, long seq) {
    if (consumer == null || consumer.isBlank()) {
      throw new IllegalArgumentException("a consumer needs a name");
    }
    sql.tx(c -> {
      try (PreparedStatement update = c.prepareStatement("update consumer_offsets set seq = ? where consumer = ?")) {
        update.setLong(1, seq);
        update.setString(2, consumer);
        if (update.executeUpdate() == 1) {
          return null;
        }
      }
      // first commit of this consumer; a concurrent first commit of the same name is settled by the update below
      try (PreparedStatement insert = c.prepareStatement("insert into consumer_offsets (consumer, seq) values (?, ?) "
          + "on conflict do nothing");
          PreparedStatement update = c.prepareStatement("update consumer_offsets set seq = ? where consumer = ?")) {
        insert.setString(1, consumer);
        insert.setLong(2, seq);
        if (insert.executeUpdate() == 0) {
          update.setLong(1, seq);
          update.setString(2, consumer);
          update.executeUpdate();
        }
      }
      return null;
    });
  }
}
