package io.shopsense.core.collect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.event.EventType;
import io.shopsense.api.event.StandardEvent;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.UserId;
import io.shopsense.core.collect.ConsentUpdated;
import io.shopsense.core.collect.RecommendationEvents;
import io.shopsense.core.collect.IngestMode;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.collect.IngestSettings;
import io.shopsense.core.collect.IsoTime;
import io.shopsense.core.collect.RejectReason;
import io.shopsense.core.collect.Violation;
import io.shopsense.core.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one incoming event against the tracking spec and the ingest settings and, when it passes, turns it into
 * its canonical form: the event as sent, plus the message id (derived from the content when absent, so that an
 * identical retry is still recognised), ids as strings, the clock-skew-corrected {@code timestamp}, the
 * {@code originalTimestamp}, {@code receivedAt} and {@code source}. Nothing the sender put in is dropped.
 */
public final class EventPreparer {

  /** The result of preparing one event: an envelope, or the violations (and the message id, if one was given). */
  public record Prepared(EventEnvelope envelope, List<Violation> violations, String messageId) {
    public boolean ok() {
      return envelope != null;
    }
  }

  private final IngestSettings settings;
  private final CommerceRules commerce;

  public EventPreparer(IngestSettings settings) {
    this.settings = settings;
    this.commerce = new CommerceRules(settings.maxIdLength());
  }

  public Prepared prepare(JsonNode node, IngestRequest request) {
    if (node == null || !node.isObject()) {
      return rejected(null, new Violation(RejectReason.NOT_AN_OBJECT, "", "an event must be a JSON object"));
    }
    ObjectNode event = (ObjectNode) node;
    Checks checks = new Checks();
    EventType type = type(event, checks);
    String messageId = checks.id(event, "messageId", "", settings.maxIdLength());
    String anonymousId = checks.id(event, "anonymousId", "", settings.maxIdLength());
    String userId = checks.id(event, "userId", "", settings.maxIdLength());
    Instant original = Timestamps.parse(event, Checks.present(event.get("originalTimestamp")) ? "originalTimestamp"
        : "timestamp", checks);
    Instant sentAt = Timestamps.parse(event, "sentAt", checks);
    if (sentAt == null) {
      sentAt = request.batchSentAt();
    }
    mergeBatchContext(event, request.batchContext());
    context(event, checks);
    String name = null;
    String previousId = null;
    if (type != null && checks.ok()) {
      switch (type) {
        case TRACK -> name = track(event, checks);
        case PAGE, SCREEN -> {
          name = checks.text(event, "name", "", settings.maxNameLength());
          checks.object(event, "properties", "");
        }
        case IDENTIFY -> traits(event, checks);
        case ALIAS -> {
          previousId = checks.id(event, "previousId", "", settings.maxIdLength());
          if (previousId == null && checks.ok()) {
            checks.add(RejectReason.MISSING_FIELD, "previousId", "an alias needs the previous id");
          }
          if (userId == null && checks.ok()) {
            checks.add(RejectReason.MISSING_IDENTITY, "userId", "an alias needs the user id");
          }
        }
        default -> throw new IllegalStateException("unhandled type " + type);
      }
    }
    if (anonymousId == null && userId == null && checks.ok()) {
      checks.add(RejectReason.MISSING_IDENTITY, "", "an event needs a userId or an anonymousId");
    }
    Instant timestamp = null;
    if (checks.ok()) {
      timestamp = correctedTime(original, sentAt, request.receivedAt());
      checkTime(timestamp, request, checks);
    }
    if (!checks.ok()) {
      return new Prepared(null, checks.violations(), messageId);
    }
    if (messageId == null) {
      messageId = derivedMessageId(event, request);
    }
    Instant receivedAt = request.receivedAt().truncatedTo(ChronoUnit.MICROS);
    canonicalise(event, type, messageId, anonymousId, userId, name, timestamp, original, sentAt, receivedAt,
        request);
    byte[] json = JsonCodec.bytes(event);
    if (json.length > settings.maxEventBytes()) {
      return rejected(messageId, new Violation(RejectReason.TOO_LARGE, "",
          "the event is " + json.length + " bytes; at most " + settings.maxEventBytes() + " are accepted"));
    }
    String envelopeName = type == EventType.TRACK ? name : type == EventType.PAGE || type == EventType.SCREEN
        ? (name == null ? "" : name) : type.wireName();
    return new Prepared(new EventEnvelope(MessageId.of(messageId), type, envelopeName,
        anonymousId == null ? null : AnonymousId.of(anonymousId), userId == null ? null : UserId.of(userId),
        previousId, timestamp, receivedAt, request.source(), json), List.of(), messageId);
  }

