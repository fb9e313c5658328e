package io.shopsense.server.web.recommend;

import io.shopsense.platform.Platform;
import io.shopsense.server.config.RecommendationProperties;
import io.shopsense.server.web.ApiProblem;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/recommendations/performance?from=&to=}: impressions, clicks, click-through rate, conversions and
 * conversion rate per model version × scene, from the storefront's tracking events in the lake (see
 * {@link PerformanceReport}). {@code from} and {@code to} are ISO instants or dates (a date means its start, UTC);
 * {@code to} is exclusive and defaults to now, {@code from} to seven days before {@code to}; at most
 * {@value #MAX_DAYS} days. Counts only: no person ids.
 */
@RestController
public class PerformanceController {
  static final int MAX_DAYS = 366;

  private final Platform platform;
  private final RecommendationProperties properties;
  private PerformanceReport report;

  public PerformanceController(Platform platform, RecommendationProperties properties) {
    this.platform = platform;
    this.properties = properties;
  }

  /** One model version × scene; rates are fractions (0.25 = 25 %). */
  public record PerformanceRow(String modelVersion, String scene, long impressions, long clicks, double ctr,
      long conversions, double conversionRate) {}

  /** The period, the conversion window it was computed with, and the rows. */
  public record PerformanceAnswer(Instant from, Instant to, Duration conversionWindow, List<PerformanceRow> rows) {}

  @GetMapping(path = "/v1/recommendations/performance", produces = MediaType.APPLICATION_JSON_VALUE)
  public PerformanceAnswer performance(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Instant end = to == null ? platform.clock().instant() : instant("to", to);
    Instant start = from == null ? end.minus(Duration.ofDays(7)) : instant("from", from);
    if (!start.isBefore(end)) {
      throw RecommendationParameters.invalid("from", "must be before to");
    }
    if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
      throw RecommendationParameters.invalid("from", "at most " + MAX_DAYS + " days before to");
    }
    List<PerformanceReport.Row> rows = compute(start, end);
    return new PerformanceAnswer(start, end, properties.conversionWindow(), rows.stream().map(r ->
        new PerformanceRow(r.modelVersion(), r.scene(), r.impressions(), r.clicks(), r.ctr(), r.conversions(),
            r.conversionRate())).toList());
  }

  /** One report at a time: the DuckDB session is not thread-safe, and each run exports the identity snapshot. */
  private synchronized List<PerformanceReport.Row> compute(Instant start, Instant end) {
    if (platform.settings().lake() == null) {
      throw new ApiProblem(HttpStatus.CONFLICT, "lake_disabled", "the lake is switched off (shopsense.lake.enabled); "
          + "recommendation performance is computed over it");
    }
    if (report == null) {
      report = new PerformanceReport(platform.settings().lake(), platform.stores().identityGraph(),
          properties.conversionWindow());
    }
    return report.rows(start, end);
  }

  private static Instant instant(String parameter, String value) {
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw RecommendationParameters.invalid(parameter, "an ISO instant (2026-11-22T00:00:00Z) or date (2026-11-22)");
    }
  }

  @PreDestroy
  synchronized void close() {
    if (report != null) {
      report.close();
    }
  }
}
