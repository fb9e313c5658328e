package io.shopsense.demo;

/**
 * One session of one person on one device: its id, where it came from (referrer and campaign), the local offset and
 * the page the person is on as it goes.
 */
final class Visit {
  final String sessionId;
  final Person person;
  final Device device;
  final int offsetSeconds;
  final String referrer;
  final String source;
  final String medium;
  /** The campaign name, or null when the visit did not come from a campaign. */
  final String campaign;
  /** The storefront path of the current page (null before the first) and where the person came to it from. */
  String path;
  String pageReferrer;
  /** Products put in the cart during this visit. */
  int added;
  /** The visit's part of the events' context as JSON (without the page and the closing brace), once written. */
  byte[] context;

  Visit(String sessionId, Person person, Device device, int offsetSeconds, String referrer, String source,
      String medium, String campaign) {
    this.sessionId = sessionId;
    this.person = person;
    this.device = device;
    this.offsetSeconds = offsetSeconds;
    this.referrer = referrer;
    this.source = source;
    this.medium = medium;
    this.campaign = campaign;
  }
}
