package io.shopsense.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sealed (sorted) form of a segment's identity postings answers exactly like the active (chained) form. */
class IdentityPostingsTest {

  @Test
  void sealedPostingsFindWhatActivePostingsFind() {
    int[] keys = {Integer.MIN_VALUE, -65536, -1, 0, 1, 65535, 65536, Integer.MAX_VALUE, 0x8000_0001, 0x7FFF_0000};
    Random random = new Random(11);
    IdentityPostings active = IdentityPostings.active();
    IdentityPostings sealed = IdentityPostings.forSealing();
    for (int record = 0; record < 20_000; record++) {
      int key = random.nextInt(4) == 0 ? random.nextInt() : keys[random.nextInt(keys.length)];
      active.add(key, record);
      sealed.add(key, record);
    }
    sealed.install(sealed.sortedPostings());

    for (int key : keys) {
      for (int after : new int[] {-1, 0, 777, 19_998, 19_999}) {
        IntArrayList fromActive = new IntArrayList();
        IntArrayList fromSealed = new IntArrayList();
        active.collect(key, after, fromActive);
        sealed.collect(key, after, fromSealed);
        fromActive.sort(null);

        assertThat(fromSealed.toIntArray()).as("key %d after %d", key, after)
            .containsExactly(fromActive.toIntArray()).isSorted();
        assertThat(fromSealed.intStream()).allMatch(index -> index > after);
      }
    }
  }
}
