package io.shopsense.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.core.audit.AuditTrail;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.platform.Platform;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code shopsense audit verify} offline: exit code 0 on an intact log, 2 once a row was changed behind its back. */
class AuditCommandTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));
      return new Run(cli.execute(args), out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }

  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db").resolve("shopsense")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", ""); Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @Test
  void exitsZeroOnAnIntactLogAndTwoOnATamperedOne() throws Exception {
    try (Platform p = Platform.open(OfflinePlatform.settings(dir), Clock.systemUTC(), PersonIds.random(),
        IngestListener.NONE)) {
      for (int i = 0; i < 3; i++) {
        p.audit().record(AuditTrail.apiKey("k"), "POST /v1/segments", "s" + i, "201");
      }
    }

    Run intact = run("audit", "verify", "--data-dir", dir.toString());
    sql("update audit_log set outcome = '403' where seq = 2");
    Run tampered = run("audit", "verify", "--data-dir", dir.toString());

    assertThat(intact.code()).as(intact.err()).isZero();
    assertThat(intact.out()).contains("audit log intact: 3 entries");
    assertThat(tampered.code()).isEqualTo(2);
    assertThat(tampered.out()).contains("TAMPERED WITH at entry 2: HASH_MISMATCH");
  }
}
