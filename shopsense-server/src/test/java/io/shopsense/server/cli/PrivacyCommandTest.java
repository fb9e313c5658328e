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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine;

/** {@code shopsense privacy …} against a running server: request, list, show, archive, process; exit codes. */
@TestPropertySource(properties = {"test.server-context=privacy-cli", "shopsense.lake.enabled=false"})
class PrivacyCommandTest extends ServerTestBase {
  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute(remote(args));
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }

  private String[] remote(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--server", "http://127.0.0.1:" + port, "--key", adminKey));
    return all.toArray(new String[0]);
  }

  private static String id(String printed) {
    Matcher m = Pattern.compile("(pr_[0-9a-f-]+)").matcher(printed);
    assertThat(m.find()).as(printed).isTrue();
    return m.group(1);
  }

  @Test
  void exportsRectifiesAndErasesFromTheTerminal() throws Exception {
    post("/v1/batch", ingestKey, batch(json("{'type':'identify','messageId':'cli-1','anonymousId':'anon-cli',"
        + "'userId':'user-cli','traits':{'email':'cli@example.com','name':'Cli Person'}}")));
    awaitPipeline();

    Run access = run("privacy", "request", "--type", "export", "--email", "cli@example.com");
    assertThat(access.code()).as(access.err()).isZero();
    assertThat(access.out()).contains("access", "completed", "identifiers");
    Path zip = tmp.resolve("me.zip");
    Run archive = run("privacy", "archive", id(access.out()), "--out", zip.toString());
    assertThat(archive.code()).as(archive.err()).isZero();
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName());
      }
    }
    assertThat(names).contains("README.txt", "traits.json", "traits.csv", "events.csv");

    Run rectified = run("privacy", "request", "--type", "rectification", "--user-id", "user-cli", "--trait",
        "name=Cli Corrected", "--trait", "age=41");
    assertThat(rectified.code()).as(rectified.err()).isZero();
    assertThat(get("/v1/persons?userId=user-cli", readKey).body().get("traits").get("age").asLong()).isEqualTo(41);

    Run held = run("privacy", "request", "--type", "erasure", "--anonymous-id", "anon-cli", "--hold");
    assertThat(held.out()).contains("received");
    Run listed = run("privacy", "list", "--status", "received");
    assertThat(listed.out()).contains(id(held.out()));
    Run processed = run("privacy", "process", id(held.out()));
    assertThat(processed.code()).as(processed.err()).isZero();
    assertThat(processed.out()).contains("completed", "identities", "erased");
    assertThat(run("privacy", "show", id(held.out())).out()).contains("subject: erased");
    assertThat(get("/v1/persons?userId=user-cli", readKey).status()).isEqualTo(404);
  }

  @Test
  void saysWhatIsWrongWithAnExitCode() {
    Run twoSubjects = run("privacy", "request", "--type", "erasure", "--email", "a@b.c", "--user-id", "u");
    Run unknown = run("privacy", "show", "pr_nope");
    Run badType = run("privacy", "request", "--type", "forget", "--email", "a@b.c");

    assertThat(twoSubjects.code()).isNotZero();
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("404");
    assertThat(badType.code()).isEqualTo(1);
    assertThat(badType.err()).contains("type must be one of");
  }
}
