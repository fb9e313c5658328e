package io.shopsense.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.identity.IdentityConflictException;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.identity.IdentityLink;
import io.shopsense.api.identity.MergeRecord;
import io.shopsense.api.identity.RefusedMerge;
import io.shopsense.core.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity graph in the {@code persons}, {@code identifiers}, {@code merges} and {@code merge_refusals} tables.
 * Thread-safe; each method is one transaction. {@code persons.resolves_to} names the live survivor of a merged-away
 * person (rewritten when that survivor is merged in turn), so {@link #resolve} is one lookup.
 *
 * <p>Decisions the port leaves open: a merge keeps each moved identifier's {@code linkedAt}; linking to, or merging
 * into, a merged-away person is refused ({@link IllegalStateException}), as is merging a person into itself or an
 * unknown person ({@link IllegalArgumentException}); merges and refusals are listed in the order they were recorded;
 * a refusal recorded again with the same fields is stored once.
 */
final class JdbcIdentityGraph implements IdentityGraph {
  private static final String MERGE_COLUMNS = "m.survivor_id, m.merged_id, m.reason, m.cause, m.merged_at, m.moved";
  private static final String REFUSAL_COLUMNS = "person_id, other_id, id_kind, id_value, reason, cause, refused_at";

  private final Sql sql;

  JdbcIdentityGraph(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Optional<PersonId> personOf(Identifier identifier) {
    return Optional.ofNullable(sql.read(c -> owner(c, identifier)));
  }

  @Override
  public Map<Identifier, PersonId> personsOf(Collection<Identifier> identifiers) {
    List<Identifier> all = new ArrayList<>(new java.util.LinkedHashSet<>(identifiers));
    if (all.isEmpty()) {
      return Map.of();
    }
    // a row-value IN list: H2 looks each pair up in the primary key, where `kind = ? and id_value in (…)` made it
    // scan every identifier of the kind (a query per batch that grew with the shop)
    return sql.read(c -> {
      Map<Identifier, PersonId> owners = new HashMap<>();
      for (int from = 0; from < all.size(); from += Sql.IN_LIST) {
        List<Identifier> chunk = all.subList(from, Math.min(all.size(), from + Sql.IN_LIST));
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < chunk.size(); i++) {
          rows.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        }
        try (PreparedStatement ps = c.prepareStatement("select kind, id_value, person_id from identifiers "
            + "where (kind, id_value) in (" + rows + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(2 * i + 1, chunk.get(i).kind().key());
            ps.setString(2 * i + 2, chunk.get(i).value());
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              owners.put(new Identifier(IdentifierKind.fromKey(rs.getString(1)).orElseThrow(), rs.getString(2)),
                  PersonId.of(rs.getString(3)));
            }
          }
        }
      }
      return owners;
    });
  }

  @Override
  public List<IdentityLink> links(PersonId person) {
    return sql.read(c -> links(c, person));
  }

  @Override
  public void link(PersonId person, Identifier identifier, Instant at) {
    sql.tx(c -> {
      Optional<Optional<PersonId>> state = state(c, person, false);
      if (state.isPresent() && state.get().isPresent()) {
        throw new IllegalStateException("person " + person + " was merged into " + state.get().get()
            + "; link to that person");
      }
      if (state.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement("insert into persons (person_id, created_at, resolves_to) "
            + "values (?, ?, null) on conflict do nothing")) {
          ps.setString(1, person.value());
          Sql.setInstant(ps, 2, at);
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = c.prepareStatement("insert into identifiers (kind, id_value, person_id, linked_at) "
          + "values (?, ?, ?, ?) on conflict do nothing")) {
        ps.setString(1, identifier.kind().key());
        ps.setString(2, identifier.value());
        ps.setString(3, person.value());
        Sql.setInstant(ps, 4, at);
        if (ps.executeUpdate() == 1) {
          return null;
        }
      }
      PersonId owner = owner(c, identifier);
      if (owner != null && !owner.equals(person)) {
        throw new IdentityConflictException(identifier, owner); // rolls back a person created above
      }
      return null;
    });
  }

  @Override
  public MergeRecord merge(PersonId survivor, PersonId merged, String reason, MessageId cause, Instant at) {
    if (survivor.equals(merged)) {
      throw new IllegalArgumentException("cannot merge person " + survivor + " into itself");
    }
    return sql.tx(c -> {
      Optional<PersonId> mergedInto = state(c, merged, true)
          .orElseThrow(() -> new IllegalArgumentException("unknown person " + merged));
      Optional<PersonId> survivorInto = state(c, survivor, true)
          .orElseThrow(() -> new IllegalArgumentException("unknown person " + survivor));
      if (mergedInto.isPresent()) {
        if (mergedInto.get().equals(survivorInto.orElse(survivor))) {
          return recordedMerge(c, merged); // done before: a replay
        }
        throw new IllegalStateException("person " + merged + " was merged into " + mergedInto.get() + " already");
      }
      if (survivorInto.isPresent()) {
        throw new IllegalStateException("person " + survivor + " was merged into " + survivorInto.get()
            + "; merge into that person");
      }
      List<Identifier> moved = links(c, merged).stream().map(IdentityLink::identifier).toList();
      try (PreparedStatement ps = c.prepareStatement("update identifiers set person_id = ? where person_id = ?")) {
        ps.setString(1, survivor.value());
        ps.setString(2, merged.value());
        ps.executeUpdate();
      }
      // two statements, each on an index: an "or" of the two conditions makes H2 scan every person
      try (PreparedStatement ps = c.prepareStatement("update persons set resolves_to = ? where resolves_to = ?")) {
        ps.setString(1, survivor.value());
        ps.setString(2, merged.value());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("update persons set resolves_to = ? where person_id = ?")) {
        ps.setString(1, survivor.value());
        ps.setString(2, merged.value());
        ps.executeUpdate();
      }
      MergeRecord record = new MergeRecord(survivor, merged, reason, cause, Sql.stored(at), moved);
      try (PreparedStatement ps = c.prepareStatement("insert into merges (survivor_id, merged_id, reason, cause, "
          + "merged_at, moved) values (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, survivor.value());
        ps.setString(2, merged.value());
        ps.setString(3, reason);
        ps.setString(4, cause == null ? null : cause.value());
        Sql.setInstant(ps, 5, at);
        ps.setString(6, JsonCodec.text(moved.stream().map(i -> List.of(i.kind().key(), i.value())).toList()));
        ps.executeUpdate();
      } catch (SQLException e) {
        if (Sql.isUniqueViolation(e)) {
          throw new IllegalStateException("person " + merged + " was merged concurrently", e);
        }
        throw e;
      }
      return record;
    });
  }

  @Override
  public PersonId resolve(PersonId person) {
    return sql.read(c -> state(c, person, false)).flatMap(into -> into).orElse(person);
  }

  @Override
  public List<MergeRecord> merges(PersonId survivor) {
    // the tree of persons merged into the survivor, level by level
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("with recursive tree(person_id) as ("
          + " select cast(? as varchar(200))"
          + " union all select m.merged_id from merges m join tree t on m.survivor_id = t.person_id)"
          + " select " + MERGE_COLUMNS + " from merges m join tree t on m.survivor_id = t.person_id"
          + " order by m.merge_seq")) {
        ps.setString(1, survivor.value());
        return merges(ps);
      }
    });
  }

  @Override
  public Map<PersonId, PersonId> resolveAll(Collection<PersonId> persons) {
    List<PersonId> all = new ArrayList<>(new java.util.LinkedHashSet<>(persons));
    Map<PersonId, PersonId> out = new HashMap<>(all.size() * 2);
    all.forEach(p -> out.put(p, p));
    if (all.isEmpty()) {
      return out;
    }
    return sql.read(c -> {
      Sql.inLists(c, ids(all), n -> "select person_id, resolves_to from persons where resolves_to is not null "
          + "and person_id in (" + Sql.placeholders(n) + ")",
          rs -> out.put(PersonId.of(rs.getString(1)), PersonId.of(rs.getString(2))));
      return out;
    });
  }

  /**
   * The trees of persons merged into the survivors, read level by level for all of them together (an audience's
   * persons mostly have no merges: one statement per {@link Sql#IN_LIST} persons finds that).
   */
  @Override
  public Map<PersonId, List<MergeRecord>> mergesInto(Collection<PersonId> survivors) {
    List<PersonId> all = new ArrayList<>(new java.util.LinkedHashSet<>(survivors));
    Map<PersonId, List<SequencedMerge>> found = new HashMap<>();
    if (!all.isEmpty()) {
      sql.read(c -> {
        // each person of the current level, to the survivors asked whose trees it is in (a survivor asked may be in
        // the tree of another one asked); merges form trees, so the levels end
        Map<PersonId, List<PersonId>> level = new HashMap<>();
        all.forEach(p -> level.put(p, List.of(p)));
        for (int depth = 0; !level.isEmpty(); depth++) {
          if (depth > MAX_MERGE_DEPTH) {
            throw new IllegalStateException("the merges form a cycle or a chain deeper than " + MAX_MERGE_DEPTH);
          }
          Map<PersonId, List<PersonId>> next = new HashMap<>();
          Sql.inLists(c, ids(level.keySet()), n -> "select m.merge_seq, " + MERGE_COLUMNS + " from merges m "
              + "where m.survivor_id in (" + Sql.placeholders(n) + ")", rs -> {
                SequencedMerge m = new SequencedMerge(rs.getLong("merge_seq"), mergeRecord(rs));
                List<PersonId> roots = level.get(m.merge().survivor());
                roots.forEach(root -> found.computeIfAbsent(root, r -> new ArrayList<>()).add(m));
                next.computeIfAbsent(m.merge().merged(), x -> new ArrayList<>()).addAll(roots);
              });
          level.clear();
          level.putAll(next);
        }
        return null;
      });
    }
    Map<PersonId, List<MergeRecord>> out = new HashMap<>(all.size() * 2);
    for (PersonId p : all) {
      List<SequencedMerge> merges = found.getOrDefault(p, List.of());
      out.put(p, merges.stream().sorted(java.util.Comparator.comparingLong(SequencedMerge::seq))
          .map(SequencedMerge::merge).toList());
    }
    return out;
  }

  private static final int MAX_MERGE_DEPTH = 10_000;

  @Override
  public Map<PersonId, List<IdentityLink>> linksOf(Collection<PersonId> persons) {
    List<PersonId> all = new ArrayList<>(new java.util.LinkedHashSet<>(persons));
    Map<PersonId, List<IdentityLink>> out = new HashMap<>(all.size() * 2);
    all.forEach(p -> out.put(p, new ArrayList<>(1)));
    if (all.isEmpty()) {
      return out;
    }
    return sql.read(c -> {
      Sql.inLists(c, ids(all), n -> "select person_id, kind, id_value, linked_at from identifiers where person_id in ("
          + Sql.placeholders(n) + ") order by person_id, linked_at, link_seq", rs -> {
            PersonId person = PersonId.of(rs.getString(1));
            out.get(person).add(new IdentityLink(new Identifier(kind(rs.getString(2)), rs.getString(3)), person,
                Sql.instant(rs, "linked_at")));
          });
      return out;
    });
  }

  private static List<String> ids(Collection<PersonId> persons) {
    return persons.stream().map(PersonId::value).toList();
  }


  /**
   * In {@code merge_seq} order. With one resolver writing at a time (as the port has it) the numbers increase in
   * commit order, so a follower after a number misses no merge; numbers may have gaps.
   */
  @Override
  public List<SequencedMerge> mergesAfter(long seq, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, not " + limit);
    }
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select m.merge_seq, " + MERGE_COLUMNS + " from merges m "
          + "where m.merge_seq > ? order by m.merge_seq limit ?")) {
        ps.setLong(1, seq);
        ps.setInt(2, limit);
        List<SequencedMerge> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new SequencedMerge(rs.getLong("merge_seq"), mergeRecord(rs)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public void refuse(RefusedMerge refusal) {
    sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("insert into merge_refusals (refusal_key, " + REFUSAL_COLUMNS
          + ") values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
        ps.setString(1, key(refusal));
        ps.setString(2, refusal.person().value());
        ps.setString(3, refusal.other() == null ? null : refusal.other().value());
        ps.setString(4, refusal.identifier() == null ? null : refusal.identifier().kind().key());
        ps.setString(5, refusal.identifier() == null ? null : refusal.identifier().value());
        ps.setString(6, refusal.reason());
        ps.setString(7, refusal.cause() == null ? null : refusal.cause().value());
        Sql.setInstant(ps, 8, refusal.at());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<RefusedMerge> refusals(PersonId person) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + REFUSAL_COLUMNS + " from merge_refusals "
          + "where person_id = ? or other_id = ? order by refusal_seq")) {
        ps.setString(1, person.value());
        ps.setString(2, person.value());
        List<RefusedMerge> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String other = rs.getString("other_id");
            String kind = rs.getString("id_kind");
            String cause = rs.getString("cause");
            out.add(new RefusedMerge(PersonId.of(rs.getString("person_id")), other == null ? null : PersonId.of(other),
                kind == null ? null : new Identifier(kind(kind), rs.getString("id_value")), rs.getString("reason"),
                cause == null ? null : MessageId.of(cause), Sql.instant(rs, "refused_at")));
          }
        }
        return out;
      }
    });
  }

  @Override
  public void scanLinks(java.util.function.BiConsumer<Identifier, PersonId> sink) {
    String[] after = {"", ""};
    int[] got = {0};
    do {
      got[0] = 0;
      sql.read(c -> {
        try (PreparedStatement ps = c.prepareStatement("select kind, id_value, person_id from identifiers"
            + " where (kind, id_value) > (?, ?) order by kind, id_value limit " + SCAN_PAGE)) {
          ps.setString(1, after[0]);
          ps.setString(2, after[1]);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              after[0] = rs.getString(1);
              after[1] = rs.getString(2);
              sink.accept(new Identifier(IdentifierKind.fromKey(after[0]).orElseThrow(), after[1]),
                  PersonId.of(rs.getString(3)));
              got[0]++;
            }
          }
        }
        return null;
      });
    } while (got[0] == SCAN_PAGE);
  }

  private static final int SCAN_PAGE = 10_000;

  @Override
  public long persons() {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select count(*) from persons where resolves_to is null");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /**
   * Empty for an unknown person; else the person it was merged into, empty while it is live. With {@code lock},
   * the person's row stays locked until the transaction ends.
   */
  private static Optional<Optional<PersonId>> state(Connection c, PersonId person, boolean lock) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select resolves_to from persons where person_id = ?"
        + (lock ? " for update" : ""))) {
      ps.setString(1, person.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String into = rs.getString(1);
        return Optional.of(into == null ? Optional.empty() : Optional.of(PersonId.of(into)));
      }
    }
  }

  private static PersonId owner(Connection c, Identifier identifier) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select person_id from identifiers where kind = ? and id_value = ?")) {
      ps.setString(1, identifier.kind().key());
      ps.setString(2, identifier.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? PersonId.of(rs.getString(1)) : null;
      }
    }
  }

  private static List<IdentityLink> links(Connection c, PersonId person) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select kind, id_value, linked_at from identifiers "
        + "where person_id = ? order by linked_at, link_seq")) {
      ps.setString(1, person.value());
      List<IdentityLink> links = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          links.add(new IdentityLink(new Identifier(kind(rs.getString(1)), rs.getString(2)), person,
              Sql.instant(rs, "linked_at")));
        }
      }
      return links;
    }
  }

  private static MergeRecord recordedMerge(Connection c, PersonId merged) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select " + MERGE_COLUMNS + " from merges m where merged_id = ?")) {
      ps.setString(1, merged.value());
      return merges(ps).stream().findFirst()
          .orElseThrow(() -> new IllegalStateException("person " + merged + " is merged but has no merge record"));
    }
  }

  private static List<MergeRecord> merges(PreparedStatement ps) throws SQLException {
    List<MergeRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(mergeRecord(rs));
      }
    }
    return out;
  }

  /** The merge of the current row (its {@link #MERGE_COLUMNS}). */
  private static MergeRecord mergeRecord(ResultSet rs) throws SQLException {
    List<Identifier> moved = new ArrayList<>();
    for (JsonNode pair : JsonCodec.parse(rs.getString("moved"))) {
      moved.add(new Identifier(kind(pair.get(0).asText()), pair.get(1).asText()));
    }
    String cause = rs.getString("cause");
    return new MergeRecord(PersonId.of(rs.getString("survivor_id")), PersonId.of(rs.getString("merged_id")),
        rs.getString("reason"), cause == null ? null : MessageId.of(cause), Sql.instant(rs, "merged_at"), moved);
  }

  private static IdentifierKind kind(String key) {
    return IdentifierKind.fromKey(key)
        .orElseThrow(() -> new IllegalStateException("unknown identifier kind in the graph: " + key));
  }

  /** A digest of every field of the refusal: the same refusal recorded again has the same key. */
  private static String key(RefusedMerge r) {
    StringBuilder s = new StringBuilder();
    for (Object part : new Object[] {r.person(), r.other(), r.identifier() == null ? null : r.identifier().kind(),
        r.identifier() == null ? null : r.identifier().value(), r.reason(), r.cause(), Sql.stored(r.at())}) {
      // tagged and escaped, so that no two different refusals spell the same text
      s.append(part == null ? "n" : "v" + part.toString().replace("\u0001", "\u0001\u0001")).append('\u0001');
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public io.shopsense.api.identity.ErasedIdentity erase(PersonId person) {
    return PersonErasure.identity(sql, person);
  }
}
