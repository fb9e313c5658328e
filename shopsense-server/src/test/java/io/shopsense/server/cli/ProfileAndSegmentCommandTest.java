package io.shopsense.server.cli;

import static io.shopsense.server.web.ShopEvents.identify;
import static io.shopsense.server.web.ShopEvents.ordered;
import static io.shopsense.server.web.ShopEvents.viewed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.server.OnceBeforeAll;
import io.shopsense.server.ServerTestBase;
import io.shopsense.server.web.ShopEvents;
import io.shopsense.server.web.ShopEvents.Product;
import io.shopsense.server.web.ShopEvents.Who;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine;

/**
 * {@code shopsense profile …} and {@code shopsense segment …} against a running server, as a person uses them: what
 * they print, the files they write, their exit codes. The shop: a repeat customer, a first-time customer and an
 * anonymous browser.
 */
@TestPropertySource(properties = {"test.server-context=profile-segment-cli", "shopsense.lake.enabled=false"})
class ProfileAndSegmentCommandTest extends ServerTestBase {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final OnceBeforeAll SHOP = new OnceBeforeAll();

  @TempDir
  Path tmp;

  /** What a command printed and returned, and whether it closed standard output behind it. */
  record Run(int code, String out, String err, boolean closedStdout) {}

  Run run(String... args) {
    PrintStream stdout = System.out;
    boolean[] closed = {false};
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    StringWriter err = new StringWriter();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(), closed[0]);
    } finally {
      System.setOut(stdout);
    }
  }

  String[] remote(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--server";
    all[args.length + 1] = "http://127.0.0.1:" + port;
    all[args.length + 2] = "--key";
    all[args.length + 3] = adminKey;
    return all;
  }

  private static Instant daysAgo(int days) {
    return NOW.minus(Duration.ofDays(days));
  }

  @BeforeEach
  void shop() {
    SHOP.run(this::load);
  }

  private void load() {
    Product tent = new Product("cl-tent", "Outdoor/Tents", "Alpine", "199");
    Answer sent = post("/v1/batch", ingestKey, ShopEvents.batch(List.of(
        identify("cl-1", Who.user("cl-u1"), daysAgo(40), Map.of("email", "una@example.com")),
        ordered("cl-2", Who.user("cl-u1"), daysAgo(30), "cl-o-1", "120", tent),
        ordered("cl-3", Who.user("cl-u1"), daysAgo(3), "cl-o-2", "80", tent),
        ordered("cl-4", Who.user("cl-u2"), daysAgo(1), "cl-o-3", "40", tent),
        viewed("cl-5", Who.anonymous("cl-a3"), daysAgo(1), tent))));
    assertThat(sent.body().get("accepted").asInt()).as(sent.body().toString()).isEqualTo(5);
    awaitPipeline();
    Run refreshed = run(remote("profile", "refresh"));
    assertThat(refreshed.code()).as(refreshed.err()).isZero();
  }

  /** The pretty JSON a command printed, without any log line around it. */
  private static JsonNode printedJson(String out) {
    int start = out.indexOf("{\n");
    int end = out.lastIndexOf("\n}");
    assertThat(start).as(out).isNotNegative();
    return JsonCodec.parse(out.substring(start, end + 2));
  }

  private static boolean hasLine(String out, String regex) {
    return Pattern.compile("(?m)^" + regex + "\\s*$").matcher(out).find();
  }

  private String personOf(String userId) {
    return get("/v1/profiles?userId=" + userId, readKey).body().get("person").asText();
  }

  @Test
  void savesPreviewsAndExportsASegmentAsCsv() throws IOException {
    Path ruleFile = tmp.resolve("buyers.rule");
    Files.writeString(ruleFile, "-- everyone who bought\nbehaviour.orders >= 1\n");
    Path csv = tmp.resolve("buyers.csv");

    Run saved = run(remote("segment", "save", "cli-buyers", "--name", "Buyers", "--rule-file", ruleFile.toString()));
    Run again = run(remote("segment", "save", "cli-buyers", "--name", "Buyers", "--rule", "behaviour.orders >= 2"));
    Run preview = run(remote("segment", "preview", "--rule", "behaviour.orders >= 1"));
    assertThat(run(remote("profile", "refresh")).code()).isZero();
    Run export = run(remote("segment", "export", "cli-buyers", "--format", "csv", "--out", csv.toString()));

    assertThat(saved.code()).as(saved.err()).isZero();
    assertThat(saved.out()).contains("saved cli-buyers (version 1): behaviour.orders >= 1");
    assertThat(again.out()).contains("saved cli-buyers (version 2): behaviour.orders >= 2");
    assertThat(preview.code()).as(preview.err()).isZero();
    assertThat(preview.out()).contains("2 of 3 profiles match behaviour.orders >= 1", "sample: [",
        personOf("cl-u1"), personOf("cl-u2"));
    assertThat(export.code()).as(export.err()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("person_id,lifecycle_stage,");
    assertThat(lines.get(1)).startsWith(personOf("cl-u1") + ",active,").contains(",2,200,");
  }

  @Test
  void exportsTheMembersAsJsonToTheTerminalAndLeavesItOpen() {
    assertThat(run(remote("segment", "save", "cli-new", "--name", "New", "--rule", "lifecycle = 'new'")).code())
        .isZero();
    assertThat(run(remote("profile", "refresh")).code()).isZero();

    Run r = run(remote("segment", "export", "cli-new", "--format", "json"));

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode printed = JsonCodec.parse(r.out().lines()
        .filter(l -> l.startsWith("{") && l.contains("\"members\":")).findFirst()
        .orElseThrow(() -> new AssertionError("no export in\n" + r.out())));
    assertThat(printed.get("segment").asText()).isEqualTo("cli-new");
    assertThat(texts(printed.get("members"))).containsExactly(personOf("cl-u2"));
    assertThat(r.closedStdout()).as("the export closed standard output").isFalse();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void reportsARuleMistakeWithItsPositionAndFailsWithCode1() {
    Run bad = run(remote("segment", "preview", "--rule", "behaviour.orders >> 1"));
    Run none = run(remote("segment", "preview"));

    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("400 invalid_rule", "line 1, column 19");
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("--rule");
  }

  @Test
  void exportingAnUnknownSegmentSaysSo() {
    Run r = run(remote("segment", "export", "cli-none", "--out", tmp.resolve("none.csv").toString()));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("404", "not_found");
  }

  @Test
  void getsAProfileByUserIdAsJson() {
    Run r = run(remote("profile", "get", "--user-id", "cl-u1"));
    Run byEmail = run(remote("profile", "get", "--email", "una@example.com"));
    Run nobody = run(remote("profile", "get", "--user-id", "cl-nobody"));
    Run noKey = run(remote("profile", "get"));

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode p = printedJson(r.out());
    assertThat(p.get("person").asText()).isEqualTo(personOf("cl-u1"));
    assertThat(p.get("lifecycleStage").asText()).isEqualTo("active");
    assertThat(p.get("behaviour").get("orders").asLong()).isEqualTo(2);
    assertThat(p.get("behaviour").get("netRevenue").decimalValue()).isEqualByComparingTo("200");
    assertThat(p.get("rfm").get("segment").asText()).isNotBlank();
    assertThat(p.get("interests").has("category:outdoor")).isTrue();
    assertThat(printedJson(byEmail.out()).get("person").asText()).isEqualTo(p.get("person").asText());
    assertThat(nobody.code()).isEqualTo(1);
    assertThat(nobody.err()).contains("404 not_found");
    assertThat(noKey.code()).isEqualTo(1);
    assertThat(noKey.err()).contains("give --user-id");
  }

  @Test
  void printsTheRfmGridWithEveryCustomerCounted() {
    Run r = run(remote("profile", "rfm"));
    Run json = run(remote("profile", "rfm", "--json"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Customers scored: 2");
    for (int rec = 1; rec <= 5; rec++) {
      assertThat(hasLine(r.out(), "R" + rec + "(\\s+\\d+){5}")).as("row R" + rec + " in\n" + r.out()).isTrue();
    }
    long inGrid = Pattern.compile("(?m)^R\\d((?:\\s+\\d+){5})\\s*$").matcher(r.out()).results()
        .flatMap(m -> java.util.Arrays.stream(m.group(1).trim().split("\\s+"))).mapToLong(Long::parseLong).sum();
    assertThat(inGrid).isEqualTo(2);
    assertThat(r.out()).contains("rfm segment", "champions", "cannot_lose_them");
    assertThat(printedJson(json.out()).get("customers").asLong()).isEqualTo(2);
  }

  @Test
  void printsTheLifecycleDistributionAndTheFlows() {
    Run r = run(remote("profile", "lifecycle", "--bucket", "day", "--from", daysAgo(60).toString()));
    Run badBucket = run(remote("profile", "lifecycle", "--bucket", "year"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(hasLine(r.out(), "potential\\s+1")).as(r.out()).isTrue();
    assertThat(hasLine(r.out(), "new\\s+1")).as(r.out()).isTrue();
    assertThat(hasLine(r.out(), "active\\s+1")).as(r.out()).isTrue();
    assertThat(hasLine(r.out(), "silent\\s+0")).as(r.out()).isTrue();
    assertThat(hasLine(r.out(), "churned\\s+0")).as(r.out()).isTrue();
    assertThat(r.out()).contains("windows:", "day from");
    // the browser became potential a day ago, with no stage before
    assertThat(hasLine(r.out(), "\\S+\\s+\\(none\\)\\s+potential\\s+1")).as(r.out()).isTrue();
    assertThat(badBucket.code()).isEqualTo(1);
    assertThat(badBucket.err()).contains("400 invalid_parameter");
  }
}
