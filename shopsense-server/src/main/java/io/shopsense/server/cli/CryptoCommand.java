package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The key ring from the terminal, through the running server (which holds the stores and the keys). */
@Command(name = "crypto", description = "Key ring status and key rotation.",
    subcommands = {CryptoCommand.Status.class, CryptoCommand.Rotate.class})
public class CryptoCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "status", description = "The data keys, the primary one, and how many values each store holds "
      + "plain, under the primary key and under older keys.")
  static class Status implements Runnable {
    @Mixin
    ServerOptions server;

    @Override
    public void run() {
      JsonNode s = server.client().get("/v1/crypto/keys");
      JsonNode keys = s.get("keys");
      System.out.println("key directory: " + keys.get("keyDir").asText());
      System.out.println("master key:    " + keys.get("masterKeyId").asText() + " (" + keys.get("masterKeySource")
          .asText() + ")");
      System.out.println("primary key:   " + keys.get("primary").asInt());
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode k : keys.get("dataKeys")) {
        rows.add(List.of(k.get("id").asText(), k.get("createdAt").asText()));
      }
      System.out.print(Tables.render(List.of("data key", "created"), rows));
      List<List<String>> stores = new ArrayList<>();
      s.get("stores").fields().forEachRemaining(e -> stores.add(List.of(e.getKey(),
          e.getValue().get("plain").asText(), e.getValue().get("current").asText(), e.getValue().get("older").asText())));
      System.out.print(Tables.render(List.of("store", "plain", "primary key", "older keys"), stores));
    }
  }

  @Command(name = "rotate", description = "Make a new data key primary and re-encrypt stored values under it.")
  static class Rotate implements Runnable {
    @Mixin
    ServerOptions server;

    @Option(names = "--no-reseal", description = "only rotate; leave old values under their keys for now")
    boolean noReseal;

    @Option(names = "--master", description = "also re-wrap the ring under a new master key")
    boolean master;

    @Option(names = "--new-master-key-env", paramLabel = "VAR", description = "with --master, when the master key "
        + "comes from SHOPSENSE_MASTER_KEY: the environment variable holding the new one")
    String newMasterKeyEnv;

    @Override
    public void run() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("reseal", !noReseal);
      body.put("master", master);
      if (newMasterKeyEnv != null) {
        String key = System.getenv(newMasterKeyEnv);
        if (key == null || key.isBlank()) {
          throw new CliException("the environment variable " + newMasterKeyEnv + " is not set");
        }
        body.put("newMasterKey", key);
      }
      JsonNode r = server.client().post("/v1/crypto/keys/rotate", body);
      if (r.has("masterKeyId")) {
        System.out.println("master key: " + r.get("masterKeyId").asText());
      }
      System.out.println("primary data key: " + r.get("primary").asInt());
      r.get("resealed").fields().forEachRemaining(e -> System.out.println("re-encrypted in " + e.getKey() + ": "
          + e.getValue().asLong()));
    }
  }
}
