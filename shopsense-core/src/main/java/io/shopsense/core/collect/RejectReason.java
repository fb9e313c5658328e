package io.shopsense.core.collect;

/**
 * Why a record was rejected: the machine-readable codes of the quarantine, the batch response and the
 * data-quality report. Codes are stable API; add new ones, never rename.
 */
public enum RejectReason {
  /** The body or line is not JSON at all. */
  MALFORMED_JSON("malformed_json"),
  /** The batch item is JSON but not an object. */
  NOT_AN_OBJECT("not_an_object"),
  /** The event's JSON is larger than the configured maximum. */
  TOO_LARGE("too_large"),
  /** {@code type} is missing or not one of identify, track, page, screen, alias. */
  UNKNOWN_TYPE("unknown_type"),
  /** Neither {@code userId} nor {@code anonymousId} is given. */
  MISSING_IDENTITY("missing_identity"),
  /** A field the event type requires is missing (e.g. a track call's {@code event}, an order's {@code order_id}). */
  MISSING_FIELD("missing_field"),
  /** A field has the wrong JSON type (e.g. a price that is not a number). */
  INVALID_TYPE("invalid_type"),
  /** A field has a value outside what it allows (negative price, zero quantity, unknown time zone, id too long). */
  INVALID_VALUE("invalid_value"),
  /** The event name is empty, too long, or holds control characters. */
  INVALID_NAME("invalid_name"),
  /** The event name is not a standard one and the settings allow only known names. */
  UNKNOWN_EVENT("unknown_event"),
  /** A timestamp is not an ISO-8601 date-time with an offset. */
  INVALID_TIMESTAMP("invalid_timestamp"),
  /** The event happened further in the future than the allowed clock skew. */
  TIMESTAMP_IN_FUTURE("timestamp_in_future"),
  /** The event happened longer ago than the allowed age. */
  TIMESTAMP_TOO_OLD("timestamp_too_old"),
  /** A row of an import could not be mapped to an event (wrong number of columns, bad encoding). */
  UNMAPPABLE_ROW("unmappable_row");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
