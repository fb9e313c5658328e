package io.shopsense.lake;

import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.EventType;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import io.shopsense.core.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A varied set of stored events for comparing what the lake writes: every standard e-commerce event with full and
 * minimal properties, page, screen, identify and alias calls, custom events, missing optional fields, unicode and
 * escapes, numbers of every shape (big, tiny, exponents, as strings), nested properties, and stored JSON that is not
 * in the canonical form (whitespace, duplicate members, needless escapes, invalid JSON or UTF-8, too deep, not an
 * object, fields the decoder needs missing). Deterministic; the events span three days, some arrive late.
 *
 * <p>Most events are given as JSON with single quotes for double quotes, stored in the canonical form
 * ({@link JsonCodec#bytes}); {@link #raw} ones are stored byte for byte as given.
 */
final class RowCorpus {
  private static final Instant START = Instant.parse("2024-05-01T09:30:00Z");
  private static final String PRODUCT = "'product_id':'p-1','sku':'SKU-1','name':'Green tea',"
      + "'category':'Drinks/Tea','brand':'Leafy','variant':'100g','price':12.5,'quantity':3,'coupon':'TEA10',"
      + "'position':2,'url':'https://x/p-1'";

  private final List<StoredEvent> events = new ArrayList<>();
  private long seq;

  static List<StoredEvent> build() {
    RowCorpus c = new RowCorpus();
    c.standardEvents();
    c.pagesAndIdentity();
    c.contexts();
    c.numbers();
    c.text();
    c.nonCanonical();
    return c.events;
  }

  private void standardEvents() {
    String ctx = "'context':{'channel':'browser','locale':'de-DE','timezone':'Europe/Berlin','sessionId':'s-9',"
        + "'device':{'type':'desktop','id':'d1'},'campaign':{'source':'google','medium':'cpc','name':'summer',"
        + "'term':'tea'},'location':{'country':'DE','city':'Berlin'},'page':{'url':'https://shop/x?y=1',"
        + "'path':'/x','referrer':'https://google/','title':'X'}}";
    for (String name : new String[] {"Product Viewed", "Product Clicked", "Product Shared", "Product Added to Wishlist",
        "Product Added", "Product Removed"}) {
      track(name, "{" + PRODUCT + ",'currency':'EUR','cart_id':'c-1','order_id':'o-0','wishlist_id':'w1'}", ctx);
      track(name, "{'product_id':'p-2'}", null);
      track(name, "{'sku':'only-sku','price':3,'quantity':0}", null);
      track(name, "{'name':'no id at all','price':1}", null);
      track(name, "{'product_id':'p-3','category':['Home','Garden',7,null,true],'quantity':-2,'price':'9.99'}", ctx);
      track(name, "{'product_id':'p-4','category':{'a':1},'brand':'','variant':'  ','quantity':2.7,"
          + "'cart_id':1.50,'currency':'usd'}", null);
    }
    track("Product Added", "{'product_id':'p-5','cart_id':1E+3,'coupon':true}", null);
    track("Product Searched", "{'query':'green tea','order_id':'o-1','cart_id':'c-2','currency':'EUR'}", ctx);
    track("Product Searched", "{'query':42}", null);
    track("Products Searched", "{'query':'alias name'}", null);
    String lines = "[{" + PRODUCT + "},{'product_id':'p-6','price':0.5},{'sku':'s-7','quantity':5},"
        + "{'name':'skipped: no id'},'not an object',7,null,{'product_id':'p-8','price':99999999999999999999.99,"
        + "'quantity':99999999999999999999},{'product_id':'p-9','category':'A > B','price':1.23456,'quantity':1.9}]";
    track("Product List Viewed", "{'list_id':'l1','category':'Tea','products':" + lines + ",'cart_id':'c-3'}", ctx);
    track("Product List Viewed", "{'products':[]}", null);
    track("Product List Viewed", "{'products':{'product_id':'not an array'}}", null);
    track("Cart Viewed", "{'cart_id':'c-4','products':" + lines + "}", ctx);
    track("Cart Viewed", "{}", null);
    String order = "'order_id':'o-2','checkout_id':'ch-1','affiliation':'web','total':35.5,'subtotal':30,"
        + "'revenue':30.25,'shipping':5,'tax':1.2,'discount':2,'coupon':'SPRING','currency':'CNY','cart_id':'c-5',"
        + "'products':" + lines;
    for (String name : new String[] {"Checkout Started", "Order Completed", "Order Cancelled", "Order Refunded"}) {
      track(name, "{" + order + "}", ctx);
      track(name, "{'order_id':'o-3','value':12.345,'products':[{'product_id':'p-1','quantity':2}]}", null);
      track(name, "{'order_id':'o-4','total':7,'value':8}", null);
      track(name, "{'order_id':77,'currency':'','coupon':' '}", null);
      track(name, "{}", null);
    }
    track("Payment Info Entered", "{'checkout_id':'ch-2','order_id':'o-5','payment_method':'card','currency':'EUR',"
        + "'coupon':'X','cart_id':'c-6'}", ctx);
    track("Payment Info Entered", "{'order_id':1.0E+2}", null);
    track("Coupon Applied", "{'order_id':'o-6','cart_id':'c-7','coupon_id':'cp-1','coupon_name':'Spring',"
        + "'discount':2.5,'coupon':'ignored','currency':'EUR'}", null);
    track("Coupon Applied", "{'coupon_name':'Only name','discount':'3'}", null);
    track("Coupon Applied", "{'coupon':'only coupon','discount':-1}", null);
    track("Review Submitted", "{'product_id':'p-1','review_id':'r1','rating':4.7,'review_body':'Nice\\nvery',"
        + "'order_id':'o-7'}", ctx);
    track("Review Submitted", "{'product_id':'p-2','rating':12345678901}", null);
    track("Product Reviewed", "{'product_id':'p-3','rating':-3.9}", null);
    track("Review Submitted", "{'rating':5}", null);
    track("Signed Up", "{'product_id':'p-1','order_id':123.450,'cart_id':1E+3,'currency':'GBP','coupon':false,"
        + "'price':9,'products':[{'product_id':'ignored'}]}", ctx);
    track("Signed Up", "{'product_id':{'nested':true},'order_id':[1]}", null);
    track("Video Played", null, null);
  }

  private void pagesAndIdentity() {
    event("{'type':'page','name':'Home','category':'Landing','anonymousId':'a-1','properties':{'url':'https://p/1',"
        + "'path':'/1','referrer':'https://r/','title':'T'},'context':{'page':{'url':'https://ctx/',"
        + "'path':'/ctx','referrer':'https://cr/'}}}", EventType.PAGE, "Home");
    event("{'type':'page','anonymousId':'a-2','properties':{'title':'no url'},'context':{'page':{"
        + "'url':'https://ctx/2','path':'/ctx2'}}}", EventType.PAGE, "");
    event("{'type':'page','name':'Null url','anonymousId':'a-3','properties':{'url':null},'context':{'page':{"
        + "'url':'https://ctx/3'}}}", EventType.PAGE, "Null url");
    event("{'type':'page','name':'Path only','anonymousId':'a-4','properties':{'path':'/only','url':7}}",
        EventType.PAGE, "Path only");
    event("{'type':'page','name':'Bare','anonymousId':'a-5'}", EventType.PAGE, "Bare");
    event("{'type':'screen','name':'Cart','userId':'u-1','properties':{'url':'app://cart'},'context':{"
        + "'channel':'mobile','device':{'type':'ios'}}}", EventType.SCREEN, "Cart");
    event("{'type':'identify','userId':'u-2','anonymousId':'a-6','traits':{'email':'someone@example.com',"
        + "'name':'Zoë','address':{'city':'Zürich','lines':['a',null,1.5]},'plan':null},'context':{'ip':'1.2.3.4'}}",
        EventType.IDENTIFY, "identify");
    event("{'type':'identify','userId':'u-3'}", EventType.IDENTIFY, "identify");
    event("{'type':'identify','userId':'u-4','traits':{}}", EventType.IDENTIFY, "identify");
    event("{'type':'alias','userId':'u-5','previousId':'a-7'}", EventType.ALIAS, "alias");
    event("{'type':'alias','userId':'u-6','previousId':'a-8','properties':{'x':1},'traits':{'y':2}}",
        EventType.ALIAS, "alias");
  }

  private void contexts() {
    String[] contexts = {
        "{'timezone':'UTC','locale':'en','channel':'server'}",
        "{'timezone':'GMT+8','device':{'id':'only id'},'campaign':{'name':'n'},'location':{'city':'no country'}}",
        "{'timezone':'Not/AZone','device':'not an object','campaign':[1],'location':7,'page':'nope'}",
        "{'timezone':'+05:30','sessionId':12,'channel':true,'locale':'  ','page':{'url':'','path':' /p '}}",
        "{'timezone':'Z','country':'ignored','location':{'country':7}}",
        "{}",
        "'a string context'",
        "[1,2]",
        "null"};
    for (String c : contexts) {
      track("Product Viewed", "{'product_id':'p-ctx'}", "'context':" + c);
    }
    event("{'type':'track','event':'Order Completed','userId':'u-7','sentAt':'2024-05-01T10:00:00.5Z',"
        + "'originalTimestamp':'2024-05-01T09:59:00.123456Z','properties':{'order_id':'o-t','revenue':1}}",
        EventType.TRACK, "Order Completed");
    event("{'type':'track','event':'Product Viewed','userId':'u-8','sentAt':'yesterday',"
        + "'originalTimestamp':'2024-05-01T11:59:00+02:00','properties':{'product_id':'p-t'}}", EventType.TRACK,
        "Product Viewed");
  }

  private void numbers() {
    String[] amounts = {"0", "-0", "1", "-1.5", "0.00005", "0.00015", "10.12345", "10.12355", "2.5E+3", "1E-7",
        "0.0000001", "1.0E10", "99999999999999.9999", "999999999999999.99995", "1000000000000000000",
        "123456789012345678901234567890", "1E+30", "-99999999999999.99994", "3.14159265358979323846264338327950288",
        "'12.5'", "true", "null", "{}", "[]"};
    for (String a : amounts) {
      track("Order Completed", "{'order_id':'o-n','revenue':" + a + ",'total':" + a + ",'discount':" + a
          + ",'products':[{'product_id':'p-n','price':" + a + ",'quantity':" + a + "}]}", null);
      track("Custom Numbers", "{'product_id':" + a + ",'order_id':" + a + ",'cart_id':" + a + ",'currency':" + a
          + ",'coupon':" + a + ",'deep':{'list':[" + a + "]}}", null);
    }
  }

  private void text() {
    String[] names = {"Zoë’s café", "中文名称", "emoji 😀 and 👍🏽", "quote \\\" and backslash \\\\",
        "tab\\tnew\\nline\\r", "control \\u0001\\u001f", "line sep \\u2028 and del \\u007f", "slash \\/ escaped",
        "\\u0041 escaped letter", "lone \\ud800 surrogate", "", " ", "a very long name " + "x".repeat(300)};
    for (String n : names) {
      String json = "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"u-" + n.length()
          + "\",\"properties\":{\"product_id\":\"" + n + "\",\"name\":\"" + n + "\",\"nested\":{\"k\":\"" + n
          + "\"}},\"context\":{\"locale\":\"" + n + "\",\"page\":{\"url\":\"" + n + "\"}},\"traits\":{\"t\":\"" + n
          + "\"}}";
      event(json, EventType.TRACK, "Product Viewed");
    }
    event("{\"type\":\"track\",\"event\":\"Cart Viewed\",\"userId\":\"u-x\",\"properties\":{\"cart_id\":\"c\\u00e9\","
        + "\"products\":[{\"product_id\":\"p\\u00e9\",\"name\":\"\\ud83d\\ude00\",\"category\":[\"\\u00e9\",\"b\"]}],"
        + "\"deep\":" + "[".repeat(40) + "1" + "]".repeat(40) + "}}", EventType.TRACK, "Cart Viewed");
  }

  private void nonCanonical() {
    String order = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u-r\",\"messageId\":\"%s\","
        + "\"timestamp\":\"%s\",\"receivedAt\":\"%s\",\"source\":\"test\",\"properties\":{\"order_id\":\"o-r\","
        + "\"revenue\":10,\"products\":[{\"product_id\":\"p-1\",\"price\":2.50,\"quantity\":2}]}}";
    raw(order, EventType.TRACK, "Order Completed", s -> s); // canonical, stored as is
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace(",", ",\n  ").replace(":", " : "));
    raw(order, EventType.TRACK, "Order Completed", s -> " " + s + "\n");
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"revenue\":10,",
        "\"revenue\":10,\"revenue\":11,\"order_id\":\"o-dup\","));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"properties\":{",
        "\"properties\":{\"first\":true},\"properties\":{"));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"quantity\":2}",
        "\"quantity\":2,\"quantity\":5,\"price\":1}"));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"products\":[",
        "\"products\":[],\"products\":["));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"order_id\"", "\"\\u006frder_id\"")
        .replace("\"p-1\"", "\"p\\/1\"").replace("\"u-r\"", "\"\\u0075-r\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("2.50", "25E-1").replace("\"revenue\":10",
        "\"revenue\":1.0E1").replace("\"quantity\":2", "\"quantity\":-0"));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"o-r\"", "\"o-\\u00e9\\uD83D\\uDE00\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"o-r\"", "\"o-\u00e9\uD83D\uDE00\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"o-r\"", "\"o-\\uDE00\\uD83D\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"source\"", "\"big\":1e99999,\"source\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"source\"", "\"nums\":[1.5e2,-0.0,0E-10,"
        + "1e-7,100.000],\"source\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s + " x");
    raw(order, EventType.TRACK, "Order Completed", s -> s.substring(0, s.length() - 3));
    raw(order, EventType.TRACK, "Order Completed", s -> "[" + s + "]");
    raw(order, EventType.TRACK, "Order Completed", s -> "");
    raw(order, EventType.TRACK, "Order Completed", s -> "null");
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"source\"",
        "\"deep\":" + "[".repeat(70) + "]".repeat(70) + ",\"source\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"source\"",
        "\"deep\":" + "[".repeat(62) + "]".repeat(62) + ",\"source\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"messageId\":\"" + "m" + (seq + 1) + "\",", ""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"timestamp\"", "\"when\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"userId\":\"u-r\"", "\"userId\":\"  \""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"type\":\"track\"", "\"type\":\"TRACK\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"type\":\"track\"", "\"type\":\"page\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"event\":\"Order Completed\"",
        "\"event\":\"   \""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"event\":\"Order Completed\"", "\"event\":7"));
    raw(order, EventType.ALIAS, "alias", s -> s.replace("\"type\":\"track\"", "\"type\":\"alias\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"source\":\"test\"", "\"source\":{}"));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"properties\"", "\"Properties\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"properties\":{", "\"properties\":null,"
        + "\"x\":{"));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("{\"product_id\"", "{\"product_id\":null,"
        + "\"sku\":\"\",\"product_id\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"revenue\"", "\"\\ud83d\\ude00\":1,\"revenue\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"revenue\"", "\"\\ud800\":1,\"revenue\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"revenue\"", "\"\\udc00\\ud800\":1,\"revenue\""));
    raw(order, EventType.TRACK, "Order Completed", s -> s.replace("\"o-r\"", "\"o\\b\\f-r\""));
    byte[] invalid = String.format(order, "m" + (seq + 1), START, START, "x").getBytes(StandardCharsets.UTF_8);
    int at = new String(invalid, StandardCharsets.UTF_8).indexOf("o-r") + 2;
    for (byte[] bad : new byte[][] {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0,
        (byte) 0x80}, {(byte) 0xC3}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {0x01}}) {
      byte[] json = new byte[invalid.length + bad.length];
      System.arraycopy(invalid, 0, json, 0, at);
      System.arraycopy(bad, 0, json, at, bad.length);
      System.arraycopy(invalid, at, json, at + bad.length, invalid.length - at);
      add(envelope(EventType.TRACK, "Order Completed", "u-r", null, null, json));
    }
  }

  /** A track event: {@code properties} JSON (or none) and an optional {@code 'context':…} member. */
  private void track(String name, String properties, String context) {
    String json = "{'type':'track','event':'" + name + "','userId':'u-" + (seq % 5) + "'"
        + (properties == null ? "" : ",'properties':" + properties) + (context == null ? "" : "," + context) + "}";
    event(json.replace('\'', '"'), EventType.TRACK, name);
  }

  /** An event from JSON (single quotes stand for double ones when it has no double quote), stored canonically. */
  private void event(String json, EventType type, String envelopeName) {
    String s = json.indexOf('"') < 0 ? json.replace('\'', '"') : json;
    Instant at = time();
    String withKeys = s.replaceFirst("\\{", "{\"messageId\":\"m" + (seq + 1) + "\",\"timestamp\":\"" + at
        + "\",\"receivedAt\":\"" + at.plusSeconds(3600) + "\",\"source\":\"test\",");
    com.fasterxml.jackson.databind.JsonNode node = JsonCodec.parse(withKeys);
    String user = node.path("userId").isTextual() ? node.get("userId").textValue() : null;
    String anonymous = node.path("anonymousId").isTextual() ? node.get("anonymousId").textValue() : null;
    String previous = node.path("previousId").isTextual() ? node.get("previousId").textValue() : null;
    add(envelope(type, envelopeName, user, anonymous, previous, JsonCodec.bytes(node), at));
  }

  /** An event stored byte for byte: {@code edit} applied to {@code template} filled with id, time and time. */
  private void raw(String template, EventType type, String name, java.util.function.UnaryOperator<String> edit) {
    Instant at = time();
    String json = edit.apply(String.format(template, "m" + (seq + 1), at, at.plusSeconds(3600)));
    add(envelope(type, name, "u-r", null, type == EventType.ALIAS ? "a-r" : null,
        json.getBytes(StandardCharsets.UTF_8), at));
  }

  private EventEnvelope envelope(EventType type, String name, String user, String anonymous, String previous,
      byte[] json) {
    return envelope(type, name, user, anonymous, previous, json, time());
  }

  private EventEnvelope envelope(EventType type, String name, String user, String anonymous, String previous,
      byte[] json, Instant at) {
    return new EventEnvelope(MessageId.of("m" + (seq + 1)), type, name,
        anonymous == null ? null : AnonymousId.of(anonymous), user == null ? null : UserId.of(user), previous, at,
        at.plusSeconds(3600), SourceId.of("test"), json);
  }

  private void add(EventEnvelope envelope) {
    events.add(new StoredEvent(++seq, envelope));
  }

  /** Three days from the start, a few minutes apart; every seventh event is a day late, every eleventh early. */
  private Instant time() {
    Instant t = START.plus(Duration.ofMinutes(17 * seq));
    if (seq % 7 == 3) {
      t = t.minus(Duration.ofDays(1));
    } else if (seq % 11 == 5) {
      t = t.minusMillis(1);
    }
    return t.plusNanos(seq % 3 * 1_000);
  }
}
