package io.shopsense.api.event;

import java.time.ZoneId;

/**
 * Where and how an event happened, as the sender described it. Every part may be absent (null);
 * {@code raw} keeps the whole context object as sent, including keys this record does not type.
 *
 * @param channel   how the event reached us: {@code browser}, {@code mobile}, {@code server}, {@code import}, ...
 * @param device    the device, or null
 * @param locale    a BCP 47 language tag such as {@code zh-CN}, or null
 * @param timezone  the person's time zone, or null
 * @param page      the web page, or null
 * @param campaign  the marketing campaign (UTM parameters), or null
 * @param sessionId the storefront's session id, or null
 * @param country   the person's country (ISO code or name as sent), or null
 */
public record Context(
    String channel,
    Device device,
    String locale,
    ZoneId timezone,
    Page.PageInfo page,
    Campaign campaign,
    String sessionId,
    String country,
    Properties raw) {

  public static final Context EMPTY = new Context(null, null, null, null, null, null, null, null, Properties.EMPTY);

  public Context {
    raw = raw == null ? Properties.EMPTY : raw;
  }

  /** The device an event came from. */
  public record Device(String id, String type, String manufacturer, String model, String os) {}

  /** The campaign (UTM) parameters of the visit. */
  public record Campaign(String name, String source, String medium, String term, String content) {}
}
