package io.shopsense.server.web.collect;

import io.shopsense.core.collect.QualityReport;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The data-quality report: accepted, duplicates, late, rejected by reason — in total, per source, per day. */
@RestController
public class QualityController {
  private final Platform platform;
  private final Clock clock;

  public QualityController(Platform platform, Clock clock) {
    this.platform = platform;
    this.clock = clock;
  }

  /** Days are UTC dates of arrival; by default the last 7 days up to today. */
  @GetMapping(path = "/v1/quality", produces = MediaType.APPLICATION_JSON_VALUE)
  public QualityReport report(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate end = date(to, today);
    LocalDate start = date(from, end.minusDays(6));
    if (end.isBefore(start) || start.plusDays(3660).isBefore(end)) {
      throw ApiProblem.badRequest("invalid_parameter", "from must be before to, at most ten years apart");
    }
    return platform.quality().report(start, end);
  }

  private static LocalDate date(String text, LocalDate fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("invalid_parameter", "dates are YYYY-MM-DD");
    }
  }
}
