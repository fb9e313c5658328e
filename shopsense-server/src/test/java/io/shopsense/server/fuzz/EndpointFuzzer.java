package io.shopsense.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.server.ServerTestBase.Answer;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Sends seeded hostile variants of an endpoint's valid bodies and checks each answer: never a 5xx, every 4xx a
 * problem with a machine-readable {@code code}, plus what the endpoint's own {@link Oracle} adds (for ingest: what
 * was stored). To fuzz another JSON endpoint, e.g. consents:
 *
 * <pre>{@code
 * EndpointFuzzer.run(2026, 300, List.of(consentTemplate), (i, t) -> t,
 *     body -> post("/v1/consents", adminKey, "application/json", body), EndpointFuzzer.Oracle.NONE);
 * }</pre>
 */
public final class EndpointFuzzer {
  private EndpointFuzzer() {}

  /** Further checks of one answer, after the common ones; {@code before} is what {@link Oracle#before} returned. */
  public interface Oracle {
    Oracle NONE = (c, a, before) -> { };

    /** Called before each request, for state to compare with (an event log's last position). */
    default long before() {
      return 0;
    }

    void check(HostileJson.Case c, Answer answer, long before);
  }

  /** What to send: the raw bytes of a body, answered by the server. */
  public interface Sender {
    Answer send(byte[] body);
  }

  /**
   * Sends {@code cases} variants, cycling through {@code templates}; {@code prepare} gets the case number and a copy of
   * the template, to make each case unique (a message id). Returns how many answers were 2xx.
   */
  public static int run(long seed, int cases, List<? extends JsonNode> templates,
      BiFunction<Integer, ObjectNode, ObjectNode> prepare, Sender sender, Oracle oracle) {
    HostileJson generator = new HostileJson(seed);
    int ok = 0;
    for (int i = 0; i < cases; i++) {
      ObjectNode template = prepare.apply(i, ((ObjectNode) templates.get(i % templates.size())).deepCopy());
      HostileJson.Case c = generator.next(template);
      long before = oracle.before();
      Answer a = sender.send(c.body());
      String what = "case " + i + " of seed " + seed + ": " + c.describe() + " -> " + a.status() + " " + a.body();
      assertThat(a.status()).as(what).isBetween(200, 499);
      if (a.status() >= 400) {
        assertThat(a.body().path("code").asText()).as("a problem code for " + what).isNotEmpty();
      } else {
        ok++;
      }
      oracle.check(c, a, before);
    }
    return ok;
  }
}
