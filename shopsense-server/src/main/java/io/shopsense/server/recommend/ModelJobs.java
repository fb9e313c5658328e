package io.shopsense.server.recommend;

import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.serve.ModelSet;
import io.shopsense.server.config.RecommendationProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every change of the served recommendation models goes through here, one at a time: retraining on demand, installing
 * a personal model, and the scheduler's ticks. A change asked for while another runs is refused
 * ({@link ModelChange.Busy}), never queued, so an HTTP caller learns at once that it must try later.
 *
 * <p>The scheduler ticks every {@code erasure-check-interval}, first {@link #FIRST_TICK_AFTER} after {@link #start()}.
 * A tick retrains when a retrain is due ({@code retrain-interval} after the later of the current set's training and
 * the last attempt, so a restart does not postpone it and a failing retrain is not retried at every tick), else runs
 * the erasure check. Due-ness is read from the injected clock. Failed ticks are logged (class name only) and the next
 * tick tries again. Logs carry versions and counts, never person ids.
 */
public final class ModelJobs implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ModelJobs.class.getName());
  static final Duration FIRST_TICK_AFTER = Duration.ofMinutes(1);

  /** What one tick did. */
  public enum Tick { RETRAINED, RETRAINED_AFTER_ERASURE, NOTHING, BUSY }

  private final RecommendationBackend models;
  private final RecommendationProperties properties;
  private final Clock clock;
  private final ReentrantLock changing = new ReentrantLock();
  private volatile Instant lastAttempt = Instant.EPOCH;
  private ScheduledExecutorService scheduler;

  public ModelJobs(RecommendationBackend models, RecommendationProperties properties, Clock clock) {
    this.models = Objects.requireNonNull(models, "models");
    this.properties = Objects.requireNonNull(properties, "properties");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts the scheduler thread; returns this. */
  public synchronized ModelJobs start() {
    if (scheduler == null) {
      scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shopsense-recommendation-models");
        t.setDaemon(true);
        return t;
      });
      scheduler.scheduleWithFixedDelay(this::tickQuietly, FIRST_TICK_AFTER.toMillis(),
          properties.erasureCheckInterval().toMillis(), TimeUnit.MILLISECONDS);
      if (!properties.scheduledRetraining()) {
        LOG.log(System.Logger.Level.INFO, "scheduled retraining of recommendation models is off "
            + "(shopsense.recommendations.retrain-interval = 0); the erasure check still runs");
      }
    }
    return this;
  }

  /** The set served now. */
  public ModelSet current() {
    return models.current();
  }

  /** True while a change runs. */
  public boolean changing() {
    return changing.isLocked();
  }

  /** Retrains now, unless another change is running. */
  public ModelChange retrain() {
    return exclusively(() -> {
      lastAttempt = clock.instant();
      models.retrain();
    });
  }

  /** Installs {@code model} as the personal model of a new version, unless another change is running. */
  public ModelChange installPersonal(RecommenderModel model) {
    Objects.requireNonNull(model, "model");
    return exclusively(() -> models.installPersonal(model));
  }

  /** When the scheduler retrains next; empty when scheduled retraining is off. */
  public Optional<Instant> nextRetrain() {
    if (!properties.scheduledRetraining()) {
      return Optional.empty();
    }
    Instant trained = models.current().trainedAt();
    Instant base = trained.isAfter(lastAttempt) ? trained : lastAttempt;
    return Optional.of(base.plus(properties.retrainInterval()));
  }

  /** One tick of the scheduler, now: a due retrain, else the erasure check. */
  public Tick tick() {
    if (!changing.tryLock()) {
      return Tick.BUSY;
    }
    try {
      Optional<Instant> next = nextRetrain();
      if (next.isPresent() && !clock.instant().isBefore(next.get())) {
        lastAttempt = clock.instant();
        models.retrain();
        LOG.log(System.Logger.Level.INFO, "retrained the recommendation models on schedule: version "
            + models.current().version());
        return Tick.RETRAINED;
      }
      if (models.retrainIfErased()) {
        LOG.log(System.Logger.Level.INFO, "retrained the recommendation models after an erasure: version "
            + models.current().version());
        return Tick.RETRAINED_AFTER_ERASURE;
      }
      return Tick.NOTHING;
    } finally {
      changing.unlock();
    }
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "a recommendation model job failed; tried again in "
          + properties.erasureCheckInterval() + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private ModelChange exclusively(Runnable change) {
    if (!changing.tryLock()) {
      return new ModelChange.Busy();
    }
    try {
      change.run();
      return new ModelChange.Done(models.current());
    } finally {
      changing.unlock();
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
