package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.rules.RerankSettings;
import java.util.Objects;

/**
 * The knobs of one scene: its re-ranking (boosts, diversity, exploration). Candidate sources are fixed per
 * {@link Scene}.
 */
public record SceneSettings(RerankSettings rerank) {
  public SceneSettings {
    Objects.requireNonNull(rerank, "rerank");
  }

  /** The shipped defaults of a scene. */
  public static SceneSettings defaults(Scene scene) {
    return new SceneSettings(RerankSettings.OFF);
  }
}
