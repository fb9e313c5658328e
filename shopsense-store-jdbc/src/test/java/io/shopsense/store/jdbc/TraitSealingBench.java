package io.shopsense.store.jdbc;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.core.crypto.CryptoSettings;
import io.shopsense.core.crypto.KeyDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of sealing personal traits, in one process: the same writes (an identify's traits per person: email,
 * phone, first and last name, city, plan — five personal, one not), reads of one person and pages of 100, and the
 * re-encryption of everything after a rotation, on H2 files with the plain store (the baseline) and with sealing.
 * Each phase runs once to warm up, then measured. Not a test: {@code java ... TraitSealingBench [persons]}.
 */
public final class TraitSealingBench {
  private TraitSealingBench() {}

  public static void main(String[] args) throws Exception {
    int persons = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path root = Files.createTempDirectory("trait-bench-");
    KeyDirectory keys = KeyDirectory.open(CryptoSettings.inDirectory(root.resolve("keys")), Clock.systemUTC());
    var cipher = keys.cipher();
    for (int round = 0; round < 3; round++) {
      int n = 500_000;
      long start = System.nanoTime();
      String last = null;
      for (int i = 0; i < n; i++) {
        last = cipher.seal("\"person" + i + "@example.com\"", "traits:2:p1:email");
      }
      double seal = n / seconds(start);
      start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        cipher.open(last, "traits:2:p1:email");
      }
      double open = n / seconds(start);
      System.out.printf("cipher alone, round %d: seal %,.0f/s (%.2f us), open %,.0f/s (%.2f us)%n", round, seal,
          1e6 / seal, open, 1e6 / open);
    }
    for (int round = 0; round < 2; round++) {
      String label = round == 0 ? "warm-up" : "measured";
      double[] plain = run(root.resolve("plain-" + round), null, persons);
      double[] sealed = run(root.resolve("sealed-" + round), keys, persons);
      System.out.printf("%s, %,d persons: writes/s plain %,.0f sealed %,.0f (%.2fx); reads/s plain %,.0f "
          + "sealed %,.0f (%.2fx); pages of 100/s plain %,.0f sealed %,.0f (%.2fx); reseal after rotation %,.0f "
          + "values/s%n", label, persons, plain[0], sealed[0], plain[0] / sealed[0], plain[1], sealed[1],
          plain[1] / sealed[1], plain[2], sealed[2], plain[2] / sealed[2], sealed[3]);
      if (round == 0) {
        keys.rotateDataKey();
      }
    }
  }

  /** writes/s, single reads/s, pages/s, and (sealed only) resealed values/s after a rotation. */
  private static double[] run(Path dir, KeyDirectory keys, int persons) {
    try (JdbcStores stores = JdbcStores.h2(dir)) {
      if (keys != null) {
        stores.sealedTraits().protect(keys.cipher());
      }
      TraitStore traits = stores.traitStore();
      Instant t = Instant.parse("2026-01-01T00:00:00Z");
      long start = System.nanoTime();
      for (int i = 0; i < persons; i++) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", "person" + i + "@example.com");
        m.put("phone", "+86 138 0000 " + i);
        m.put("first_name", "First" + i);
        m.put("last_name", "Last" + i);
        m.put("city", "Hangzhou");
        m.put("plan", "gold");
        traits.set(PersonId.of("p" + i), new Properties(m), t);
      }
      double writes = persons / seconds(start);
      start = System.nanoTime();
      for (int i = 0; i < persons; i++) {
        traits.get(PersonId.of("p" + (i * 7919 % persons)));
      }
      double reads = persons / seconds(start);
      start = System.nanoTime();
      int pages = persons / 100;
      for (int p = 0; p < pages; p++) {
        List<PersonId> ids = new ArrayList<>(100);
        for (int i = 0; i < 100; i++) {
          ids.add(PersonId.of("p" + (p * 100 + i)));
        }
        traits.getAll(ids);
      }
      double pagesPerSecond = pages / seconds(start);
      double reseal = 0;
      if (keys != null) {
        keys.rotateDataKey();
        start = System.nanoTime();
        long n = stores.sealedTraits().reseal();
        reseal = n / seconds(start);
      }
      return new double[] {writes, reads, pagesPerSecond, reseal};
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
