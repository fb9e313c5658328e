package io.shopsense.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write to the H2 stores is in the file when it returns: a process killed outright (SIGKILL, no shutdown hook)
 * keeps every commit it reported. H2's default background writer would lose the last second of commits.
 */
class H2CrashTest {
  @TempDir
  Path dir;

  /** The child process: commits increasing offsets and prints each one after its commit returned. */
  public static final class Committer {
    public static void main(String[] args) {
      try (JdbcStores db = JdbcStores.h2(Path.of(args[0]))) {
        for (long seq = 1; ; seq++) {
          db.consumerOffsets().commit("crash-test", seq);
          System.out.println(seq);
          System.out.flush();
        }
      }
    }
  }

  @Test
  void aKilledProcessKeepsEveryCommitItReported() throws Exception {
    Path db = dir.resolve("db");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Committer.class.getName(), db.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long reported = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while (reported < 300 && (line = out.readLine()) != null) {
        reported = Long.parseLong(line.trim());
      }
      child.destroyForcibly();
      child.waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(reported).as("commits the child reported before it was killed").isEqualTo(300);

    try (JdbcStores reopened = JdbcStores.h2(db)) {
      assertThat(reopened.consumerOffsets().get("crash-test")).isGreaterThanOrEqualTo(reported);
    }
  }
}
