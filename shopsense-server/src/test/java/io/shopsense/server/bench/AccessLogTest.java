package io.shopsense.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access log as the bench's exact server-side measurement. */
class AccessLogTest {
  @TempDir
  Path dir;

  @Test
  void onlyThePathsRequestsThatBeganInTheWindowCount() throws IOException {
    Files.write(dir.resolve("access.log"), List.of(
        "999 /v1/recommendations 200 9000", // before the window
        "1000 /v1/recommendations 200 800",
        "1500 /actuator/health/liveness 200 50", // another path
        "1700 /v1/recommendations 500 1200",
        "2000 /v1/recommendations 200 400",
        "2001 /v1/recommendations 200 7000")); // after it
    Files.writeString(dir.resolve("server.log"), "1500 /v1/recommendations 200 99999\n");

    AccessLog.Window w = AccessLog.read(dir, "/v1/recommendations", 1000, 2000);

    assertThat(w.requests()).isEqualTo(3);
    assertThat(w.notOk()).isEqualTo(1);
    assertThat(w.times()).isEqualTo(new LatencyRecord.Summary(800_000, 1_200_000, 1_200_000, 1_200_000));
  }

  @Test
  void theServerWritesTheFieldsTheReaderExpects() {
    assertThat(AccessLog.serverArgs(dir)).contains("--server.tomcat.accesslog.enabled=true",
        "--server.tomcat.accesslog.pattern=%{begin:msec}t %U %s %{us}T",
        "--server.tomcat.accesslog.directory=" + dir.toAbsolutePath());
  }
}
