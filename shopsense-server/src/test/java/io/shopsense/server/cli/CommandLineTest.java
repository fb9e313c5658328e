package io.shopsense.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.server.ServerTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line against a running server, as a person uses it: what it prints and its exit code. */
class CommandLineTest extends ServerTestBase {
  @TempDir
  Path tmp;

  /** What a command printed and returned. */
  record Run(int code, String out, String err) {}

  Run run(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
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

  @Test
  void listsTheQuarantineAndShowsTheQualityReport() {
    post("/v1/batch", ingestKey, batch(json("{'type':'track','event':'Product Added','messageId':'cli-1',"
        + "'anonymousId':'a','properties':{'product_id':'p','quantity':-2}}")));

    Run list = run(remote("quarantine", "list"));
    Run quality = run(remote("quality"));

    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("invalid_value", "properties.quantity");
    assertThat(quality.code()).isZero();
    assertThat(quality.out()).contains("(all sources)", "web", "invalid_value");
  }

  @Test
  void importsAFileThroughTheServerAndReportsTheReconciliation() throws IOException {
    Path file = tmp.resolve("events.jsonl");
    Files.writeString(file, "{\"type\":\"track\",\"event\":\"Product Viewed\",\"messageId\":\"cli-imp-1\","
        + "\"anonymousId\":\"a\",\"timestamp\":\"2025-03-01T10:00:00Z\",\"properties\":{\"product_id\":\"p\"}}\n"
        + "{oops\n");

    Run r = run(remote("import", "--preset", "jsonl", "--no-progress", file.toString()));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 rows", "1 accepted", "1 rejected", "reconciles");
  }

  @Test
  void runsSqlOverTheLakeThroughTheServerAndStraightFromTheFolder() {
    post("/v1/batch", ingestKey, batch(json("{'type':'track','event':'Cart Viewed','messageId':'cli-sql',"
        + "'anonymousId':'a','properties':{}}")));
    awaitPipeline();

    Run remote = run(remote("sql", "select count(*) as carts from events where event = 'Cart Viewed'"));
    Run local = run("sql", "--lake", platform.settings().lake().directory().toString(),
        "select message_id from events where message_id = 'cli-sql'");
    Run refused = run(remote("sql", "drop table events"));

    assertThat(remote.code()).as(remote.err()).isZero();
    assertThat(remote.out()).contains("carts", "1");
    assertThat(local.code()).as(local.err()).isZero();
    assertThat(local.out()).contains("cli-sql");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("invalid_query");
  }

  @Test
  void issuesAKeyAndListsItWithoutItsSecret() {
    Run issued = run(remote("keys", "issue", "--source", "pos", "--scopes", "ingest"));
    Run listed = run(remote("keys", "list"));

    assertThat(issued.code()).isZero();
    String secret = issued.out().lines().filter(l -> l.startsWith("secret:")).findFirst().orElseThrow()
        .split("\\s+")[1];
    assertThat(listed.out()).contains("pos").doesNotContain(secret);
  }

  @Test
  void saysClearlyWhenNoServerAnswers() {
    Run r = run("quality", "--server", "http://127.0.0.1:1", "--key", "ss_x");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no ShopSense server at http://127.0.0.1:1");
  }
}
