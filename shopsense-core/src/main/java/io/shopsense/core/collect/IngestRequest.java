package io.shopsense.core.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.id.SourceId;
import java.time.Instant;

/**
 * The circumstances of one ingest call.
 *
 * @param source       the source the events are recorded under (from the API key)
 * @param receivedAt   when the request arrived
 * @param batchSentAt  the batch's own {@code sentAt} (applies to events without one), or null
 * @param batchContext the batch's {@code context} (its keys apply to events that lack them), or null
 * @param mode         live tracking or an import of history
 */
public record IngestRequest(SourceId source, Instant receivedAt, Instant batchSentAt, JsonNode batchContext,
    IngestMode mode) {

  public static IngestRequest live(SourceId source, Instant receivedAt) {
    return new IngestRequest(source, receivedAt, null, null, IngestMode.LIVE);
  }

  public static IngestRequest historical(SourceId source, Instant receivedAt) {
    return new IngestRequest(source, receivedAt, null, null, IngestMode.HISTORICAL);
  }
}
