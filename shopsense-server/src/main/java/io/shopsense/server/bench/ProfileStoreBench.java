package io.shopsense.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.event.Event;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.profile.StoredProfile;
import io.shopsense.core.collect.EventDecoder;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.core.profile.ProfileEngine;
import io.shopsense.core.profile.ProfileState;
import io.shopsense.platform.PlatformSettings;
import io.shopsense.platform.StoreProvider;
import io.shopsense.platform.Stores;
import io.shopsense.server.cli.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Many profiles served from the embedded store by a server with a small heap: writes {@code --profiles} persons
 * (identity links and profiles with states folded from 50 kinds of shopper) straight into an embedded data folder,
 * starts a server on it with {@code --heap}, and runs what touches every profile or many — lookups by user id, list
 * pages, the RFM grid, the lifecycle distribution, a refresh, a segment preview over the whole base — while sampling
 * the server's heap in use. The figure is the highest heap in use seen, against the limit.
 */
@Command(name = "profile-store", description = "Profiles served from the embedded store with a small heap.")
public class ProfileStoreBench implements Callable<Integer> {
  @Option(names = "--profiles", defaultValue = "1000000")
  int profiles;

  @Option(names = "--heap", defaultValue = "2g")
  String heap;

  @Option(names = "--lookups", defaultValue = "2000")
  int lookups;

  @Option(names = "--work-dir", defaultValue = "./data/bench-profile-store")
  Path workDir;

  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private static final String[] CATEGORIES = {"Outdoor/Tents", "Outdoor/Backpacks", "Kitchen/Knives", "Books/Crime",
      "Pets/Cat Food", "Beauty/Fragrance", "Sports/Socks"};

  @Override
  public Integer call() throws Exception {
    Path dir = workDir.resolve("store-" + profiles).toAbsolutePath();
    if (!Files.exists(dir.resolve("READY"))) {
      prepare(dir);
    }
    try (BenchServer server = BenchServer.startOn(dir, heap,
        IngestBench.consentArgs(false, List.of("--shopsense.lake.enabled=false")), false)) {
      AtomicLong maxHeap = new AtomicLong();
      AtomicBoolean sampling = new AtomicBoolean(true);
      Thread sampler = new Thread(() -> {
        while (sampling.get()) {
          try {
            maxHeap.accumulateAndGet(heapUsed(server), Math::max);
            Thread.sleep(100);
          } catch (Exception e) {
            return;
          }
        }
      });
      sampler.start();
      ApiClient client = new ApiClient(server.url, server.adminKey);
      Random random = new Random(1);
      long[] micros = new long[lookups];
      for (int i = 0; i < lookups; i++) {
        long t0 = System.nanoTime();
        client.get("/v1/profiles?userId=u" + random.nextInt(profiles));
        micros[i] = (System.nanoTime() - t0) / 1_000;
      }
      Arrays.sort(micros);
      System.out.printf(Locale.ROOT, "lookups by user id: %,d, p50 %.1f ms, p99 %.1f ms%n", lookups,
          micros[lookups / 2] / 1e3, micros[(int) (lookups * 0.99)] / 1e3);
      timed("list 20 pages of 1,000", () -> {
        String after = null;
        for (int i = 0; i < 20; i++) {
          JsonNode page = client.get("/v1/profiles?limit=1000" + (after == null ? "" : "&after=" + after));
          after = page.get("next").asText();
        }
      });
      timed("RFM grid", () -> client.get("/v1/rfm/grid"));
      timed("lifecycle distribution", () -> client.get("/v1/lifecycle/distribution"));
      timed("refresh (refit, derive from facts)", () -> System.out.println("  " + client.post("/v1/profiles/refresh",
          Map.of())));
      timed("segment preview over every profile", () -> System.out.println("  size " + client.post(
          "/v1/segments/preview", Map.of("rule", "interest('category:outdoor') > 0.5 and rfm.monetary >= 3"))
          .get("size")));
      sampling.set(false);
      sampler.join();
      System.out.printf(Locale.ROOT, "server heap in use, highest sample: %,d MB of -Xmx%s; server alive: %s%n",
          maxHeap.get() >> 20, heap, server.get("/actuator/health").get("status").asText());
    }
    return 0;
  }

