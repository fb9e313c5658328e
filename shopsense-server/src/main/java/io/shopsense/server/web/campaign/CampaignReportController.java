package io.shopsense.server.web.campaign;

import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How a campaign's or journey's messages did, step by step (sent, delivered, opened, clicked, converted, revenue). */
@RestController
public class CampaignReportController {
  private final Platform platform;

  public CampaignReportController(Platform platform) {
    this.platform = platform;
  }

  /** The report of {@code source}: {@code journey:<journeyId>} or {@code campaign:<broadcastId>}. */
  @GetMapping(path = "/v1/campaign-reports", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> report(@RequestParam String source) {
    int colon = source.indexOf(':');
    String kind = colon < 0 ? "" : source.substring(0, colon);
    if (!("journey".equals(kind) || "campaign".equals(kind)) || colon == source.length() - 1) {
      throw ApiProblem.badRequest("invalid_parameter", "source must be journey:<journey id> or "
          + "campaign:<broadcast id>");
    }
    return Map.of("source", source,
        "steps", Reports.steps(platform.campaigns().stores().outbox().report(source)));
  }
}
