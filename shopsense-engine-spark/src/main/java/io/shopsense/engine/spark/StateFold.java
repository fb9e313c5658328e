package io.shopsense.engine.spark;

import io.shopsense.core.profile.Interests;
import io.shopsense.core.profile.ProfileState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * One {@link ProfileState} per person from the attributed events, with the core's own fold: each event goes through
 * {@link ProfileState#add} in the partition that read it, and the partial states of a person meet in
 * {@code reduceByKey} through {@link ProfileState#merge}. That is correct because the state is a commutative monoid
 * (any order, any grouping of the same events gives an equal state), and it keeps memory bounded: a partition
 * emits its partial states every {@link #MAX_OPEN_STATES} persons, so a task never holds more states than that. States
 * cross the shuffle in their own encoding ({@link ProfileState#encode}), which is exact, so no Spark serializer ever
 * sees a core class.
 */
final class StateFold {
  /** Persons a partition folds before it hands its partial states on and starts afresh. */
  static final int MAX_OPEN_STATES = 20_000;

  private StateFold() {}

  /** person → encoded state, one entry per person with at least one event. */
  static JavaPairRDD<String, byte[]> fold(Dataset<Row> attributedEvents) {
    return attributedEvents.javaRDD()
        .mapPartitionsToPair(StateFold::foldPartition)
        .reduceByKey(StateFold::merge);
  }

  /** The partition's partial states, folded lazily {@link #MAX_OPEN_STATES} persons at a time. */
  private static Iterator<Tuple2<String, byte[]>> foldPartition(Iterator<Row> rows) {
    Interests.Settings settings = JobEngine.interestSettings();
    return new Iterator<>() {
      private Iterator<Map.Entry<String, ProfileState>> batch = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        if (!batch.hasNext() && rows.hasNext()) {
          batch = nextBatch(rows, settings);
        }
        return batch.hasNext();
      }

      @Override
      public Tuple2<String, byte[]> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Map.Entry<String, ProfileState> e = batch.next();
        byte[] encoded = e.getValue().encode();
        batch.remove(); // the state is in the shuffle now, let it go
        return new Tuple2<>(e.getKey(), encoded);
      }
    };
  }

  private static Iterator<Map.Entry<String, ProfileState>> nextBatch(Iterator<Row> rows,
      Interests.Settings settings) {
    Map<String, ProfileState> open = new HashMap<>();
    while (rows.hasNext() && open.size() < MAX_OPEN_STATES) {
      Row r = rows.next();
      open.computeIfAbsent(r.getString(0), p -> new ProfileState(settings)).add(LakeEvents.decode(r));
    }
    return open.entrySet().iterator();
  }

  private static byte[] merge(byte[] a, byte[] b) {
    Interests.Settings settings = JobEngine.interestSettings();
    return ProfileState.decode(a, settings).merge(ProfileState.decode(b, settings)).encode();
  }
}
