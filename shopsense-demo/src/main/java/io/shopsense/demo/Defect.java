package io.shopsense.demo;

/**
 * The ways {@link DemoShop#malformed(double)} breaks an event, each the kind of mistake real tracking code makes, with
 * the reject reason code ShopSense's ingest gives it. The codes assume the default ingest settings and live ingest at
 * the end of the demo period ({@link #TIMESTAMP_IN_FUTURE} and {@link #TIMESTAMP_TOO_OLD} are relative to it,
 * {@link #TOO_LARGE} to the default 256 KiB limit).
 */
public enum Defect {
  /** The call type is missing. */
  MISSING_TYPE("unknown_type"),
  /** The call type is not one of the spec's. */
  UNKNOWN_TYPE("unknown_type"),
  /** The event is a JSON string (double-encoded JSON), not an object. */
  NOT_AN_OBJECT("not_an_object"),
  /** The message id is far longer than any id may be. */
  TOO_LONG_ID("invalid_value"),
  /** The user id is an object ({@code {"id": ...}}) rather than a string. */
  USER_ID_NOT_A_STRING("invalid_type"),
  /** Neither a user id nor an anonymous id. */
  MISSING_IDENTITY("missing_identity"),
  /** A timestamp without the {@code T} and the offset. */
  BAD_TIMESTAMP("invalid_timestamp"),
  /** A timestamp two days after the end of the period (a device clock far ahead). */
  TIMESTAMP_IN_FUTURE("timestamp_in_future"),
  /** A timestamp 800 days before the end of the period (a replayed ancient queue). */
  TIMESTAMP_TOO_OLD("timestamp_too_old"),
  /** {@code context} is a string. */
  CONTEXT_NOT_AN_OBJECT("invalid_type"),
  /** {@code context.timezone} is not an IANA time zone. */
  UNKNOWN_TIME_ZONE("invalid_value"),
  /** A track call without its event name. */
  MISSING_EVENT_NAME("missing_field"),
  /** An event name with a tab in it. */
  CONTROL_CHARACTER_IN_NAME("invalid_name"),
  /** A product's price is negative. */
  NEGATIVE_PRICE("invalid_value"),
  /** A product's price is a string. */
  PRICE_AS_STRING("invalid_type"),
  /** A quantity of zero. */
  ZERO_QUANTITY("invalid_value"),
  /** An order event without its {@code order_id}. */
  MISSING_ORDER_ID("missing_field"),
  /** An order's currency written out instead of its ISO code. */
  BAD_CURRENCY("invalid_value"),
  /** A search without its query. */
  MISSING_QUERY("missing_field"),
  /** An identify call whose e-mail trait is no e-mail address. */
  BAD_EMAIL("invalid_value"),
  /** A product list with thousands of lines, larger than an event may be. */
  TOO_LARGE("too_large");

  private final String reasonCode;

  Defect(String reasonCode) {
    this.reasonCode = reasonCode;
  }

  /** The reject reason code ingest gives an event with this defect (as {@code RejectReason.code()}). */
  public String reasonCode() {
    return reasonCode;
  }
}
