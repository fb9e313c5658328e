package io.shopsense.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.access.ConsoleRole;
import io.shopsense.api.access.ConsoleUser;
import io.shopsense.server.config.SecurityProperties;
import io.shopsense.server.security.Argon2Hasher;
import io.shopsense.store.jdbc.JdbcStores;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code shopsense users}: the first admin, added offline to a data directory. */
class UsersCommandTest {
  @TempDir
  Path data;

  record Run(int code, String out, String err) {}

  Run run(String stdin, String... args) {
    PrintStream stdout = System.out;
    InputStream in = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      CommandLine cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));
      return new Run(cli.execute(args), out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
      System.setIn(in);
    }
  }

  @Test
  void addsTheFirstAdminWithAnArgon2idHashAndListsIt() {
    Run add = run("first admin passphrase\n", "users", "add", "Owner", "--roles", "admin,privacy_officer",
        "--password-stdin", "--data-dir", data.toString());
    Run list = run("", "users", "list", "--data-dir", data.toString());

    assertThat(add.code()).as(add.err()).isZero();
    assertThat(add.out()).contains("added owner with roles [admin, privacy_officer]");
    assertThat(list.out()).contains("owner", "admin", "yes").doesNotContain("argon2");
    try (JdbcStores stores = JdbcStores.h2(data.resolve("db"))) {
      ConsoleUser owner = stores.consoleUsers().find("owner").orElseThrow();
      assertThat(owner.roles()).isEqualTo(Set.of(ConsoleRole.ADMIN, ConsoleRole.PRIVACY_OFFICER));
      assertThat(owner.passwordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
      assertThat(new Argon2Hasher(defaults()).matches("first admin passphrase", owner.passwordHash())).isTrue();
    }
  }

  private static SecurityProperties.Password defaults() {
    return new org.springframework.boot.context.properties.bind.Binder().bindOrCreate("shopsense.security",
        SecurityProperties.class).password();
  }

  @Test
  void resetsAForgottenPassword() {
    run("first admin passphrase\n", "users", "add", "owner", "--roles", "admin", "--password-stdin", "--data-dir",
        data.toString());

    Run reset = run("the new admin passphrase\n", "users", "passwd", "owner", "--password-stdin", "--data-dir",
        data.toString());
    Run unknown = run("the new admin passphrase\n", "users", "passwd", "nobody", "--password-stdin", "--data-dir",
        data.toString());

    assertThat(reset.code()).as(reset.err()).isZero();
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no user nobody");
    try (JdbcStores stores = JdbcStores.h2(data.resolve("db"))) {
      String hash = stores.consoleUsers().find("owner").orElseThrow().passwordHash();
      assertThat(new Argon2Hasher(defaults()).matches("the new admin passphrase", hash)).isTrue();
    }
  }

  @Test
  void refusesAWeakPasswordAnUnknownRoleAndATakenName() {
    Run weak = run("short\n", "users", "add", "ada", "--roles", "admin", "--password-stdin", "--data-dir",
        data.toString());
    Run role = run("a long enough passphrase\n", "users", "add", "ada", "--roles", "root", "--password-stdin",
        "--data-dir", data.toString());
    run("a long enough passphrase\n", "users", "add", "ada", "--roles", "admin", "--password-stdin", "--data-dir",
        data.toString());
    Run taken = run("a long enough passphrase\n", "users", "add", "ada", "--roles", "admin", "--password-stdin",
        "--data-dir", data.toString());

    assertThat(weak.code()).isEqualTo(1);
    assertThat(weak.err()).contains("at least 12 characters").doesNotContain("short\n");
    assertThat(role.code()).isEqualTo(1);
    assertThat(role.err()).contains("unknown role");
    assertThat(taken.code()).isEqualTo(1);
    assertThat(taken.err()).contains("exists");
  }
}
