package io.shopsense.core.recommend.serve;

import java.util.List;
import java.util.Objects;

/**
 * The answer to one {@link RecommendationRequest}.
 *
 * @param id           a fresh id for this list; impression and click events carry it so that click-through and
 *                     conversion are measured per model version and scene
 * @param scene        the scene asked for
 * @param modelVersion the version of the {@link ModelSet} that served it
 * @param basis        why the list is (not) personal: {@link Basis}
 * @param items        best first, at most n
 */
public record Recommendations(String id, Scene scene, String modelVersion, Basis basis, List<RecommendedItem> items) {

  /** What the list is based on. */
  public enum Basis {
    /** The person's own behaviour (they consented to personalisation and the model knows them). */
    PERSONALISED,
    /** Cold start: the person consented but the model does not know them yet (region, segment, interests, popular). */
    COLD_START,
    /** The person has not consented to personalisation (or nobody is known): nothing personal was used. */
    NON_PERSONALISED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Recommendations {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scene, "scene");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(basis, "basis");
    items = List.copyOf(items);
  }
}
