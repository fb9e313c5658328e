package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The data-quality report in the terminal. */
@Command(name = "quality", description = "Show the data-quality report: accepted, duplicates, late, rejected by reason.")
public class QualityCommand implements Runnable {
  @Mixin
  ServerOptions server;

  @Option(names = "--from", description = "first day, YYYY-MM-DD (default: 6 days before --to)")
  String from;

  @Option(names = "--to", description = "last day, YYYY-MM-DD (default: today, UTC)")
  String to;

  @Option(names = "--json", description = "print the raw JSON answer")
  boolean json;

  @Override
  public void run() {
    String q = "/v1/quality?" + (from == null ? "" : "from=" + from + "&") + (to == null ? "" : "to=" + to);
    JsonNode r = server.client().get(q);
    if (json) {
      System.out.println(r.toPrettyString());
      return;
    }
    System.out.println("Data quality " + r.get("from").asText() + " .. " + r.get("to").asText());
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("(all sources)", r.get("total")));
    for (Iterator<Map.Entry<String, JsonNode>> it = r.get("bySource").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      rows.add(row(e.getKey(), e.getValue()));
    }
    System.out.print(Tables.render(List.of("source", "accepted", "duplicates", "late", "historical", "rejected",
        "rejected by reason"), rows));
  }

  private static List<String> row(String name, JsonNode f) {
    return List.of(name, f.get("accepted").asText(), f.get("duplicates").asText(), f.get("late").asText(),
        f.get("historical").asText(), f.get("rejected").asText(), f.get("rejectedByReason").toString());
  }
}
