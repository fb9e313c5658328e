package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import io.shopsense.demo.DemoSummary;
import io.shopsense.server.ShopSenseApplication;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The demo: starts the server on its embedded store, generates a demo shop and sends it through the real tracking
 * API (catalog first, then the events as a historical backfill), waits until identities and the lake have caught
 * up, and prints the URL and API keys. The same seed on the same day gives the same shop; a data directory that
 * already holds events is served as it is.
 */
@Command(name = "demo", description = "Start ShopSense on its embedded store with a generated demo shop.")
public class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--data-dir", defaultValue = "./data/demo", description = "data directory (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--events", defaultValue = "100000", description = "about how many events (default: ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--seed", defaultValue = "42", description = "the demo shop's seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--exit", description = "stop the server once the demo is loaded (for scripts and tests)")
  boolean exit;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = dataDir.toAbsolutePath().normalize();
    out.println("shopsense demo: starting the server on the embedded store in " + dir);
    out.flush();
    // the server's structured log goes to a file; the terminal shows the demo's own output and warnings only
    ConfigurableApplicationContext context = ShopSenseApplication.run(ServeCommand.springArgs(port, dir, "embedded",
        List.of("--logging.file.name=" + dir.resolve("shopsense.log"), "--logging.threshold.console=WARN")));
    int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
    String url = "http://localhost:" + actualPort;
    try {
      String admin = Files.readString(dir.resolve("admin-key"), StandardCharsets.UTF_8).strip();
      ApiClient client = new ApiClient(url, admin);
      long stored = client.get("/v1/pipeline").get("events").asLong();
      if (stored > 0) {
        out.printf(Locale.ROOT, "the data directory holds %,d events already: serving them as they are%n", stored);
      } else {
        load(client, out);
      }
      String storefront = client.post("/v1/keys", Map.of("source", "demo-storefront", "scopes", List.of("ingest")))
          .get("secret").asText();
      printWelcome(out, url, admin, storefront, dir);
    } catch (RuntimeException | Error e) {
      context.close();
      throw e;
    }
    if (exit) {
      context.close();
    } else {
      ServeCommand.started();
    }
    return 0;
  }

  private void load(ApiClient admin, PrintWriter out) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
    DemoShop shop = DemoShop.of(DemoSettings.of(seed, events, now));
    String loader = admin.post("/v1/keys", Map.of("source", "demo", "scopes", List.of("admin")))
        .get("secret").asText();
    ApiClient client = new ApiClient(admin.base(), loader);
    long start = System.nanoTime();
    List<ObjectNode> products = shop.products();
    for (int i = 0; i < products.size(); i += 1_000) {
      client.post("/v1/products", products.subList(i, Math.min(products.size(), i + 1_000)));
    }
    out.printf(Locale.ROOT, "catalog: %,d products%n", products.size());
    out.flush();
    AtomicLong accepted = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    ExecutorService senders = Executors.newFixedThreadPool(2);
    Semaphore inFlight = new Semaphore(4);
    List<Future<?>> sends = new ArrayList<>();
    DemoSummary summary;
    try {
      summary = shop.writeBatches(500, body -> {
        inFlight.acquireUninterruptibly();
        sends.add(senders.submit(() -> {
          try {
            JsonNode r = client.post("/v1/batch?mode=historical", body);
            accepted.addAndGet(r.get("accepted").asLong() + r.get("duplicates").asLong());
            rejected.addAndGet(r.get("rejected").asLong());
          } finally {
            inFlight.release();
          }
          return null;
        }));
      });
      for (Future<?> f : sends) {
        f.get();
      }
    } finally {
      senders.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "events:  %,d sent through POST /v1/batch in %.1f s (%,.0f events/s): %,d stored, "
        + "%,d rejected%n", summary.events(), seconds, summary.events() / seconds, accepted.get(), rejected.get());
    out.printf(Locale.ROOT, "shop:    %,d people, %,d customers, %,d orders, %s %s revenue, %s to %s%n",
        summary.people(), summary.customers(), summary.orders(), summary.revenue().toPlainString(),
        summary.currency(), summary.first(), summary.last());
    out.print("waiting for identity resolution, profiles and the lake to catch up ...");
    out.flush();
    awaitCaughtUp(client, Duration.ofMinutes(10));
    out.println(" done");
    JsonNode refresh = client.post("/v1/profiles/refresh", java.util.Map.of());
    JsonNode stages = client.get("/v1/lifecycle/distribution").get("stages");
    StringBuilder byStage = new StringBuilder();
    stages.fields().forEachRemaining(e -> byStage.append(byStage.length() == 0 ? "" : ", ").append(e.getKey())
        .append(' ').append(e.getValue().asLong()));
    out.printf(Locale.ROOT, "profiles: %,d (%s); RFM fitted on %,d customers%n", refresh.get("profiles").asLong(),
        byStage, refresh.get("model").get("rfm").get("customers").asLong());
    out.print("training the recommendation models ...");
    out.flush();
    try {
      JsonNode models = client.post("/v1/recommendations/models/retrain", java.util.Map.of());
      out.printf(Locale.ROOT, " version %s (%,d persons with personalisation consent)%n",
          models.path("version").asText(), models.path("summary").path("persons").asLong());
    } catch (RuntimeException e) {
      // the server's own schedule may be training already (409): it serves the models when it is done
      out.println(" not now (" + e.getMessage() + "); the server trains them on its schedule");
    }
    // the lifecycle kit, not live: the demo shop has no mail server, and a marketer starts what they want
    JsonNode kit = client.post("/v1/journeys/ready-made?live=false", java.util.Map.of());
    out.printf(Locale.ROOT, "ready-made journeys: %d installed (not live), %d templates, %d coupon pools%n",
        kit.path("installed").size() + kit.path("unchanged").size(), kit.path("templates").size(),
        kit.path("couponPools").size());
  }

  private static void awaitCaughtUp(ApiClient client, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode p = client.get("/v1/pipeline");
      boolean caughtUp = true;
      for (JsonNode c : p.get("consumers")) {
        caughtUp &= c.get("lag").asLong() == 0;
      }
      if (caughtUp) {
        return;
      }
      Thread.sleep(250);
    }
    throw new CliException("the pipeline did not catch up within " + timeout + " (see GET /v1/pipeline)");
  }

  private static void printWelcome(PrintWriter out, String url, String admin, String storefront, Path dir) {
    out.println();
    out.println("ShopSense is running at " + url + "   (data in " + dir + "; stop with Ctrl-C)");
    out.println("  server log:               " + dir.resolve("shopsense.log"));
    out.println("  admin API key:            " + admin);
    out.println("  storefront (ingest) key:  " + storefront);
    out.println("  API description:          " + url + "/swagger-ui.html");
    out.println();
    out.println("Try:");
    out.println("  export SHOPSENSE_URL=" + url + " SHOPSENSE_API_KEY=" + admin);
    out.println("  curl -s -H \"Authorization: Bearer $SHOPSENSE_API_KEY\" " + url + "/v1/pipeline");
    out.println("  curl -s -H \"Authorization: Bearer $SHOPSENSE_API_KEY\" '" + url + "/v1/products?limit=3'");
    out.println("  curl -s -H \"Authorization: Bearer $SHOPSENSE_API_KEY\" '" + url + "/v1/events?limit=3'");
    out.println("  curl -s -H 'Authorization: Bearer " + storefront + "' -H 'Content-Type: application/json' \\");
    // nothing is pre-ticked: the visitor's banner answer goes first, or the view is withheld
    out.println("       -d '{\"batch\":[{\"type\":\"track\",\"event\":\"Consent Updated\",\"anonymousId\":\"a-1\","
        + "\"properties\":{\"purposes\":{\"analytics\":true},\"notice_version\":\"demo\","
        + "\"source\":\"cookie_banner\"}},{\"type\":\"track\",\"event\":\"Product Viewed\",\"anonymousId\":\"a-1\","
        + "\"properties\":{\"product_id\":\"x\"}}]}' " + url + "/v1/batch");
    out.println("  ./shopsense sql \"select event, count(*) n from events group by 1 order by n desc\"");
    out.println("  ./shopsense quality");
    out.println("  ./shopsense quarantine list");
    out.println("  ./shopsense profile rfm");
    out.println("  ./shopsense profile get --user-id u1000004");
    out.println("  ./shopsense segment preview --rule \"lifecycle = 'active' and interest('category:outdoor') > 0.3\"");
    out.println("  curl -s -H \"Authorization: Bearer $SHOPSENSE_API_KEY\" " + url + "/v1/consents/user_id:u1000004");
    out.println("  ./shopsense privacy request --type export --user-id u1000004   # then: privacy archive <id> --out u.zip");
    out.println("  curl -s -H \"Authorization: Bearer $SHOPSENSE_API_KEY\" '" + url
        + "/v1/recommendations?scene=home&userId=u1000004&n=5'");
    out.println("  curl -s -H \"Authorization: Bearer $SHOPSENSE_API_KEY\" " + url + "/v1/journeys");
    out.println("  curl -s -X PUT -H \"Authorization: Bearer $SHOPSENSE_API_KEY\" " + url
        + "/v1/journeys/cart-abandonment/versions/1/live   # start one (in-app messages; email needs smtp settings)");
    out.println("  curl -s -H \"Authorization: Bearer $SHOPSENSE_API_KEY\" " + url + "/v1/audit/verify");
    out.println("  open " + url + "/privacy   # the privacy summary customers read");
    out.flush();
  }
}