  private static Prepared rejected(String messageId, Violation violation) {
    return new Prepared(null, List.of(violation), messageId);
  }

  private static EventType type(ObjectNode event, Checks checks) {
    JsonNode t = event.get("type");
    if (!Checks.present(t)) {
      checks.add(RejectReason.UNKNOWN_TYPE, "type", "the call type is required");
      return null;
    }
    Optional<EventType> type = t.isTextual() ? EventType.fromWire(t.textValue().toLowerCase(Locale.ROOT))
        : Optional.empty();
    if (type.isEmpty()) {
      checks.add(RejectReason.UNKNOWN_TYPE, "type", "must be one of identify, track, page, screen, alias");
      return null;
    }
    return type.get();
  }

  private String track(ObjectNode event, Checks checks) {
    JsonNode n = event.get("event");
    if (!Checks.present(n) || (n.isTextual() && n.textValue().isBlank())) {
      checks.add(RejectReason.MISSING_FIELD, "event", "a track call needs the event name");
      return null;
    }
    if (!n.isTextual()) {
      checks.add(RejectReason.INVALID_TYPE, "event", "expected a string");
      return null;
    }
    String name = n.textValue().strip();
    if (name.length() > settings.maxNameLength() || Checks.hasControl(name)) {
      checks.add(RejectReason.INVALID_NAME, "event",
          "at most " + settings.maxNameLength() + " characters, no control characters");
      return null;
    }
    JsonNode props = checks.object(event, "properties", "");
    if (ConsentUpdated.is(name)) {
      ConsentUpdated.check(props).forEach(v -> checks.add(v.reason(), v.path(), v.message()));
      return ConsentUpdated.NAME;
    }
    if (RecommendationEvents.is(name)) {
      RecommendationEvents.check(props).forEach(v -> checks.add(v.reason(), v.path(), v.message()));
      return name;
    }
    Optional<StandardEvent> standard = StandardEvent.byName(name);
    if (standard.isPresent()) {
      commerce.check(standard.get(), props == null ? JsonCodec.mapper().createObjectNode() : props, checks);
      return standard.get().wireName();
    }
    if (settings.knownEventsOnly() && !settings.customEvents().contains(name)) {
      checks.add(RejectReason.UNKNOWN_EVENT, "event", "not a standard event nor a declared custom event");
    }
    return name;
  }

  private void traits(ObjectNode event, Checks checks) {
    JsonNode traits = checks.object(event, "traits", "");
    if (traits == null) {
      return;
    }
    String email = checks.text(traits, "email", "traits", 320);
    if (email != null && !email.isBlank() && !looksLikeEmail(email.strip())) {
      checks.add(RejectReason.INVALID_VALUE, "traits.email", "not an email address");
    }
    checks.text(traits, "phone", "traits", 50);
  }

  static boolean looksLikeEmail(String s) {
    int at = s.indexOf('@');
    return at > 0 && at == s.lastIndexOf('@') && s.indexOf('.', at) > at + 1 && !s.endsWith(".")
        && s.chars().noneMatch(Character::isWhitespace);
  }

