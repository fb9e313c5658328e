package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The quarantine from the terminal: list, show, fix, replay, discard. */
@Command(name = "quarantine", description = "List, fix, replay or discard rejected records.",
    subcommands = {QuarantineCommand.ListEntries.class, QuarantineCommand.Show.class, QuarantineCommand.Fix.class,
        QuarantineCommand.Replay.class, QuarantineCommand.Discard.class})
public class QuarantineCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "list", description = "List quarantined records.")
  static class ListEntries implements Runnable {
    @Mixin
    ServerOptions server;

    @Option(names = "--status", defaultValue = "pending", description = "pending, replayed, discarded or all")
    String status;

    @Option(names = "--reason", description = "only this reason code")
    String reason;

    @Option(names = "--source", description = "only this source")
    String source;

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Option(names = "--json", description = "print the raw JSON answer")
    boolean json;

    @Override
    public void run() {
      StringBuilder q = new StringBuilder("/v1/quarantine?status=" + enc(status) + "&limit=" + limit);
      if (reason != null) {
        q.append("&reason=").append(enc(reason));
      }
      if (source != null) {
        q.append("&source=").append(enc(source));
      }
      JsonNode answer = server.client().get(q.toString());
      if (json) {
        System.out.println(answer.toPrettyString());
        return;
      }
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode e : answer.get("items")) {
        rows.add(List.of(e.get("id").asText(), e.get("status").asText(), e.get("reason").asText(),
            e.path("source").asText(), e.get("receivedAt").asText(), e.path("origin").asText(),
            e.path("detail").asText()));
      }
      System.out.print(Tables.render(List.of("id", "status", "reason", "source", "received", "origin", "detail"),
          rows));
      System.out.println("pending/replayed/discarded: " + answer.get("counts"));
    }
  }

  @Command(name = "show", description = "Show one quarantined record whole.")
  static class Show implements Runnable {
    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "ID")
    long id;

    @Override
    public void run() {
      System.out.println(server.client().get("/v1/quarantine/" + id).toPrettyString());
    }
  }

  @Command(name = "fix", description = "Replace a record with a fixed event (JSON), ready for replay.")
  static class Fix implements Runnable {
    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "ID")
    long id;

    @Option(names = "--file", required = true, description = "the fixed event as a JSON file")
    Path file;

    @Option(names = "--replay", description = "replay it right after the fix")
    boolean replay;

    @Override
    public void run() {
      String json;
      try {
        json = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliException("cannot read " + file + ": " + e.getMessage());
      }
      ApiClient client = server.client();
      client.put("/v1/quarantine/" + id, json);
      System.out.println("entry " + id + " fixed");
      if (replay) {
        System.out.println(client.post("/v1/quarantine/" + id + "/replay", Map.of()).toPrettyString());
      }
    }
  }

  @Command(name = "replay", description = "Replay one record, or every pending one (--all) through the ingest path.")
  static class Replay implements Runnable {
    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "ID", arity = "0..1")
    Long id;

    @Option(names = "--all", description = "replay every pending record (of --reason, if given)")
    boolean all;

    @Option(names = "--reason")
    String reason;

    @Option(names = "--limit", defaultValue = "1000")
    int limit;

    @Override
    public void run() {
      ApiClient client = server.client();
      if (id != null) {
        System.out.println(client.post("/v1/quarantine/" + id + "/replay", Map.of()).toPrettyString());
      } else if (all) {
        String q = "/v1/quarantine/replay?limit=" + limit + (reason == null ? "" : "&reason=" + enc(reason));
        System.out.println(client.post(q, Map.of()).get("counts").toPrettyString());
      } else {
        throw new CliException("give an ID, or --all");
      }
    }
  }

  @Command(name = "discard", description = "Give up on a record, with a note why.")
  static class Discard implements Runnable {
    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "ID")
    long id;

    @Option(names = "--note", required = true)
    String note;

    @Override
    public void run() {
      server.client().post("/v1/quarantine/" + id + "/discard", Map.of("note", note));
      System.out.println("entry " + id + " discarded");
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
