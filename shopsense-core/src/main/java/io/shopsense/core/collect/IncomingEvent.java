package io.shopsense.core.collect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record offered for ingest: either a parsed JSON value ({@code node}, which may still be no object), or, when
 * it could not be parsed, its raw text and the parse problem.
 *
 * @param origin where it came from, for the quarantine: {@code api /v1/batch [3]}, {@code import x.csv line 17}
 * @param rows   how many source rows it stands for (an imported invoice of 12 lines is 12), for reconciliation
 */
public record IncomingEvent(JsonNode node, String rawText, String parseProblem, String origin, int rows) {

  public static IncomingEvent of(JsonNode node, String origin) {
    return new IncomingEvent(node, null, null, origin, 1);
  }

  public static IncomingEvent of(JsonNode node, String origin, int rows) {
    return new IncomingEvent(node, null, null, origin, rows);
  }

  public static IncomingEvent unparseable(String rawText, String problem, String origin) {
    return new IncomingEvent(null, rawText, problem, origin, 1);
  }

  /** A source row that could not become an event at all (e.g. a CSV row with the wrong number of columns). */
  public static IncomingEvent unmappable(String rawText, String problem, String origin) {
    return new IncomingEvent(null, rawText, "unmappable:" + problem, origin, 1);
  }
}
