package io.shopsense.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.json.JsonCodec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable acknowledgement, tested the hard way: several clients post batches to a real server process, which is
 * killed with SIGKILL the instant after a response arrives; after a restart every event that was acknowledged is
 * there (and every rejected one is in the quarantine), and retrying every batch stores nothing twice.
 */
class CrashIT {
  /** The events are behaviour: analytics is declared strictly necessary so they are kept (this is not about consent). */
  private static final String BEHAVIOUR_KEPT = "--shopsense.consent.strictly-necessary.analytics=legitimate_interests";
  @TempDir
  Path dataDir;

  @Test
  void everyAcknowledgedEventSurvivesAKillAndRetriesAreStoredOnce() throws Exception {
    Set<String> acked = ConcurrentHashMap.newKeySet();
    Set<Long> quarantined = ConcurrentHashMap.newKeySet();
    List<byte[]> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    String key;
    try (ServerProcess server = ServerProcess.start(dataDir, BEHAVIOUR_KEPT)) {
      key = server.adminKey();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      for (int c = 0; c < 4; c++) {
        int client = c;
        clients.submit(() -> {
          for (int b = 0; !stop.get(); b++) {
            byte[] body = batch(client, b);
            sent.add(body);
            try {
              HttpResponse<byte[]> r = server.post("/v1/batch", key, body);
              if (r.statusCode() == 200) {
                for (JsonNode e : JsonCodec.parse(r.body()).get("results")) {
                  if (e.get("status").asText().equals("rejected")) {
                    quarantined.add(e.get("quarantineId").asLong());
                  } else if (!e.get("status").asText().equals("withheld")) {
                    acked.add(e.get("messageId").asText());
                  }
                }
              }
            } catch (Exception connectionLost) {
              return null; // the server is gone: this batch was not acknowledged
            }
            if (acked.size() >= 3_000) {
              stop.set(true);
            }
          }
          return null;
        });
      }
      while (!stop.get()) {
        Thread.sleep(5);
      }
      server.kill(); // the instant the acknowledgement count was reached, with other batches in flight
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acked).hasSizeGreaterThanOrEqualTo(3_000);

    try (ServerProcess restarted = ServerProcess.start(dataDir, BEHAVIOUR_KEPT)) {
      for (String id : acked) {
        JsonNode e = restarted.get("/v1/events/" + id, key);
        assertThat(e.path("event").path("messageId").asText()).as("acknowledged event " + id).isEqualTo(id);
      }
      for (long id : quarantined) {
        assertThat(restarted.get("/v1/quarantine/" + id, key).path("reason").asText()).isEqualTo("missing_field");
      }
      long before = restarted.get("/v1/pipeline", key).get("events").asLong();
      long duplicates = 0;
      for (byte[] body : sent) {
        JsonNode answer = JsonCodec.parse(restarted.post("/v1/batch", key, body).body());
        duplicates += answer.get("duplicates").asLong();
        assertThat(answer.get("rejected").asInt()).isEqualTo(1);
      }
      long after = restarted.get("/v1/pipeline", key).get("events").asLong();
      // everything stored before the kill (acknowledged or still in flight) is recognised, nothing is stored twice
      assertThat(before).isGreaterThanOrEqualTo(acked.size());
      assertThat(duplicates).isEqualTo(before);
      assertThat(after).isEqualTo(sent.size() * 49L);
    }
  }

  /** 50 events: 49 valid ones with unique message ids and one without an event name (rejected). */
  static byte[] batch(int client, int b) {
    StringBuilder sb = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 49; i++) {
      sb.append("{\"type\":\"track\",\"event\":\"Product Viewed\",\"messageId\":\"crash-").append(client).append('-')
          .append(b).append('-').append(i).append("\",\"anonymousId\":\"anon-").append(client).append('-')
          .append(i % 7).append("\",\"properties\":{\"product_id\":\"p-").append(i).append("\"}},");
    }
    sb.append("{\"type\":\"track\",\"anonymousId\":\"anon-x\",\"properties\":{}}]}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
