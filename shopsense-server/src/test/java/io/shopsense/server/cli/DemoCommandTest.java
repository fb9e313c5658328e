package io.shopsense.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code shopsense demo}: a server on the embedded store, a demo shop sent through the tracking API, keys printed. */
class DemoCommandTest {
  @TempDir
  Path dir;

  String demo() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    int code = cli.execute("demo", "--port", "0", "--data-dir", dir.toString(), "--events", "3000", "--exit");
    assertThat(code).as(out.toString()).isZero();
    return out.toString();
  }

  @Test
  void loadsADemoShopThroughTheApiAndPrintsTheUrlAndKeys() throws Exception {
    String first = demo();

    assertThat(first).contains("catalog:", "products", "0 rejected", "ShopSense is running at http://localhost:",
        "admin API key:", "storefront (ingest) key:", "export SHOPSENSE_URL=");
    assertThat(first).containsPattern("events: +[0-9,]+ sent through POST /v1/batch");
    assertThat(first).containsPattern("profiles: [1-9][0-9,]* \\(potential [0-9]+, new [0-9]+, active [0-9]+, "
        + "silent [0-9]+, churned [0-9]+\\); RFM fitted on [1-9][0-9,]* customers");
    assertThat(first).contains("ready-made journeys: 10 installed (not live), 18 templates, 3 coupon pools");
    assertThat(Files.readString(dir.resolve("admin-key")).strip()).startsWith("ss_");
    assertThat(Files.list(dir.resolve("lake").resolve("events")).count()).isPositive();

    String second = demo();
    assertThat(second).contains("events already: serving them as they are");
  }
}
