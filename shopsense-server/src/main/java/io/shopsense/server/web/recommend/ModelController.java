package io.shopsense.server.web.recommend;

import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.serve.ModelSet;
import io.shopsense.core.recommend.serve.TrainingSummary;
import io.shopsense.server.config.RecommendationProperties;
import io.shopsense.server.recommend.ModelChange;
import io.shopsense.server.recommend.ModelJobs;
import io.shopsense.server.web.ApiProblem;
import io.shopsense.server.web.BodyReader;
import io.shopsense.server.web.audit.AuditInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recommendation models: what is served ({@code GET}), a retrain now ({@code POST .../retrain}, answered when the
 * new version serves), and a personal model trained elsewhere, e.g. by the Spark job ({@code PUT .../personal}, the
 * bytes of {@code RecommenderModel.toBytes()}), served as a new version with the rest of the current set. A change
 * while another runs is refused with 409 {@code models_busy}. Changes are recorded in the audit log by the audit
 * interceptor, with the new version as the target.
 */
@RestController
@RequestMapping(path = "/v1/recommendations/models", produces = MediaType.APPLICATION_JSON_VALUE)
public class ModelController {
  private final ModelJobs jobs;
  private final RecommendationProperties properties;

  public ModelController(ModelJobs jobs, RecommendationProperties properties) {
    this.jobs = jobs;
    this.properties = properties;
  }

  /** The set served now. */
  public record ModelsAnswer(String version, Instant trainedAt, Map<String, Object> models, TrainingSummary summary,
      boolean changing, Instant nextRetrain) {}

  @GetMapping
  public ModelsAnswer get() {
    return answer(jobs.current());
  }

  @PostMapping("/retrain")
  public ModelsAnswer retrain(HttpServletRequest http) {
    return done(jobs.retrain(), http);
  }

  @PutMapping(path = "/personal", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
  public ModelsAnswer installPersonal(HttpServletRequest http) throws IOException {
    byte[] bytes = BodyReader.read(http, properties.maxModelSize().toBytes());
    if (bytes.length == 0) {
      throw ApiProblem.badRequest("invalid_model", "send the model's bytes (RecommenderModel.toBytes()) as the body");
    }
    RecommenderModel model;
    try {
      model = RecommenderModel.fromBytes(bytes);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid_model", "not a ShopSense recommender model: " + e.getMessage());
    }
    return done(jobs.installPersonal(model), http);
  }

  private ModelsAnswer done(ModelChange change, HttpServletRequest http) {
    if (change instanceof ModelChange.Done d) {
      http.setAttribute(AuditInterceptor.TARGET, d.served().version());
      return answer(d.served());
    }
    throw new ApiProblem(HttpStatus.CONFLICT, "models_busy",
        "a retrain or model install is running; try again when it is done (GET /v1/recommendations/models)");
  }

  private ModelsAnswer answer(ModelSet set) {
    Map<String, Object> models = new LinkedHashMap<>();
    models.put("personal", set.personal().map(m -> Map.of("recommender", m.recommender(), "settingsDigest",
        m.settingsDigest(), "trainedAt", m.trainedAt().toString())).orElse(null));
    models.put("similar", set.similar().isPresent());
    models.put("bundles", set.bundles().isPresent());
    models.put("repeat", set.repeat().isPresent());
    models.put("sessions", set.sessions().isPresent());
    return new ModelsAnswer(set.version(), set.trainedAt(), models, set.summary(), jobs.changing(),
        jobs.nextRetrain().orElse(null));
  }
}
