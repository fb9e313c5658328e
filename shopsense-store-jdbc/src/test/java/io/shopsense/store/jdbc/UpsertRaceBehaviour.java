package io.shopsense.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.StoredProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upsert (update the rows present, insert the absent) that meets a row another writer inserted in between runs
 * again and updates it ({@link Sql#upsert}), on each backend: the ports have one writer at a time, but a second one
 * (two processes during a redeploy) must neither fail nor lose its write.
 */
abstract class UpsertRaceBehaviour {
  static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
  static final PersonId P = PersonId.of("p-race");

  protected abstract ReopenableStores stores();

  JdbcStores db;
  ExecutorService threads;

  @BeforeEach
  void open() {
    db = stores().open();
    threads = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    stores().close();
  }

  static StoredProfile profile(byte state) {
    ProfileFacts facts = new ProfileFacts("new", T, null, null, null, null, state, 0, BigDecimal.ZERO, T, T, null,
        null);
    return new StoredProfile(P, new byte[] {state}, facts, T);
  }

  @Test
  void aPutThatMeetsAnotherWritersInsertOfTheSamePersonWritesOverIt() throws Exception {
    ProfileStore profiles = db.profileStore();
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // the first writer inserts the profile and holds its transaction open
    Future<?> first = threads.submit(() -> db.unitOfWork().run(() -> {
      profiles.putAll(List.of(profile((byte) 1)));
      inserted.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }));
    assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
    // the second finds no row to update, and its insert waits for the first's row
    Future<?> second = threads.submit(() -> profiles.putAll(List.of(profile((byte) 2))));
    Thread.sleep(500);
    release.countDown();

    first.get(10, TimeUnit.SECONDS);
    second.get(20, TimeUnit.SECONDS);

    assertThat(profiles.get(P).orElseThrow().state()).containsExactly(2);
    assertThat(profiles.count()).isEqualTo(1);
  }
}
