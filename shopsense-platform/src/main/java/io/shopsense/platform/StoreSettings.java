package io.shopsense.platform;

import java.nio.file.Path;

/**
 * Which store backend to use and how to reach it.
 *
 * @param type         a {@link StoreProvider} id: {@code embedded} (default) or {@code postgres}
 * @param dataDir      where the embedded stores keep their files (the event log under {@code events/}, the H2
 *                     database under {@code db/})
 * @param postgres     the PostgreSQL connection, used when {@code type} is {@code postgres}
 * @param logFsync     whether the embedded event log forces each group commit to disk before acknowledging
 *                     (survives power loss) or only writes it (survives a process crash)
 * @param segmentBytes the size at which the embedded event log starts a new segment file
 */
public record StoreSettings(String type, Path dataDir, Postgres postgres, boolean logFsync, long segmentBytes) {

  /** A PostgreSQL connection; {@code schema} is created if absent. */
  public record Postgres(String url, String user, String password, String schema) {
    public static Postgres defaults() {
      return new Postgres("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", "shopsense");
    }
  }

  public static StoreSettings embedded(Path dataDir) {
    return new StoreSettings("embedded", dataDir, Postgres.defaults(), true, 128L * 1024 * 1024);
  }
}
