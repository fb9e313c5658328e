package io.shopsense.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.server.ServerTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The server's log never carries what a person sent: identifiers, traits and property values stay out of it, whether
 * the events are accepted, rejected, malformed or replayed.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest extends ServerTestBase {

  @Test
  void logsNoPersonalDataWhateverHappensToTheEvents(CapturedOutput output) {
    post("/v1/batch", ingestKey, batch(
        json("{'type':'identify','messageId':'priv-1','userId':'user-secret-Qzx4711','anonymousId':'anon-secret-Qzx4711',"
            + "'traits':{'email':'jane.doe.Qzx4711@example.com','phone':'+86 138 0000 Qzx4711','first_name':'Janedoe'}}"),
        json("{'type':'identify','messageId':'priv-2','userId':'user-secret-Qzx4711',"
            + "'traits':{'email':'not-an-email-Qzx4711'}}"),
        json("{'type':'track','event':'Order Completed','messageId':'priv-3','userId':'user-secret-Qzx4711',"
            + "'properties':{'revenue':-47.11,'address':'7 Secret Lane'}}")));
    post("/v1/batch", ingestKey, "{\"batch\":[{\"userId\":\"user-secret-Qzx4711\",");
    post("/v1/quarantine/replay", adminKey, "{}");
    awaitPipeline();

    assertThat(output.getAll()).doesNotContain("Qzx4711", "qzx4711", "Janedoe", "Secret Lane", "jane.doe");
  }
}
