package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** API keys from the terminal. */
@Command(name = "keys", description = "Issue, list and revoke API keys.",
    subcommands = {KeysCommand.Issue.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public class KeysCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "issue", description = "Issue a key; its secret is printed once.")
  static class Issue implements Runnable {
    @Mixin
    ServerOptions server;

    @Option(names = "--source", required = true, description = "the source its events are recorded under")
    String source;

    @Option(names = "--scopes", required = true, split = ",", description = "ingest, read, admin")
    String[] scopes;

    @Override
    public void run() {
      JsonNode key = server.client().post("/v1/keys", Map.of("source", source, "scopes", Arrays.asList(scopes)));
      System.out.println("id:     " + key.get("id").asText());
      System.out.println("scopes: " + key.get("scopes"));
      System.out.println("secret: " + key.get("secret").asText() + "   (shown only now)");
    }
  }

  @Command(name = "list", description = "List keys (without secrets).")
  static class ListKeys implements Runnable {
    @Mixin
    ServerOptions server;

    @Override
    public void run() {
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode k : server.client().get("/v1/keys")) {
        rows.add(List.of(k.get("id").asText(), k.get("source").asText(), k.get("scopes").toString(),
            k.get("hint").asText(), k.get("createdAt").asText(), k.path("revokedAt").asText("")));
      }
      System.out.print(Tables.render(List.of("id", "source", "scopes", "hint", "created", "revoked"), rows));
    }
  }

  @Command(name = "revoke", description = "Revoke a key.")
  static class Revoke implements Runnable {
    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public void run() {
      server.client().post("/v1/keys/" + id + "/revoke", Map.of());
      System.out.println("revoked " + id);
    }
  }
}
