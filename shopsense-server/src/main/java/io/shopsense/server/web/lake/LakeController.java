package io.shopsense.server.web.lake;

import io.shopsense.lake.LakeQuery;
import io.shopsense.lake.LakeQueryException;
import io.shopsense.lake.QueryResult;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import io.shopsense.server.web.crypto.AnalystView;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ad-hoc SQL over the event lake ({@code events} and {@code lines} views), one {@code SELECT} at a time, in a DuckDB
 * session that can read nothing but the lake. An admin key only: the lake holds raw events. Analysts
 * ({@code ROLE_ANALYST}), and whoever asks with {@code "pseudonymous": true}, query views with pseudonyms in place of
 * person ids and without the traits and context JSON, in a session of their own.
 */
@RestController
public class LakeController {
  static final int MAX_ROWS = 10_000;

  private final Platform platform;
  private final AnalystView analysts;
  private LakeQuery query;
  private LakeQuery pseudonymousQuery;

  public LakeController(Platform platform, AnalystView analysts) {
    this.platform = platform;
    this.analysts = analysts;
  }

  /**
   * The SQL, how many rows to return at most (default 1,000, at most 10,000), and whether to query the pseudonymous
   * views (always for analysts).
   */
  public record SqlRequest(String sql, Integer maxRows, Boolean pseudonymous) {
    public SqlRequest(String sql, Integer maxRows) {
      this(sql, maxRows, null);
    }
  }

  @PostMapping(path = "/v1/sql", produces = MediaType.APPLICATION_JSON_VALUE)
  public QueryResult sql(@RequestBody SqlRequest request, Authentication caller) {
    if (request == null || request.sql() == null || request.sql().isBlank()) {
      throw ApiProblem.badRequest("invalid_request", "give the SQL as {\"sql\": \"select ...\"}");
    }
    int max = request.maxRows() == null ? 1_000 : request.maxRows();
    if (max < 0 || max > MAX_ROWS) {
      throw ApiProblem.badRequest("invalid_parameter", "maxRows must be between 0 and " + MAX_ROWS);
    }
    try {
      return (analysts.pseudonymous(caller, request.pseudonymous()) ? pseudonymousSession() : session())
          .query(request.sql(), max);
    } catch (LakeQueryException e) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_query", e.getMessage(), Map.of());
    }
  }

  private synchronized LakeQuery session() {
    if (platform.settings().lake() == null) {
      throw new ApiProblem(HttpStatus.CONFLICT, "lake_disabled", "the lake is switched off (shopsense.lake.enabled)");
    }
    if (query == null) {
      query = new LakeQuery(platform.settings().lake());
    }
    return query;
  }

  private synchronized LakeQuery pseudonymousSession() {
    var pseudonymizer = analysts.pseudonymizer();
    if (platform.settings().lake() == null) {
      throw new ApiProblem(HttpStatus.CONFLICT, "lake_disabled", "the lake is switched off (shopsense.lake.enabled)");
    }
    if (pseudonymousQuery == null) {
      pseudonymousQuery = new LakeQuery(platform.settings().lake(), pseudonymizer::pseudonym);
    }
    return pseudonymousQuery;
  }

  @PreDestroy
  synchronized void close() {
    if (query != null) {
      query.close();
    }
    if (pseudonymousQuery != null) {
      pseudonymousQuery.close();
    }
  }
}