  private void context(ObjectNode event, Checks checks) {
    JsonNode ctx = checks.object(event, "context", "");
    if (ctx == null) {
      return;
    }
    String zone = checks.text(ctx, "timezone", "context", 64);
    if (zone != null) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException unknownZone) {
        checks.add(RejectReason.INVALID_VALUE, "context.timezone", "not an IANA time zone");
      }
    }
    checks.text(ctx, "locale", "context", 35);
    checks.text(ctx, "channel", "context", 50);
    checks.id(ctx, "sessionId", "context", settings.maxIdLength());
    checks.object(ctx, "page", "context");
    checks.object(ctx, "campaign", "context");
    checks.object(ctx, "device", "context");
    checks.object(ctx, "location", "context");
  }

  private static void mergeBatchContext(ObjectNode event, JsonNode batchContext) {
    if (batchContext == null || !batchContext.isObject() || batchContext.isEmpty()) {
      return;
    }
    JsonNode own = event.get("context");
    if (own != null && !own.isObject() && !own.isNull()) {
      return; // the event's own context is invalid; validation reports it
    }
    ObjectNode ctx = own instanceof ObjectNode o ? o : event.putObject("context");
    Iterator<Map.Entry<String, JsonNode>> fields = batchContext.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (!ctx.has(f.getKey())) {
        ctx.set(f.getKey(), f.getValue().deepCopy());
      }
    }
  }

  /** The Segment rule: the event happened {@code sentAt - original} before we received it. */
  static Instant correctedTime(Instant original, Instant sentAt, Instant receivedAt) {
    if (original == null) {
      return receivedAt.truncatedTo(ChronoUnit.MICROS);
    }
    if (sentAt == null) {
      return original.truncatedTo(ChronoUnit.MICROS);
    }
    return receivedAt.minus(java.time.Duration.between(original, sentAt)).truncatedTo(ChronoUnit.MICROS);
  }

  private void checkTime(Instant timestamp, IngestRequest request, Checks checks) {
    if (timestamp.isAfter(request.receivedAt().plus(settings.maxClockSkew()))) {
      checks.add(RejectReason.TIMESTAMP_IN_FUTURE, "timestamp",
          "more than " + settings.maxClockSkew() + " after the time it was received");
    } else if (request.mode() == IngestMode.LIVE
        && timestamp.isBefore(request.receivedAt().minus(settings.maxEventAge()))) {
      checks.add(RejectReason.TIMESTAMP_TOO_OLD, "timestamp",
          "more than " + settings.maxEventAge().toDays() + " days before the time it was received");
    } else if (timestamp.isBefore(settings.historicalFloor())) {
      checks.add(RejectReason.TIMESTAMP_TOO_OLD, "timestamp", "before " + settings.historicalFloor());
    }
  }

  private static String derivedMessageId(ObjectNode event, IngestRequest request) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(request.source().value().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(JsonCodec.bytes(event));
      byte[] digest = sha.digest();
      return "d-" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void canonicalise(ObjectNode event, EventType type, String messageId, String anonymousId,
      String userId, String name, Instant timestamp, Instant original, Instant sentAt, Instant receivedAt,
      IngestRequest request) {
    event.put("type", type.wireName());
    event.put("messageId", messageId);
    putOrRemove(event, "anonymousId", anonymousId);
    putOrRemove(event, "userId", userId);
    if (type == EventType.TRACK) {
      String sent = event.get("event").textValue();
      if (!sent.equals(name)) {
        event.put("originalEvent", sent);
      }
      event.put("event", name);
    }
    if (type == EventType.ALIAS) {
      event.put("previousId", event.get("previousId").asText().strip());
    }
    String time = IsoTime.format(timestamp);
    event.put("timestamp", time);
    event.put("originalTimestamp", original == null || original.equals(timestamp) ? time
        : IsoTime.format(original.truncatedTo(ChronoUnit.MICROS)));
    if (sentAt != null) {
      event.put("sentAt", IsoTime.format(sentAt.truncatedTo(ChronoUnit.MICROS)));
    }
    event.put("receivedAt", IsoTime.format(receivedAt));
    event.put("source", request.source().value());
  }

  private static void putOrRemove(ObjectNode event, String field, String value) {
    if (value == null) {
      event.remove(field);
    } else {
      event.put(field, value);
    }
  }
}
