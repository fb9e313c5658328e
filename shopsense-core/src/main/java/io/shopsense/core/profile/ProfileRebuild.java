package io.shopsense.core.profile;

import io.shopsense.api.event.Event;
import io.shopsense.api.id.PersonId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The batch side of profiles: folds each person's events from scratch. A source hands over rows grouped by person
 * (all of one person's rows before the next person's, in any order within); the rows of a batch of persons are
 * decoded and folded on worker threads (decoding JSON is most of the work), and the states go to the sink in
 * batches, in the source's order and on the calling thread, so the whole customer base is never in memory at once.
 */
public final class ProfileRebuild {

  /** Rows grouped by person. */
  public interface Source<R> {
    void forEach(BiConsumer<PersonId, R> sink) throws Exception;
  }

  private ProfileRebuild() {}

  /**
   * Folds a source of rows, each decoded into an event by {@code decode}, with {@code threads} workers (1: on the
   * calling thread); returns the number of persons.
   */
  @SuppressWarnings("unchecked")
  public static <R> long foldByPerson(Source<R> source, Function<R, Event> decode, ProfileEngine engine, int batch,
      int threads, Consumer<Map<PersonId, ProfileState>> sink) throws Exception {
    ExecutorService workers = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "profile-rebuild");
      t.setDaemon(true);
      return t;
    }) : null;
    ArrayDeque<Future<Map<PersonId, ProfileState>>> pending = new ArrayDeque<>();
    long[] persons = {0};
    Map<PersonId, List<R>> group = new LinkedHashMap<>();
    PersonId[] current = {null};
    List<R>[] rows = new List[1];
    try {
      source.forEach((person, row) -> {
        if (!person.equals(current[0])) {
          if (group.size() >= batch) {
            submit(new LinkedHashMap<>(group), decode, engine, workers, pending, sink, threads);
            group.clear();
          }
          current[0] = person;
          rows[0] = group.computeIfAbsent(person, p -> new ArrayList<>());
          persons[0]++;
        }
        rows[0].add(row);
      });
      if (!group.isEmpty()) {
        submit(group, decode, engine, workers, pending, sink, threads);
      }
      while (!pending.isEmpty()) {
        sink.accept(take(pending.poll()));
      }
      return persons[0];
    } finally {
      if (workers != null) {
        workers.shutdownNow();
      }
    }
  }

  private static <R> void submit(Map<PersonId, List<R>> group, Function<R, Event> decode, ProfileEngine engine,
      ExecutorService workers, ArrayDeque<Future<Map<PersonId, ProfileState>>> pending,
      Consumer<Map<PersonId, ProfileState>> sink, int threads) {
    if (workers == null) {
      sink.accept(fold(group, decode, engine));
      return;
    }
    while (pending.size() >= threads * 2) {
      sink.accept(take(pending.poll()));
    }
    pending.add(workers.submit(() -> fold(group, decode, engine)));
  }

  private static <R> Map<PersonId, ProfileState> fold(Map<PersonId, List<R>> group, Function<R, Event> decode,
      ProfileEngine engine) {
    Map<PersonId, ProfileState> states = new LinkedHashMap<>();
    group.forEach((person, rows) -> {
      ProfileState state = engine.newState();
      for (R row : rows) {
        state.add(decode.apply(row));
      }
      states.put(person, state);
    });
    return states;
  }

  private static Map<PersonId, ProfileState> take(Future<Map<PersonId, ProfileState>> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while folding profiles", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }
}
