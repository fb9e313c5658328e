package io.shopsense.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.shopsense.core.json.JsonCodec;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once across a crash, the hard way: a real server process sends a broadcast to 400 people over real SMTP
 * (GreenMail in this JVM) and is killed with SIGKILL in the middle of it; after a restart on the same data the
 * scheduler (under its lease) and the dispatchers finish the campaign. Every person gets the message, every message
 * has its one Message-ID (the delivery key), and a message sent twice can only be one whose delivery was under way at
 * the kill — and then with the same Message-ID, which a provider de-duplicates.
 */
class CampaignCrashIT {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  private static final int PEOPLE = 400;

  @TempDir
  Path dataDir;

  private String[] args() {
    return new String[] {
        "--shopsense.consent.strictly-necessary.analytics=legitimate_interests",
        "--shopsense.consent.strictly-necessary.personalisation=legitimate_interests",
        "--shopsense.campaigns.smtp.host=127.0.0.1",
        "--shopsense.campaigns.smtp.port=" + SMTP.getSmtp().getPort(),
        "--shopsense.campaigns.smtp.start-tls=false",
        "--shopsense.campaigns.smtp.from=Shop <news@shop.example>",
        "--shopsense.campaigns.smtp.message-id-domain=mail.shop.example",
        "--shopsense.campaigns.dispatch-batch=10",
        "--shopsense.campaigns.dispatch-lease=5s",
        "--shopsense.lake.enabled=false"};
  }

  @Test
  void aBroadcastKilledMidwayIsFinishedAfterARestartWithOneMessagePerPerson() throws Exception {
    String key;
    int atKill;
    try (ServerProcess server = ServerProcess.start(dataDir, args())) {
      key = server.adminKey();
      StringBuilder batch = new StringBuilder("{\"batch\":[");
      for (int i = 0; i < PEOPLE; i++) {
        batch.append(i == 0 ? "" : ",").append("{\"type\":\"identify\",\"userId\":\"u-").append(i)
            .append("\",\"messageId\":\"id-").append(i).append("\",\"traits\":{\"email\":\"u").append(i)
            .append("@crash.example\",\"name\":\"Person ").append(i).append("\"}}");
      }
      assertThat(server.post("/v1/batch", key, batch.append("]}").toString().getBytes(StandardCharsets.UTF_8))
          .statusCode()).isEqualTo(200);
      assertThat(server.put("/v1/segments/everyone", key, json("{'name':'Everyone','rule':'behaviour.events >= 1'}"))
          .statusCode()).isIn(200, 201);
      for (int i = 0; i < 600 && server.get("/v1/segments/everyone", key).path("size").asLong() < PEOPLE; i++) {
        Thread.sleep(100);
      }
      assertThat(server.get("/v1/segments/everyone", key).path("size").asLong()).isEqualTo(PEOPLE);
      assertThat(server.put("/v1/templates/notice", key, json("{'category':'transactional','locale':'en',"
          + "'subject':'Our opening hours change','text':'Hello {{person.name}}, from Monday we open at nine.'}"))
          .statusCode()).isIn(200, 201);
      // a local time already past: the scheduler runs it at its next tick, every message due at once
      String today = LocalDate.now(ZoneOffset.UTC).toString();
      assertThat(server.post("/v1/broadcasts", key, json("{'id':'hours','segment':'everyone','channel':'email',"
          + "'template':'notice','category':'transactional','date':'" + today + "','time':'00:00',"
          + "'fallbackZone':'UTC'}")).statusCode()).isEqualTo(201);
      for (int i = 0; i < 1_200 && SMTP.getReceivedMessages().length < 60; i++) {
        Thread.sleep(25);
      }
      server.kill();
      atKill = SMTP.getReceivedMessages().length;
    }
    assertThat(atKill).as("killed in the middle of the campaign").isBetween(60, PEOPLE - 1);

    try (ServerProcess restarted = ServerProcess.start(dataDir, args())) {
      for (int i = 0; i < 1_200 && recipients().size() < PEOPLE; i++) {
        Thread.sleep(100);
      }
      JsonNode broadcast = restarted.get("/v1/broadcasts/hours", key);
      assertThat(broadcast.path("status").asText()).isEqualTo("done");
    }
    assertThat(recipients()).as("every person got the message").hasSize(PEOPLE);
    Map<String, Integer> perMessageId = new HashMap<>();
    Map<String, Set<String>> idsPerRecipient = new HashMap<>();
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      perMessageId.merge(m.getMessageID(), 1, Integer::sum);
      idsPerRecipient.computeIfAbsent(to(m), k -> new HashSet<>()).add(m.getMessageID());
    }
    assertThat(perMessageId).as("one Message-ID per person").hasSize(PEOPLE);
    assertThat(idsPerRecipient.values()).as("a person's messages, if two, carry the one Message-ID")
        .allSatisfy(ids -> assertThat(ids).hasSize(1));
    long resent = perMessageId.values().stream().filter(n -> n > 1).count();
    // only deliveries under way at the kill can go twice: at most one claimed batch per dispatcher
    assertThat(resent).as("messages delivered twice (each with its key as Message-ID)").isLessThanOrEqualTo(2 * 10);
    System.out.printf("campaign crash: %d of %d sent at the kill, %d sent again after the restart%n", atKill, PEOPLE,
        resent);
  }

  private static Set<String> recipients() {
    Set<String> out = new HashSet<>();
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      out.add(to(m));
    }
    return out;
  }

  private static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] json(String singleQuoted) {
    return JsonCodec.parse(singleQuoted.replace('\'', '"')).toString().getBytes(StandardCharsets.UTF_8);
  }
}
