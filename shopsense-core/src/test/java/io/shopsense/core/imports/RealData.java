package io.shopsense.core.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The public data sets beside the project ({@code SHOPSENSE_DATA}, else {@code <project>/../shared/data}). Absent
 * data aborts a test loudly, and fails it under {@code CI=true}.
 */
public final class RealData {
  private RealData() {}

  public static Path folder() {
    String env = System.getenv("SHOPSENSE_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String root = System.getProperty("shopsense.root");
    Path project = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    return project.resolve("../shared/data").normalize();
  }

  /** The file or folder under the data folder; aborts (or under CI fails) the test when it is absent. */
  public static Path require(String relative) {
    Path p = folder().resolve(relative);
    if (!Files.exists(p)) {
      String message = "REAL DATA ABSENT: " + p + " (set SHOPSENSE_DATA to the shared data folder)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      System.err.println("!!! " + message + " - test skipped");
      Assumptions.abort(message);
    }
    return p;
  }
}
