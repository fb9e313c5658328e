package io.shopsense.store.jdbc.offer;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.offer.Allocation;
import io.shopsense.api.offer.Offer;
import io.shopsense.api.offer.OfferStore;
import io.shopsense.api.offer.VariantStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Offers in {@code offer_variants} (one row per variant, with its counters; variants dropped from an offer are kept
 * inactive so that their counters survive) and the allocation log in {@code offer_allocations} (one row per person
 * and offer, numbered; a concurrent second allocation of the same person fails on its unique index and then returns
 * the first). The sampled values are kept as {@code variant=value} pairs, values in Java's shortest exact notation.
 */
public final class JdbcOfferStore implements OfferStore {
  private static final String ALLOCATION_COLUMNS = "seq, offer_id, person_id, variant_id, sampled, allocated_at";

  private final OfferSql sql;

  JdbcOfferStore(OfferSql sql) {
    this.sql = sql;
  }

  @Override
  public void saveOffer(Offer offer) {
    sql.tx(c -> {
      try (PreparedStatement off = c.prepareStatement("update offer_variants set active = false where offer_id = ?");
          PreparedStatement update = c.prepareStatement("update offer_variants set position = ?, pool_id = ?, "
              + "active = true where offer_id = ? and variant_id = ?");
          PreparedStatement insert = c.prepareStatement("insert into offer_variants (position, pool_id, offer_id, "
              + "variant_id, active) values (?, ?, ?, ?, true)")) {
        off.setString(1, offer.id());
        off.executeUpdate();
        int position = 0;
        for (Offer.Variant v : offer.variants()) {
          update.setInt(1, position);
          update.setString(2, v.poolId());
          update.setString(3, offer.id());
          update.setString(4, v.id());
          if (update.executeUpdate() == 0) {
            insert.setInt(1, position);
            insert.setString(2, v.poolId());
            insert.setString(3, offer.id());
            insert.setString(4, v.id());
            insert.executeUpdate();
          }
          position++;
        }
      }
      return null;
    });
  }

  @Override
  public Optional<Offer> offer(String offerId) {
    return sql.read(c -> {
      List<Offer.Variant> variants = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("select variant_id, pool_id from offer_variants "
          + "where offer_id = ? and active order by position")) {
        ps.setString(1, offerId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            variants.add(new Offer.Variant(rs.getString(1), rs.getString(2)));
          }
        }
      }
      return variants.isEmpty() ? Optional.empty() : Optional.of(new Offer(offerId, variants));
    });
  }

  @Override
  public Allocation allocate(Allocation a) {
    return sql.tx(c -> {
      Optional<Allocation> earlier = allocation(c, a.offerId(), a.person());
      if (earlier.isPresent()) {
        return earlier.get();
      }
      long seq;
      try (PreparedStatement insert = c.prepareStatement("insert into offer_allocations (offer_id, person_id, "
          + "variant_id, sampled, allocated_at) values (?, ?, ?, ?, ?)", new String[] {"seq"})) {
        insert.setString(1, a.offerId());
        insert.setString(2, a.person().value());
        insert.setString(3, a.variantId());
        insert.setString(4, encode(a.sampled()));
        OfferSql.setInstant(insert, 5, a.at());
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          seq = keys.getLong(1);
        }
      }
      try (PreparedStatement count = c.prepareStatement("update offer_variants set exposures = exposures + 1 "
          + "where offer_id = ? and variant_id = ?")) {
        count.setString(1, a.offerId());
        count.setString(2, a.variantId());
        if (count.executeUpdate() == 0) {
          throw new IllegalArgumentException("offer " + a.offerId() + " has no variant " + a.variantId());
        }
      }
      return new Allocation(seq, a.offerId(), a.person(), a.variantId(), a.sampled(), OfferSql.stored(a.at()));
    });
  }

  @Override
  public Optional<Allocation> allocation(String offerId, PersonId person) {
    return sql.read(c -> allocation(c, offerId, person));
  }

  private static Optional<Allocation> allocation(Connection c, String offerId, PersonId person) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select " + ALLOCATION_COLUMNS + " from offer_allocations "
        + "where offer_id = ? and person_id = ?")) {
      ps.setString(1, offerId);
      ps.setString(2, person.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public boolean convert(String offerId, PersonId person, Instant at) {
    return sql.tx(c -> {
      try (PreparedStatement mark = c.prepareStatement("update offer_allocations set converted_at = ? "
          + "where offer_id = ? and person_id = ? and converted_at is null")) {
        OfferSql.setInstant(mark, 1, at);
        mark.setString(2, offerId);
        mark.setString(3, person.value());
        if (mark.executeUpdate() == 0) {
          return false;
        }
      }
      String variant = allocation(c, offerId, person).orElseThrow().variantId();
      try (PreparedStatement count = c.prepareStatement("update offer_variants set conversions = conversions + 1 "
          + "where offer_id = ? and variant_id = ?")) {
        count.setString(1, offerId);
        count.setString(2, variant);
        count.executeUpdate();
      }
      return true;
    });
  }

  @Override
  public List<VariantStats> stats(String offerId) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select variant_id, exposures, conversions from offer_variants "
          + "where offer_id = ? and active order by position")) {
        ps.setString(1, offerId);
        List<VariantStats> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new VariantStats(rs.getString(1), rs.getLong(2), rs.getLong(3)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public List<Allocation> allocations(String offerId, long seq, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, not " + limit);
    }
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + ALLOCATION_COLUMNS + " from offer_allocations "
          + "where offer_id = ? and seq > ? order by seq limit ?")) {
        ps.setString(1, offerId);
        ps.setLong(2, seq);
        ps.setInt(3, limit);
        List<Allocation> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(row(rs));
          }
        }
        return out;
      }
    });
  }

  private static Allocation row(ResultSet rs) throws SQLException {
    return new Allocation(rs.getLong("seq"), rs.getString("offer_id"), PersonId.of(rs.getString("person_id")),
        rs.getString("variant_id"), decode(rs.getString("sampled")), OfferSql.instant(rs, "allocated_at"));
  }

  static String encode(Map<String, Double> sampled) {
    StringBuilder b = new StringBuilder();
    sampled.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      if (b.length() > 0) {
        b.append(';');
      }
      b.append(e.getKey()).append('=').append(Double.toString(e.getValue()));
    });
    return b.toString();
  }

  static Map<String, Double> decode(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String pair : text.split(";")) {
      int eq = pair.lastIndexOf('=');
      out.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
    }
    return out;
  }

  @Override
  public int erase(PersonId person) {
    // offer_variants' exposures and conversions are aggregates and stay as counted
    return sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("delete from offer_allocations where person_id = ?")) {
        ps.setString(1, person.value());
        return ps.executeUpdate();
      }
    });
  }
}
