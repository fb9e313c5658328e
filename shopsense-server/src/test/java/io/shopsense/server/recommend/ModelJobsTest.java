package io.shopsense.server.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.core.access.AdvancingClock;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.serve.CatalogView;
import io.shopsense.core.recommend.serve.ModelSet;
import io.shopsense.core.recommend.serve.RecommendationRequest;
import io.shopsense.core.recommend.serve.Recommendations;
import io.shopsense.core.recommend.serve.ScopedPopularity;
import io.shopsense.core.recommend.serve.TrainingSummary;
import io.shopsense.server.config.RecommendationProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Model changes run one at a time; the scheduler's tick retrains when due by the clock, else checks erasures. */
class ModelJobsTest {
  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

  private final AdvancingClock clock = new AdvancingClock(T0);
  private final FakeBackend backend = new FakeBackend();

  private ModelJobs jobs(Duration retrainInterval) {
    return new ModelJobs(backend, new RecommendationProperties(retrainInterval, Duration.ofMinutes(1),
        Duration.ofDays(7), DataSize.ofMegabytes(1), 1_000, Duration.ofMinutes(5)), clock);
  }

  @Test
  void refusesASecondChangeWhileOneRunsAndTheTickWaitsItsTurn() throws Exception {
    ModelJobs jobs = jobs(Duration.ofHours(24));
    backend.block = new CountDownLatch(1);
    CompletableFuture<ModelChange> first = CompletableFuture.supplyAsync(jobs::retrain);
    assertThat(backend.entered.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(jobs.changing()).isTrue();
    assertThat(jobs.retrain()).isInstanceOf(ModelChange.Busy.class);
    assertThat(jobs.installPersonal(backend.someModel())).isInstanceOf(ModelChange.Busy.class);
    assertThat(jobs.tick()).isEqualTo(ModelJobs.Tick.BUSY);

    backend.block.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new ModelChange.Done(backend.current()));
    assertThat(backend.retrains.get()).isEqualTo(1);
    assertThat(backend.maxConcurrent.get()).isEqualTo(1);
    assertThat(jobs.changing()).isFalse();
  }

  @Test
  void retrainsWhenTheIntervalSinceTheCurrentSetHasPassedAndChecksErasuresMeanwhile() {
    backend.set.set(set("v0", T0));
    ModelJobs jobs = jobs(Duration.ofHours(24));
    clock.advance(Duration.ofHours(23));

    assertThat(jobs.tick()).isEqualTo(ModelJobs.Tick.NOTHING);
    assertThat(backend.erasureChecks.get()).isEqualTo(1);
    assertThat(jobs.nextRetrain()).contains(T0.plus(Duration.ofHours(24)));

    clock.advance(Duration.ofHours(1));
    assertThat(jobs.tick()).isEqualTo(ModelJobs.Tick.RETRAINED);
    assertThat(backend.current().version()).isEqualTo("v1");
    assertThat(jobs.nextRetrain()).contains(T0.plus(Duration.ofHours(48)));
  }

  @Test
  void trainsAtTheFirstTickWhenNothingWasEverTrained() {
    assertThat(jobs(Duration.ofHours(24)).tick()).isEqualTo(ModelJobs.Tick.RETRAINED);
  }

  @Test
  void aFailedRetrainIsTriedAgainAfterTheIntervalNotAtEveryTick() {
    backend.set.set(set("v0", T0));
    backend.failing = true;
    ModelJobs jobs = jobs(Duration.ofHours(6));
    clock.advance(Duration.ofHours(6));

    assertThatThrownBy(jobs::tick).isInstanceOf(IllegalStateException.class);
    clock.advance(Duration.ofMinutes(1));
    assertThat(jobs.tick()).isEqualTo(ModelJobs.Tick.NOTHING);
    clock.advance(Duration.ofHours(6));
    backend.failing = false;
    assertThat(jobs.tick()).isEqualTo(ModelJobs.Tick.RETRAINED);
    assertThat(backend.retrains.get()).isEqualTo(2);
  }

  @Test
  void withScheduledRetrainingOffOnlyAnErasureRetrains() {
    ModelJobs jobs = jobs(Duration.ZERO);
    clock.advance(Duration.ofDays(30));

    assertThat(jobs.nextRetrain()).isEmpty();
    assertThat(jobs.tick()).isEqualTo(ModelJobs.Tick.NOTHING);
    backend.erased = true;
    assertThat(jobs.tick()).isEqualTo(ModelJobs.Tick.RETRAINED_AFTER_ERASURE);
    assertThat(backend.retrains.get()).isZero();
  }

  @Test
  void installsAPersonalModelAndAnswersTheSetServedAfterwards() {
    ModelJobs jobs = jobs(Duration.ofHours(24));

    ModelChange change = jobs.installPersonal(backend.someModel());

    assertThat(backend.installs.get()).isEqualTo(1);
    assertThat(change).isEqualTo(new ModelChange.Done(backend.current()));
    assertThat(backend.current().version()).isEqualTo("installed");
  }

  private static ModelSet set(String version, Instant trainedAt) {
    return new ModelSet(version, trainedAt, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), ScopedPopularity.EMPTY, TrainingSummary.EMPTY);
  }

  /** Counts calls, can block a retrain until released, and records how many changes ran at once. */
  private final class FakeBackend implements RecommendationBackend {
    final AtomicReference<ModelSet> set = new AtomicReference<>(ModelSet.empty());
    final AtomicInteger retrains = new AtomicInteger();
    final AtomicInteger installs = new AtomicInteger();
    final AtomicInteger erasureChecks = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    volatile CountDownLatch block;
    volatile boolean failing;
    volatile boolean erased;

    RecommenderModel someModel() {
      // a model nobody reads: the jobs only hand it over
      return (RecommenderModel) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {RecommenderModel.class}, (proxy, method, args) -> {
            throw new UnsupportedOperationException();
          });
    }

    @Override
    public Recommendations recommend(RecommendationRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CatalogView catalog() {
      return CatalogView.EMPTY;
    }

    @Override
    public ModelSet current() {
      return set.get();
    }

    @Override
    public void retrain() {
      maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        entered.countDown();
        if (block != null) {
          block.await(10, TimeUnit.SECONDS);
        }
        if (failing) {
          retrains.incrementAndGet();
          throw new IllegalStateException("training failed");
        }
        set.set(set("v" + retrains.incrementAndGet(), clock.instant()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
    }

    @Override
    public void installPersonal(RecommenderModel model) {
      installs.incrementAndGet();
      set.set(set("installed", clock.instant()));
    }

    @Override
    public boolean retrainIfErased() {
      erasureChecks.incrementAndGet();
      return erased;
    }
  }
}
