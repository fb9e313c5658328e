package io.shopsense.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every command that talks to a running server. */
public class ServerOptions {
  @Option(names = "--server", description = "the server's URL (default: $SHOPSENSE_URL or http://localhost:8080)")
  String server;

  @Option(names = "--key", description = "an API key (default: $SHOPSENSE_API_KEY, else <data-dir>/admin-key)")
  String key;

  @Option(names = "--data-dir", description = "where to find the admin key file (default: ${DEFAULT-VALUE})",
      defaultValue = "./data")
  Path dataDir;

  public Path dataDir() {
    return dataDir;
  }

  public ApiClient client() {
    String url = server != null ? server
        : System.getenv("SHOPSENSE_URL") != null ? System.getenv("SHOPSENSE_URL") : "http://localhost:8080";
    return new ApiClient(url, ApiClient.resolveKey(key, dataDir));
  }
}
