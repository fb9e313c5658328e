package io.shopsense.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.Slice;
import io.shopsense.api.catalog.Catalog;
import io.shopsense.api.catalog.Product;
import io.shopsense.api.id.ProductId;
import io.shopsense.core.json.JsonCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The catalog in the {@code products} table. Thread-safe. An upsert is one transaction: it inserts the products that
 * are new, then replaces every field of each but {@code createdAt}, which only ever moves earlier: a product keeps its
 * first {@code createdAt}, unless a later write says it was listed before that (an import of history). Products are
 * ordered by id in binary (Java {@link String}) order on both backends.
 */
final class JdbcCatalog implements Catalog {
  private static final String COLUMNS = "product_id, name, category_path, brand, price, cost, currency, stock, "
      + "attributes, created_at, updated_at, active";

  private final Sql sql;

  JdbcCatalog(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void upsert(List<Product> products) {
    if (products.isEmpty()) {
      return;
    }
    // in id order, so that concurrent upserts lock rows in one order; the sort is stable, so of two copies of one
    // product in this call the later one is written last and wins
    List<Product> ordered = new ArrayList<>(products);
    ordered.sort(Comparator.comparing(p -> p.id().value()));
    sql.tx(c -> {
      try (PreparedStatement insert = c.prepareStatement("insert into products (" + COLUMNS
          + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing");
          PreparedStatement update = c.prepareStatement("update products set name = ?, category_path = ?, "
              + "brand = ?, price = ?, cost = ?, currency = ?, stock = ?, attributes = ?, "
              + "created_at = coalesce(least(created_at, ?), created_at), updated_at = ?, active = ? "
              + "where product_id = ?")) {
        for (Product p : ordered) {
          insert.setString(1, p.id().value());
          bindFields(insert, 2, p);
          Sql.setInstant(insert, 10, p.createdAt());
          Sql.setInstant(insert, 11, p.updatedAt());
          insert.setBoolean(12, p.active());
          insert.addBatch();
          bindFields(update, 1, p);
          Sql.setInstant(update, 9, p.createdAt());
          Sql.setInstant(update, 10, p.updatedAt());
          update.setBoolean(11, p.active());
          update.setString(12, p.id().value());
          update.addBatch();
        }
        insert.executeBatch();
        update.executeBatch();
      }
      return null;
    });
  }

  /** Binds name, category path, brand, price, cost, currency, stock and attributes from {@code at} on. */
  private static void bindFields(PreparedStatement ps, int at, Product p) throws SQLException {
    ps.setString(at, p.name());
    ps.setString(at + 1, JsonCodec.text(p.categoryPath()));
    ps.setString(at + 2, p.brand());
    ps.setBigDecimal(at + 3, p.price());
    ps.setBigDecimal(at + 4, p.cost());
    ps.setString(at + 5, p.currency());
    if (p.stock() == null) {
      ps.setNull(at + 6, Types.INTEGER);
    } else {
      ps.setInt(at + 6, p.stock());
    }
    ps.setString(at + 7, JsonCodec.text(p.attributes()));
  }

  @Override
  public Optional<Product> find(ProductId id) {
    return query("select " + COLUMNS + " from products where product_id = ?", ps -> ps.setString(1, id.value()))
        .stream().findFirst();
  }

  @Override
  public Map<ProductId, Product> findAll(Collection<ProductId> ids) {
    Set<String> wanted = new LinkedHashSet<>();
    ids.forEach(id -> wanted.add(id.value()));
    if (wanted.isEmpty()) {
      return Map.of();
    }
    Map<ProductId, Product> found = new TreeMap<>();
    List<String> all = new ArrayList<>(wanted);
    for (int from = 0; from < all.size(); from += Sql.IN_LIST) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + Sql.IN_LIST));
      query("select " + COLUMNS + " from products where product_id in (" + Sql.placeholders(chunk.size()) + ")",
          ps -> {
            for (int i = 0; i < chunk.size(); i++) {
              ps.setString(i + 1, chunk.get(i));
            }
          }).forEach(p -> found.put(p.id(), p));
    }
    return new LinkedHashMap<>(found);
  }

  @Override
  public Slice<Product> list(String after, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive");
    }
    // one more than asked tells whether there is a next page
    List<Product> rows = after == null
        ? query("select " + COLUMNS + " from products order by product_id limit ?", ps -> ps.setInt(1, limit + 1))
        : query("select " + COLUMNS + " from products where product_id > ? order by product_id limit ?", ps -> {
          ps.setString(1, after);
          ps.setInt(2, limit + 1);
        });
    if (rows.size() <= limit) {
      return new Slice<>(rows, null);
    }
    List<Product> page = rows.subList(0, limit);
    return new Slice<>(page, page.get(limit - 1).id().value());
  }

  @Override
  public long count() {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select count(*) from products");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<Product> query(String statement, Binder binder) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        binder.bind(ps);
        List<Product> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(product(rs));
          }
        }
        return out;
      }
    });
  }

  private static Product product(ResultSet rs) throws SQLException {
    List<String> path = new ArrayList<>();
    for (JsonNode part : JsonCodec.parse(rs.getString("category_path"))) {
      path.add(part.asText());
    }
    int stock = rs.getInt("stock");
    Integer stockOrNull = rs.wasNull() ? null : stock;
    return new Product(ProductId.of(rs.getString("product_id")), rs.getString("name"), path, rs.getString("brand"),
        rs.getBigDecimal("price"), rs.getBigDecimal("cost"), rs.getString("currency"), stockOrNull,
        JsonCodec.properties(rs.getString("attributes")), Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"), rs.getBoolean("active"));
  }
}
