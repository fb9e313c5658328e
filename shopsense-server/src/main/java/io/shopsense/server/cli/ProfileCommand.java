package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Profiles and the reports over them, from a running server. */
@Command(name = "profile", description = "Read profiles, the RFM grid and the lifecycle distribution and flows.",
    subcommands = {ProfileCommand.Get.class, ProfileCommand.ListProfiles.class, ProfileCommand.Timeline.class,
        ProfileCommand.Rfm.class, ProfileCommand.Lifecycle.class, ProfileCommand.Refresh.class})
public class ProfileCommand implements Runnable {
  @Override
  public void run() {
    throw new CliException("give a subcommand: get, list, timeline, rfm, lifecycle, refresh");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** One profile by any identifier or person id. */
  @Command(name = "get", description = "Show one profile, by --user-id, --anonymous-id, --email, --phone or --person.")
  static class Get implements Runnable {
    @Mixin
    ServerOptions server;
    @Option(names = "--user-id")
    String userId;
    @Option(names = "--anonymous-id")
    String anonymousId;
    @Option(names = "--email")
    String email;
    @Option(names = "--phone")
    String phone;
    @Option(names = "--person")
    String person;

    @Override
    public void run() {
      String path = person != null ? "/v1/profiles/" + enc(person)
          : userId != null ? "/v1/profiles?userId=" + enc(userId)
          : anonymousId != null ? "/v1/profiles?anonymousId=" + enc(anonymousId)
          : email != null ? "/v1/profiles?email=" + enc(email)
          : phone != null ? "/v1/profiles?phone=" + enc(phone) : null;
      if (path == null) {
        throw new CliException("give --user-id, --anonymous-id, --email, --phone or --person");
      }
      System.out.println(server.client().get(path).toPrettyString());
    }
  }

  @Command(name = "list", description = "List profiles, optionally of a lifecycle --stage, an --rfm-segment or a --segment.")
  static class ListProfiles implements Runnable {
    @Mixin
    ServerOptions server;
    @Option(names = "--stage")
    String stage;
    @Option(names = "--rfm-segment")
    String rfmSegment;
    @Option(names = "--segment")
    String segment;
    @Option(names = "--after", description = "the cursor printed after the previous page")
    String after;
    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Override
    public void run() {
      StringBuilder q = new StringBuilder("/v1/profiles?limit=" + limit);
      if (stage != null) {
        q.append("&stage=").append(enc(stage));
      }
      if (rfmSegment != null) {
        q.append("&rfmSegment=").append(enc(rfmSegment));
      }
      if (segment != null) {
        q.append("&segment=").append(enc(segment));
      }
      if (after != null) {
        q.append("&after=").append(enc(after));
      }
      JsonNode r = server.client().get(q.toString());
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode p : r.get("items")) {
        JsonNode f = p.get("facts");
        rows.add(List.of(p.get("person").asText(), f.get("lifecycleStage").asText(),
            f.path("rfmSegment").asText(""), f.get("orders").asText(), f.get("netRevenue").asText(),
            f.get("lastSeen").asText()));
      }
      System.out.print(Tables.render(List.of("person", "stage", "rfm segment", "orders", "net revenue",
          "last seen"), rows));
      if (!r.path("next").isNull() && r.has("next")) {
        System.out.println("next page: --after " + r.get("next").asText());
      }
    }
  }

  @Command(name = "timeline", description = "A person's latest events and profile changes.")
  static class Timeline implements Runnable {
    @Mixin
    ServerOptions server;
    @Option(names = "--person", required = true)
    String person;
    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Override
    public void run() {
      JsonNode r = server.client().get("/v1/profiles/" + enc(person) + "/timeline?limit=" + limit);
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode e : r.get("items")) {
        rows.add(List.of(e.get("at").asText(), e.get("kind").asText(), e.get("name").asText(),
            e.path("detail").asText("")));
      }
      System.out.print(Tables.render(List.of("at", "kind", "name", "detail"), rows));
    }
  }

  @Command(name = "rfm", description = "The RFM grid: customers per recency and frequency/monetary score, by segment.")
  static class Rfm implements Runnable {
    @Mixin
    ServerOptions server;
    @Option(names = "--json", description = "print the raw JSON answer")
    boolean json;

    @Override
    public void run() {
      JsonNode r = server.client().get("/v1/rfm/grid");
      if (json) {
        System.out.println(r.toPrettyString());
        return;
      }
      System.out.println("Customers scored: " + r.get("customers").asText());
      List<List<String>> rows = new ArrayList<>();
      long[][] grid = new long[6][6];
      for (JsonNode c : r.get("grid")) {
        grid[c.get("recency").asInt()][c.get("frequencyMonetary").asInt()] = c.get("persons").asLong();
      }
      for (int rec = 5; rec >= 1; rec--) {
        List<String> row = new ArrayList<>();
        row.add("R" + rec);
        for (int fm = 1; fm <= 5; fm++) {
          row.add(Long.toString(grid[rec][fm]));
        }
        rows.add(row);
      }
      System.out.print(Tables.render(List.of("", "FM1", "FM2", "FM3", "FM4", "FM5"), rows));
      List<List<String>> segs = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = r.get("bySegment").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        segs.add(List.of(e.getKey(), e.getValue().asText()));
      }
      System.out.print(Tables.render(List.of("rfm segment", "customers"), segs));
    }
  }

  @Command(name = "lifecycle", description = "Persons per lifecycle stage, and the flows between stages over time.")
  static class Lifecycle implements Runnable {
    @Mixin
    ServerOptions server;
    @Option(names = "--from", description = "ISO instant (default: 90 days ago)")
    String from;
    @Option(names = "--to", description = "ISO instant (default: now)")
    String to;
    @Option(names = "--bucket", defaultValue = "week", description = "day, week or month")
    String bucket;

    @Override
    public void run() {
      JsonNode d = server.client().get("/v1/lifecycle/distribution");
      List<List<String>> rows = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = d.get("stages").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        rows.add(List.of(e.getKey(), e.getValue().asText()));
      }
      System.out.print(Tables.render(List.of("stage", "persons"), rows));
      System.out.println("windows: " + d.get("windows"));
      String q = "/v1/lifecycle/flows?bucket=" + enc(bucket) + (from == null ? "" : "&from=" + enc(from))
          + (to == null ? "" : "&to=" + enc(to));
      JsonNode f = server.client().get(q);
      List<List<String>> flows = new ArrayList<>();
      for (JsonNode e : f.get("flows")) {
        flows.add(List.of(e.get("start").asText(), e.path("from").asText("(none)"), e.get("to").asText(),
            e.get("persons").asText()));
      }
      System.out.print(Tables.render(List.of(bucket + " from", "from", "to", "persons"), flows));
    }
  }

  @Command(name = "refresh", description = "Refit the RFM model and bring time-driven changes up to date now.")
  static class Refresh implements Runnable {
    @Mixin
    ServerOptions server;

    @Override
    public void run() {
      System.out.println(server.client().post("/v1/profiles/refresh", Map.of()).toPrettyString());
    }
  }
}
