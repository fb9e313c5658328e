package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Data-subject requests from the terminal: submit, list, show, download an archive, run again. */
@Command(name = "privacy", description = "Data-subject requests: access/export, rectification, erasure.",
    subcommands = {PrivacyCommand.Submit.class, PrivacyCommand.ListRequests.class, PrivacyCommand.Show.class,
        PrivacyCommand.Archive.class, PrivacyCommand.Process.class})
public class PrivacyCommand implements Runnable {
  private static final String PATH = "/v1/privacy/requests";

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** Exactly one way of naming the person. */
  static class Subject {
    @Option(names = "--user-id", required = true)
    String userId;
    @Option(names = "--anonymous-id", required = true)
    String anonymousId;
    @Option(names = "--email", required = true)
    String email;
    @Option(names = "--phone", required = true)
    String phone;
    @Option(names = "--person-id", required = true)
    String personId;

    Map<String, String> json() {
      Map<String, String> m = new LinkedHashMap<>();
      put(m, "userId", userId);
      put(m, "anonymousId", anonymousId);
      put(m, "email", email);
      put(m, "phone", phone);
      put(m, "personId", personId);
      return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
      if (v != null) {
        m.put(k, v);
      }
    }
  }

  @Command(name = "request", description = "Submit a request; it is handled at once (an erasure answers when done) "
      + "unless held.")
  static class Submit implements Runnable {
    @Mixin
    ServerOptions server;

    @Option(names = "--type", required = true, description = "access (or export), rectification, erasure")
    String type;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    @Option(names = "--trait", description = "a corrected trait, name=value (rectification; repeat for more; "
        + "the value is JSON if it parses, else text)")
    Map<String, String> traits = new LinkedHashMap<>();

    @Option(names = "--hold", description = "record it as received; handle it later with 'privacy process ID'")
    boolean hold;

    @Option(names = "--json", description = "print the raw JSON answer")
    boolean json;

    @Override
    public void run() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type);
      if (hold) {
        body.put("hold", true);
      }
      body.put("subject", subject.json());
      if (!traits.isEmpty()) {
        Map<String, Object> t = new LinkedHashMap<>();
        traits.forEach((k, v) -> t.put(k, value(v)));
        body.put("traits", t);
      }
      print(server.client().post(PATH, body), json);
    }

    private static Object value(String text) {
      try {
        return JsonCodec.toValue(JsonCodec.parse(text));
      } catch (RuntimeException notJson) {
        return text;
      }
    }
  }

  @Command(name = "list", description = "List requests, oldest first.")
  static class ListRequests implements Runnable {
    @Mixin
    ServerOptions server;

    @Option(names = "--status", description = "received, in_progress, completed or rejected")
    String status;

    @Option(names = "--overdue", description = "only open requests past their deadline")
    boolean overdue;

    @Option(names = "--limit", defaultValue = "100")
    int limit;

    @Option(names = "--json", description = "print the raw JSON answer")
    boolean json;

    @Override
    public void run() {
      StringBuilder q = new StringBuilder(PATH + "?limit=" + limit);
      if (status != null) {
        q.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
      }
      if (overdue) {
        q.append("&overdue=true");
      }
      JsonNode answer = server.client().get(q.toString());
      if (json) {
        System.out.println(answer.toPrettyString());
        return;
      }
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode r : answer.get("items")) {
        rows.add(List.of(r.get("id").asText(), r.get("type").asText(), r.get("status").asText(),
            r.get("overdue").asBoolean() ? "OVERDUE" : "", r.get("receivedAt").asText(), r.get("deadline").asText(),
            r.path("subject").asText()));
      }
      System.out.print(Tables.render(List.of("id", "type", "status", "overdue", "received", "deadline", "subject"),
          rows));
    }
  }

  @Command(name = "show", description = "Show one request with its completion report.")
  static class Show implements Runnable {
    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--json", description = "print the raw JSON answer")
    boolean json;

    @Override
    public void run() {
      print(server.client().get(PATH + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8)), json);
    }
  }

  @Command(name = "archive", description = "Download the archive (zip) of a completed access request.")
  static class Archive implements Runnable {
    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--out", required = true, description = "the zip file to write")
    Path out;

    @Override
    public void run() {
      Path tmp = out.resolveSibling(out.getFileName() + ".part");
      try (OutputStream o = Files.newOutputStream(tmp)) {
        server.client().download(PATH + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/archive", o,
            "application/zip");
      } catch (IOException e) {
        throw new CliException("cannot write " + out + ": " + e.getMessage());
      } catch (RuntimeException e) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the failure above is the one to report
        }
        throw e;
      }
      try {
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new CliException("cannot write " + out + ": " + e.getMessage());
      }
      System.out.println("wrote " + out);
    }
  }

  @Command(name = "process", description = "Handle an open request (held, or an erasure that failed half-way).")
  static class Process implements Runnable {
    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--json", description = "print the raw JSON answer")
    boolean json;

    @Override
    public void run() {
      print(server.client().post(PATH + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/process",
          Map.of()), json);
    }
  }

  static void print(JsonNode r, boolean json) {
    if (json) {
      System.out.println(r.toPrettyString());
      return;
    }
    System.out.println(r.get("id").asText() + "  " + r.get("type").asText() + "  " + r.get("status").asText()
        + (r.get("overdue").asBoolean() ? "  OVERDUE" : ""));
    System.out.println("subject: " + r.path("subject").asText() + "   person: " + r.path("person").asText(""));
    System.out.println("received: " + r.get("receivedAt").asText() + "   deadline: " + r.get("deadline").asText()
        + "   completed: " + r.path("completedAt").asText(""));
    if (!r.path("reason").isNull() && r.has("reason")) {
      System.out.println("reason: " + r.get("reason").asText());
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode l : r.get("report")) {
      rows.add(List.of(l.get("step").asText(), l.get("where").asText(), l.get("count").asText(),
          l.get("outcome").asText(), l.get("detail").asText()));
    }
    if (!rows.isEmpty()) {
      System.out.print(Tables.render(List.of("step", "where", "count", "outcome", "detail"), rows));
    }
    if (r.has("archive")) {
      System.out.println("archive: shopsense privacy archive " + r.get("id").asText() + " --out <file>.zip");
    }
  }
}
