package io.shopsense.demo;

import static io.shopsense.demo.JsonOut.ascii;

/**
 * Writes events as tracking-spec JSON (Segment style, snake_case e-commerce properties): the one serialisation of
 * the demo shop, used for the batch bodies and, parsed back, for the event trees.
 */
final class EventWriter {
  private static final byte[][] HEAD = new byte[Kind.ALL.length][];
  private static final byte[] NAME = ascii(",\"name\":");
  private static final byte[] MESSAGE_ID = ascii(",\"messageId\":\"");
  private static final byte[] ANONYMOUS_ID = ascii(",\"anonymousId\":");
  private static final byte[] USER_ID = ascii(",\"userId\":");
  private static final byte[] PREVIOUS_ID = ascii(",\"previousId\":");
  private static final byte[] TIMESTAMP = ascii(",\"timestamp\":\"");
  private static final byte[] SERVER_CONTEXT = ascii(",\"context\":{\"channel\":\"server\"}");
  private static final byte[] CONTEXT = ascii(",\"context\":");
  private static final byte[] PAGE = ascii(",\"page\":{\"path\":");
  private static final byte[] URL = ascii(",\"url\":\"" + Sessions.SHOP);
  private static final byte[] REFERRER = ascii(",\"referrer\":");
  private static final byte[] SHOP_REFERRER = ascii(",\"referrer\":\"" + Sessions.SHOP);
  private static final byte[] PROPERTIES = ascii(",\"properties\":{");
  private static final byte[] TRAITS = ascii(",\"traits\":{");

  static {
    for (Kind k : Kind.ALL) {
      HEAD[k.ordinal()] = ascii("{\"type\":\"" + k.type.wireName() + "\"" + (k.sent == null ? ""
          : ",\"event\":\"" + k.sent + "\""));
    }
  }

  private final PropertyWriter properties;
  private final byte[] prefix;
  private final char[] time = new char[TimeText.MAX];

  EventWriter(World world) {
    this.properties = new PropertyWriter(world);
    this.prefix = ascii("demo-" + world.seed + "-");
  }

  /** Writes the event with message number {@code n}. */
  void write(JsonOut o, Ev e, long n) {
    o.raw(HEAD[e.kind.ordinal()]);
    if (e.kind.sent == null && e.name != null) {
      o.raw(NAME).string(e.name);
    }
    o.raw(MESSAGE_ID).raw(prefix).number(n).raw('"');
    if (e.anonymousId != null) {
      o.raw(ANONYMOUS_ID).string(e.anonymousId);
    }
    if (e.userId != null) {
      o.raw(USER_ID).string(e.userId);
    }
    if (e.kind == Kind.ALIAS) {
      o.raw(PREVIOUS_ID).string(e.text);
    }
    o.raw(TIMESTAMP).rawAscii(time, TimeText.write(e.ts, e.visit == null ? 0 : e.visit.offsetSeconds, time))
        .raw('"');
    context(o, e);
    switch (e.kind) {
      case IDENTIFY -> properties.traits(o.raw(TRAITS), e);
      case ALIAS, PAGE, SCREEN -> {
        // no properties: a page's path, URL and referrer are in context.page
      }
      default -> properties.write(o.raw(PROPERTIES), e);
    }
    o.raw('}');
  }

  private void context(JsonOut o, Ev e) {
    Visit v = e.visit;
    if (v == null) {
      o.raw(SERVER_CONTEXT);
      return;
    }
    if (v.context == null) {
      v.context = visitContext(v);
    }
    o.raw(CONTEXT).raw(v.context);
    if (!v.device.app() && e.path != null) {
      o.raw(PAGE).string(e.path).raw(URL).body(e.path).raw('"');
      if (e.referrer != null) {
        if (e.referrer.charAt(0) == '/') {
          o.raw(SHOP_REFERRER).body(e.referrer).raw('"');
        } else {
          o.raw(REFERRER).string(e.referrer);
        }
      }
      o.raw('}');
    }
    o.raw('}');
  }

  /** What every event of the visit has in its context: channel, session, zone, locale, device, location, campaign. */
  private static byte[] visitContext(Visit v) {
    Device d = v.device;
    Markets.City city = v.person.city;
    return JsonOut.fragment(o -> {
      o.raw(ascii("{\"channel\":")).string(d.channel())
          .raw(ascii(",\"sessionId\":")).string(v.sessionId)
          .raw(ascii(",\"timezone\":")).string(city.zone())
          .raw(ascii(",\"locale\":")).string(city.locale())
          .raw(ascii(",\"device\":{\"id\":")).string(d.id).raw(ascii(",\"type\":")).string(d.type())
          .raw(ascii("},\"os\":{\"name\":")).string(d.os())
          .raw(ascii("},\"location\":{\"country\":")).string(city.country()).raw(ascii(",\"city\":"))
          .string(city.city()).raw('}');
      if (v.campaign != null) {
        o.raw(ascii(",\"campaign\":{\"source\":")).string(v.source).raw(ascii(",\"medium\":")).string(v.medium)
            .raw(ascii(",\"name\":")).string(v.campaign).raw('}');
      }
    });
  }
}