  private static void timed(String what, Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    System.out.printf(Locale.ROOT, "%s: %.2f s%n", what, (System.nanoTime() - t0) / 1e9);
  }

  /** The heap in use now, summed over the heap pools of the server's Prometheus metrics. */
  private static long heapUsed(BenchServer server) throws Exception {
    long sum = 0;
    for (String line : server.prometheus()) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** Writes the persons and profiles straight into an embedded data folder. */
  private void prepare(Path dir) throws Exception {
    Files.createDirectories(dir);
    ProfileEngine engine = ProfileEngine.defaults();
    List<ProfileState> kinds = new ArrayList<>();
    for (int k = 0; k < 50; k++) {
      ProfileState s = engine.newState();
      for (Event e : shopper(k)) {
        s.add(e);
      }
      kinds.add(s);
    }
    long t0 = System.nanoTime();
    PlatformSettings settings = PlatformSettings.embedded(dir);
    try (Stores stores = StoreProvider.byId(settings.store().type()).open(settings.store())) {
      for (int from = 0; from < profiles; from += 5_000) {
        int start = from;
        int end = Math.min(profiles, from + 5_000);
        stores.unitOfWork().run(() -> {
          List<StoredProfile> rows = new ArrayList<>();
          for (int i = start; i < end; i++) {
            PersonId person = PersonId.of("p-" + i);
            stores.identityGraph().link(person, new Identifier(IdentifierKind.USER_ID, "u" + i), NOW);
            ProfileState s = kinds.get(i % kinds.size());
            rows.add(new StoredProfile(person, s.encode(), engine.facts(s, NOW), NOW));
          }
          stores.profileStore().putAll(rows);
          return null;
        });
        if (end % 100_000 == 0) {
          System.out.printf(Locale.ROOT, "  wrote %,d profiles (%.0f s)%n", end, (System.nanoTime() - t0) / 1e9);
        }
      }
    }
    Files.writeString(dir.resolve("READY"), Integer.toString(profiles));
    System.out.printf(Locale.ROOT, "prepared %,d profiles in %.0f s%n", profiles, (System.nanoTime() - t0) / 1e9);
  }

  /** A shopper of kind {@code k}: some visits with views and cart adds, and for two kinds in three, orders. */
  static List<Event> shopper(int k) {
    List<Event> out = new ArrayList<>();
    int visits = 2 + k % 6;
    for (int v = 0; v < visits; v++) {
      Instant at = NOW.minus(Duration.ofDays(3L * k + 20L * v + 1));
      String category = CATEGORIES[(k + v) % CATEGORIES.length];
      String context = "'context':{'timezone':'Europe/Berlin','sessionId':'s" + k + "-" + v
          + "','device':{'type':'mobile'},'channel':'web'}";
      for (int n = 0; n < 3; n++) {
        out.add(event("{'type':'track','event':'Product Viewed','messageId':'m" + k + "-" + v + "-" + n
            + "','userId':'u','timestamp':'" + at.plusSeconds(60L * n) + "'," + context + ",'properties':{"
            + "'product_id':'p" + (k * 7 + n) + "','category':'" + category + "','brand':'B" + n + "','price':"
            + (10 + k) + "}}"));
      }
      if (k % 3 != 0) {
        out.add(event("{'type':'track','event':'Order Completed','messageId':'o" + k + "-" + v
            + "','userId':'u','timestamp':'" + at.plusSeconds(600) + "'," + context + ",'properties':{'order_id':'o"
            + k + "-" + v + "','revenue':" + (20 + 7 * k) + ",'products':[{'product_id':'p" + (k * 7)
            + "','category':'" + category + "','price':" + (20 + 7 * k) + ",'quantity':1}]}}"));
      }
    }
    return out;
  }

  private static Event event(String singleQuoted) {
    com.fasterxml.jackson.databind.node.ObjectNode node =
        (com.fasterxml.jackson.databind.node.ObjectNode) JsonCodec.parse(singleQuoted.replace('\'', '"'));
    node.put("receivedAt", node.get("timestamp").asText());
    node.put("source", "bench");
    return EventDecoder.decode(node);
  }
}
