package io.shopsense.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads back what Flyway did to a database: the applied versions and the tables of a schema. */
final class Migrations {
  static final List<String> COMMON_TABLES = List.of("api_keys", "audit_head", "audit_log", "broadcasts",
      "consent_records", "console_sessions", "console_users", "consumer_offsets", "contact_blocks", "contact_log",
      "contact_muted_topics", "contact_preferences", "contact_streaks", "coupon_grants", "coupon_person_grants",
      "coupon_pools", "coupon_retired_codes", "delivery_inbox", "delivery_leases", "delivery_outbox",
      "erased_persons", "identifiers", "journey_definitions", "journey_enrolments", "merge_refusals", "merges",
      "message_suppressions", "message_templates", "offer_allocations", "offer_variants", "persons",
      "privacy_requests", "products", "profile_changes", "profile_settings", "profiles", "quality_counts",
      "quarantine", "segment_members", "segment_sizes", "segments", "traits", "usage_log");

  private Migrations() {}

  static List<String> appliedVersions(DataSource ds) throws SQLException {
    return strings(ds, "select version from flyway_schema_history where success and version is not null order by installed_rank");
  }

  static List<String> tables(DataSource ds, String schema) throws SQLException {
    return strings(ds, "select table_name from information_schema.tables where table_schema = '" + schema
        + "' and table_name <> 'flyway_schema_history' order by table_name");
  }

  private static List<String> strings(DataSource ds, String query) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(query);
        ResultSet rs = ps.executeQuery()) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
      }
      return out;
    }
  }
}
