package io.shopsense.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.server.ServerTestBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shopsense crypto status|rotate} against a running server, and {@code shopsense sql --pseudonymous} straight
 * from a lake folder with the key ring beside it.
 */
@org.springframework.test.context.TestPropertySource(properties = "test.server-context=crypto")
class CryptoCommandTest extends ServerTestBase {
  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      var cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }

  String[] remote(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--server";
    all[args.length + 1] = "http://127.0.0.1:" + port;
    all[args.length + 2] = "--key";
    all[args.length + 3] = adminKey;
    return all;
  }

  @Test
  void statusAndRotationFromTheTerminal() throws Exception {
    post("/v1/batch", ingestKey, batch(json("{'type':'identify','messageId':'cc-1','userId':'cc-u1',"
        + "'traits':{'email':'cc@example.com'}}")));
    awaitPipeline();
    int before = platform.keys().status().primary();

    Run status = run(remote("crypto", "status"));
    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out()).contains("primary key:   " + before).contains("traits").contains("(file)");
    String master = Files.readString(Path.of(platform.keys().status().keyDir()).resolve("master.key")).strip();
    assertThat(status.out()).doesNotContain(master);

    Run rotate = run(remote("crypto", "rotate"));
    assertThat(rotate.code()).as(rotate.err()).isZero();
    assertThat(rotate.out()).contains("primary data key: " + (before + 1)).contains("re-encrypted in traits: ");
    assertThat(platform.keys().status().primary()).isEqualTo(before + 1);

    Run master2 = run(remote("crypto", "rotate", "--master", "--no-reseal"));
    assertThat(master2.code()).as(master2.err()).isZero();
    assertThat(master2.out()).contains("master key: ");
    Run badEnv = run(remote("crypto", "rotate", "--master", "--new-master-key-env", "SHOPSENSE_NO_SUCH_VARIABLE"));
    assertThat(badEnv.code()).isNotZero();
  }

  @Test
  void pseudonymousSqlOnALakeFolderNeedsItsKeyRing() throws Exception {
    Path lake = platform.settings().lake().directory();
    Path keys = Path.of(platform.keys().status().keyDir());
    Run noRing = run("sql", "--lake", lake.toString(), "--pseudonymous", "--key-dir", tmp.toString(), "select 1");
    assertThat(noRing.code()).isNotZero();
    assertThat(noRing.err()).contains("no key ring");
    Files.createDirectories(lake);
    Run ok = run("sql", "--lake", lake.toString(), "--pseudonymous", "--key-dir", keys.toString(),
        "select count(*) as n from events");
    assertThat(ok.code()).as(ok.err()).isZero();
    Run refused = run("sql", "--lake", lake.toString(), "--pseudonymous", "--key-dir", keys.toString(),
        "select * from read_parquet('" + lake + "/**/*.parquet')");
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err()).contains("pseudonymous lake");
  }
}
