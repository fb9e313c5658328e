package io.shopsense.server.cli;

import static io.shopsense.server.cli.ProfileCommand.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Segments on a running server: list, show, save, preview, delete, export members, size history. */
@Command(name = "segment", description = "Create, preview, list and export segments.",
    subcommands = {SegmentCommand.ListSegments.class, SegmentCommand.Show.class, SegmentCommand.Save.class,
        SegmentCommand.Preview.class, SegmentCommand.Delete.class, SegmentCommand.Export.class,
        SegmentCommand.History.class})
public class SegmentCommand implements Runnable {
  @Override
  public void run() {
    throw new CliException("give a subcommand: list, show, save, preview, delete, export, history");
  }

  /** The rule from --rule or --rule-file. */
  static String rule(String rule, Path file) {
    if ((rule == null) == (file == null)) {
      throw new CliException("give the rule with --rule TEXT or --rule-file FILE");
    }
    try {
      return rule != null ? rule : Files.readString(file);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage());
    }
  }

  @Command(name = "list", description = "Every segment with its size.")
  static class ListSegments implements Runnable {
    @Mixin
    ServerOptions server;

    @Override
    public void run() {
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode s : server.client().get("/v1/segments").get("items")) {
        rows.add(List.of(s.get("id").asText(), s.get("name").asText(), s.get("size").asText(),
            s.get("rule").asText()));
      }
      System.out.print(Tables.render(List.of("id", "name", "size", "rule"), rows));
    }
  }

  @Command(name = "show", description = "One segment, with its rule in text and JSON form.")
  static class Show implements Runnable {
    @Mixin
    ServerOptions server;
    @Parameters(index = "0", description = "the segment id")
    String id;

    @Override
    public void run() {
      System.out.println(server.client().get("/v1/segments/" + enc(id)).toPrettyString());
    }
  }

  @Command(name = "save", description = "Create or change a segment.")
  static class Save implements Runnable {
    @Mixin
    ServerOptions server;
    @Parameters(index = "0", description = "the segment id: lower-case letters, digits, - and _")
    String id;
    @Option(names = "--name", required = true)
    String name;
    @Option(names = "--description")
    String description;
    @Option(names = "--rule", description = "the rule, e.g. \"lifecycle = 'silent' and rfm.monetary >= 4\"")
    String rule;
    @Option(names = "--rule-file", description = "a file holding the rule")
    Path ruleFile;

    @Override
    public void run() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("description", description);
      body.put("rule", rule(rule, ruleFile));
      try {
        JsonNode r = server.client().put("/v1/segments/" + enc(id),
            io.shopsense.core.json.JsonCodec.mapper().writeValueAsString(body));
        System.out.println("saved " + r.get("id").asText() + " (version " + r.get("version").asText() + "): "
            + r.get("rule").asText());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Command(name = "preview", description = "The size and a sample of a rule over the whole base, without saving.")
  static class Preview implements Runnable {
    @Mixin
    ServerOptions server;
    @Option(names = "--rule")
    String rule;
    @Option(names = "--rule-file")
    Path ruleFile;

    @Override
    public void run() {
      JsonNode r = server.client().post("/v1/segments/preview", Map.of("rule", rule(rule, ruleFile)));
      System.out.println(r.get("size").asText() + " of " + r.get("profiles").asText() + " profiles match "
          + r.get("rule").asText() + " (" + r.get("millis").asText() + " ms)");
      System.out.println("sample: " + r.get("sample"));
    }
  }

  @Command(name = "delete", description = "Delete a segment no other segment refers to.")
  static class Delete implements Runnable {
    @Mixin
    ServerOptions server;
    @Parameters(index = "0")
    String id;

    @Override
    public void run() {
      server.client().delete("/v1/segments/" + enc(id));
      System.out.println("deleted " + id);
    }
  }

  @Command(name = "export", description = "Every member of a segment as CSV (to --out or the terminal) or JSON.")
  static class Export implements Runnable {
    @Mixin
    ServerOptions server;
    @Parameters(index = "0")
    String id;
    @Option(names = "--format", defaultValue = "csv", description = "csv or json")
    String format;
    @Option(names = "--out", description = "the file to write (default: the terminal)")
    Path out;

    @Override
    public void run() {
      try (OutputStream o = out == null ? terminal() : Files.newOutputStream(out)) {
        if ("csv".equals(format)) {
          server.client().download("/v1/segments/" + enc(id) + "/members?format=csv", o);
        } else if ("json".equals(format)) {
          List<String> all = new ArrayList<>();
          String after = null;
          do {
            JsonNode page = server.client().get("/v1/segments/" + enc(id) + "/members?limit=10000"
                + (after == null ? "" : "&after=" + enc(after)));
            page.get("items").forEach(n -> all.add(n.asText()));
            after = page.path("next").isNull() || page.path("next").isMissingNode() ? null
                : page.get("next").asText();
          } while (after != null);
          o.write(io.shopsense.core.json.JsonCodec.mapper().writeValueAsBytes(Map.of("segment", id,
              "members", all)));
          o.write('\n');
        } else {
          throw new CliException("--format is csv or json");
        }
        o.flush();
      } catch (IOException e) {
        throw new CliException("cannot write: " + e.getMessage());
      }
    }
  }

  /** Standard output, flushed but left open when the export closes it. */
  static OutputStream terminal() {
    return new java.io.FilterOutputStream(System.out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  @Command(name = "history", description = "A segment's size over time.")
  static class History implements Runnable {
    @Mixin
    ServerOptions server;
    @Parameters(index = "0")
    String id;

    @Override
    public void run() {
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode p : server.client().get("/v1/segments/" + enc(id) + "/history").get("sizes")) {
        rows.add(List.of(p.get("at").asText(), p.get("size").asText()));
      }
      System.out.print(Tables.render(List.of("at", "size"), rows));
    }
  }
}
