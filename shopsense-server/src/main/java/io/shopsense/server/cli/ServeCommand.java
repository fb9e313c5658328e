package io.shopsense.server.cli;

import io.shopsense.server.ShopSenseApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Runs the server until it is stopped. */
@Command(name = "serve", description = "Run the ShopSense server.")
public class ServeCommand implements Callable<Integer> {
  private static volatile boolean running;

  @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})", defaultValue = "8080")
  int port;

  @Option(names = "--data-dir", description = "data directory (default: ${DEFAULT-VALUE})", defaultValue = "./data")
  Path dataDir;

  @Option(names = "--store", description = "embedded or postgres (default: ${DEFAULT-VALUE})",
      defaultValue = "embedded")
  String store;

  @Unmatched
  List<String> springArgs = new ArrayList<>();

  /** True once a command has started a server that should keep the JVM alive after main returns. */
  static boolean keepsRunning() {
    return running;
  }

  static void started() {
    running = true;
  }

  @Override
  public Integer call() {
    ShopSenseApplication.run(springArgs(port, dataDir, store, springArgs));
    started();
    return 0;
  }

  static String[] springArgs(int port, Path dataDir, String store, List<String> extra) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    args.add("--shopsense.store.data-dir=" + dataDir.toAbsolutePath().normalize());
    args.add("--shopsense.store.type=" + store);
    args.addAll(extra);
    return args.toArray(String[]::new);
  }
}
