package io.shopsense.server.web.recommend;

import io.shopsense.api.privacy.Purpose;
import io.shopsense.api.privacy.UsageKind;
import io.shopsense.core.recommend.serve.RecommendationRequest;
import io.shopsense.core.recommend.serve.Recommendations;
import io.shopsense.platform.Platform;
import io.shopsense.server.recommend.RecommendationBackend;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/recommendations?scene=&user=|userId=|anonymousId=&item=&n=&locale=}: a list of products for one scene
 * of the shop, from the models in memory, with the model version in the body and in the {@value #MODEL_VERSION}
 * header. Called by the shop's storefront server (a read key) and by staff who may read personal data. When the
 * person's own data shaped the list (basis {@code personalised} or {@code cold_start}), one use is counted in the
 * person's usage log ({@link UsageKind#RECOMMENDATIONS_SERVED}); the consent check itself is the service's. Serving is
 * not written to the audit log (it is a high-volume read; the usage log is its record).
 */
@RestController
public class RecommendationController {
  /** The response header with the version of the models that served the list. */
  public static final String MODEL_VERSION = "ShopSense-Model-Version";

  private final Platform platform;
  private final RecommendationBackend backend;
  private final ServeMetrics metrics;

  public RecommendationController(Platform platform, RecommendationBackend backend, ServeMetrics metrics) {
    this.platform = platform;
    this.backend = backend;
    this.metrics = metrics;
  }

  /**
   * One list. {@code scene}: home, product, cart, post_purchase, email, search; the person by at most one of
   * {@code user} (a person id), {@code userId}, {@code anonymousId}; {@code item}: the items shown with the list
   * (repeatable or a comma list; needed by product, cart, post_purchase and search); {@code n}: 1–100, default 10;
   * {@code locale}: the language of the explanations, default en.
   */
  @GetMapping(path = "/v1/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
  public RecommendationAnswer recommend(@RequestParam(required = false) String scene,
      @RequestParam(required = false) String user, @RequestParam(required = false) String userId,
      @RequestParam(required = false) String anonymousId, @RequestParam(required = false) String[] item,
      @RequestParam(required = false) String n, @RequestParam(required = false) String locale,
      HttpServletResponse response) {
    long start = System.nanoTime();
    RecommendationRequest request = RecommendationParameters.parse(new RecommendationParameters.Raw(scene, user,
        userId, anonymousId, item, n, locale), platform.servingPersons());
    Recommendations served = backend.recommend(request);
    if (served.basis() != Recommendations.Basis.NON_PERSONALISED && request.person().isPresent()) {
      platform.usageRecorder().record(request.person().get(), platform.clock().instant(), Purpose.PERSONALISATION,
          UsageKind.RECOMMENDATIONS_SERVED);
    }
    RecommendationAnswer answer = RecommendationAnswer.of(served, backend.catalog());
    metrics.record(served.scene(), served.basis(), System.nanoTime() - start);
    response.setHeader(MODEL_VERSION, served.modelVersion());
    return answer;
  }
}
