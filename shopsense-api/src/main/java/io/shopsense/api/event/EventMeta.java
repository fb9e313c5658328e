package io.shopsense.api.event;

import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * What every event carries besides its payload.
 *
 * @param messageId         unique per event; a retry carries the same one
 * @param anonymousId       the visitor's device/cookie id, or null when only {@code userId} is known
 * @param userId            the shop's customer id, or null for an anonymous visitor
 * @param timestamp         when it happened, corrected for the sender's clock skew
 *                          ({@code receivedAt - (sentAt - originalTimestamp)})
 * @param originalTimestamp when it happened by the sender's clock
 * @param sentAt            when the sender sent it by its clock, or null
 * @param receivedAt        when ShopSense received it
 * @param source            the source (API key or import) it came through
 * @param context           where and how it happened
 */
public record EventMeta(
    MessageId messageId,
    AnonymousId anonymousId,
    UserId userId,
    Instant timestamp,
    Instant originalTimestamp,
    Instant sentAt,
    Instant receivedAt,
    SourceId source,
    Context context) {

  public EventMeta {
    if (messageId == null || timestamp == null || receivedAt == null || source == null) {
      throw new IllegalArgumentException("messageId, timestamp, receivedAt and source are required");
    }
    if (anonymousId == null && userId == null) {
      throw new IllegalArgumentException("an event needs an anonymousId or a userId");
    }
    originalTimestamp = originalTimestamp == null ? timestamp : originalTimestamp;
    context = context == null ? Context.EMPTY : context;
  }

  public Optional<AnonymousId> anonymous() {
    return Optional.ofNullable(anonymousId);
  }

  public Optional<UserId> user() {
    return Optional.ofNullable(userId);
  }
}
