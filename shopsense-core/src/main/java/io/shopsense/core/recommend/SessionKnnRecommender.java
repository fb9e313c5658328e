package io.shopsense.core.recommend;

import io.shopsense.core.recommend.internal.SessionKnnModel;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Session-kNN for anonymous visitors (see {@link io.shopsense.core.recommend.internal.SessionKnnModel}): trained on
 * a matrix whose rows are past sessions (the caller puts the session id where the user id goes), it recommends for
 * the items of the current session through {@link SessionKnnModel#recommendForSession}. Training only indexes the
 * sessions, so it is cheap and deterministic; serving cost grows with the sessions that share an item with the
 * current one.
 */
public final class SessionKnnRecommender implements Recommender {
  private final Clock clock;
  private final Settings settings;

  /**
   * @param neighbours how many most similar past sessions vote, at least 1
   * @param recentItems how many of the current session's latest distinct items count, at least 1
   */
  public record Settings(int neighbours, int recentItems) {
    public static final Settings DEFAULT = new Settings(200, 10);

    public Settings {
      if (neighbours < 1) {
        throw new IllegalArgumentException("neighbours must be >= 1: " + neighbours);
      }
      if (recentItems < 1) {
        throw new IllegalArgumentException("recentItems must be >= 1: " + recentItems);
      }
    }
  }

  public SessionKnnRecommender(Clock clock, Settings settings) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return SessionKnnModel.NAME;
  }

  @Override
  public RecommenderSettings settings() {
    return RecommenderSettings.of(name(),
        Map.of("neighbours", settings.neighbours(), "recent-items", settings.recentItems()));
  }

  @Override
  public SessionKnnModel train(Interactions sessions) {
    return SessionKnnModel.train(settings().digest(sessions), clock.instant(), sessions, settings.neighbours(),
        settings.recentItems());
  }
}
