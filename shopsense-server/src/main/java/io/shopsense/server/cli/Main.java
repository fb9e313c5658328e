package io.shopsense.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shopsense} command line: runs the server, and talks to a running one. */
@Command(name = "shopsense", mixinStandardHelpOptions = true, version = "ShopSense 0.1.0",
    description = "Precision marketing for online shops.",
    subcommands = {ServeCommand.class, DemoCommand.class, ImportCommand.class, QuarantineCommand.class,
        QualityCommand.class, SqlCommand.class, ProfileCommand.class, SegmentCommand.class, KeysCommand.class,
        CryptoCommand.class, BenchCommand.class, EvalCommand.class, AuditCommand.class, UsersCommand.class, PrivacyCommand.class, CommandLine.HelpCommand.class})
public class Main implements Runnable {

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0 || !ServeCommand.keepsRunning()) {
      System.exit(code);
    }
  }

  /** The command line with ShopSense's error handling: a failure is one clear line on stderr and exit code 1. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof CliException c) {
        commandLine.getErr().println("shopsense: " + c.getMessage());
        if (c.body() != null && c.body().has("violations")) {
          commandLine.getErr().println(c.body().get("violations").toPrettyString());
        }
        return 1;
      }
      throw e;
    });
    return cli;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
