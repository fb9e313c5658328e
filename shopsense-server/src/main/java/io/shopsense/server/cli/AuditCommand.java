package io.shopsense.server.cli;

import io.shopsense.core.audit.AuditVerification;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.platform.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The audit log, offline against a data directory no server is using. */
@Command(name = "audit", description = "Check the audit log.", subcommands = AuditCommand.Verify.class)
public class AuditCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** Recomputes the hash chain; exit code 0 when intact, 2 when tampered with, 1 when it cannot run. */
  @Command(name = "verify", description = "Recompute the audit log's hash chain and report the first broken entry. "
      + "Exit code 0: intact; 2: tampered with.")
  static class Verify implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "./data", description = "data directory (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() {
      AuditVerification v;
      // not started: no pipeline, no follower; only the stores and the anchor file are read
      try (Platform platform = open(dataDir)) {
        v = platform.audit().verify();
      }
      if (v instanceof AuditVerification.Intact i) {
        System.out.println("audit log intact: " + i.entries() + " entries, head " + i.headHash());
        return 0;
      }
      AuditVerification.Broken b = (AuditVerification.Broken) v;
      System.out.println("AUDIT LOG TAMPERED WITH at entry " + b.seq() + ": " + b.reason() + " (" + b.detail() + ")");
      return 2;
    }

    private static Platform open(Path dataDir) {
      try {
        return Platform.open(OfflinePlatform.settings(dataDir), Clock.systemUTC(), PersonIds.random(),
            IngestListener.NONE);
      } catch (IllegalStateException | io.shopsense.store.jdbc.JdbcStoreException e) {
        throw new CliException("cannot open " + dataDir + " (" + e.getMessage() + "); is a server running on it? "
            + "Then ask it: GET /v1/audit/verify");
      }
    }
  }
}
