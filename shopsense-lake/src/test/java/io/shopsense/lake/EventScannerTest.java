package io.shopsense.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.event.EventType;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What {@link EventScanner} and {@link EventReader} make of JSON at the edges, always compared with what Jackson's
 * tree (the lake's reading before) makes of it: a member kept as JSON text is written exactly as Jackson writes its
 * value, a member given twice counts with its last value, and what the scanner refuses the tree refuses too or has a
 * member given twice (then the reader goes through the tree).
 */
class EventScannerTest {
  private static final String[] NUMBERS = {"0", "-0", "7", "-12", "2.5", "2.50", "-0.5", "0.0", "-0.0", "0.000",
      "0.000000", "0.0000000", "0.00001", "0.000001", "0.0000001", "0.1234567", "10.12345", "1e3", "1E+3", "1E3",
      "1.5E-7", "-2.5e-2", "1.0E10", "0E-10", "123456789012345678901234567890", "9223372036854775808",
      "99999999999999.99995", "100.000", "1e99999"};
  private static final String[] TEXTS = {"", "a", "Zoë", "中文", "😀", "\\n", "\\t", "\\r", "\\\"", "\\\\",
      "\\/", "\\b", "\\f", "\\u0041", "\\u00e9", "\\u001F", "\\ud83d\\ude00", "\\uD83D\\uDE00", "\\ud800", "x y"};
  private static final Instant AT = Instant.parse("2024-05-01T09:30:00Z");

  private final EventScanner scanner = new EventScanner();
  private final EventFields fields = new EventFields();
  private final Random random = new Random(5);

  @Test
  void aCleanMemberIsWhatJacksonWritesAndWhatTheScannerTakesJacksonTakes() {
    int clean = 0;
    int twice = 0;
    for (int i = 0; i < 20_000; i++) {
      String json = "{\"type\":\"track\",\"properties\":" + value(0) + "}";
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      try {
        scanner.scan(bytes, fields);
      } catch (IOException e) {
        // the reader hands such JSON to the tree: it has a member given twice, or the tree refuses it too
        if (e.getMessage().contains("Duplicate field")) {
          twice++;
        } else {
          assertThatThrownBy(() -> JsonCodec.parse(bytes)).as(json).isInstanceOf(RuntimeException.class);
        }
        continue;
      }
      JsonNode properties = JsonCodec.parse(bytes).get("properties"); // throws if Jackson refuses what it took
      if (!fields.dirty[EventFields.PROPERTIES]) {
        clean++;
        assertThat(slice(EventFields.PROPERTIES)).as(json).isEqualTo(JsonCodec.text(properties));
      }
    }
    assertThat(clean).as("clean members among 20,000").isGreaterThan(2_000);
    assertThat(twice).as("objects with a member given twice among 20,000").isGreaterThan(100);
  }

  @Test
  void aMemberGivenTwiceCountsWithItsLastValueInThePlaceOfTheFirst() {
    String json = "{'type':'track','event':'Order Completed','userId':'u1','properties':{'order_id':'o-1',"
        + "'revenue':10,'revenue':11,'order_id':'o-2'}}";
    assertThatThrownBy(() -> scanner.scan(bytes(json), fields)).hasMessageContaining("Duplicate field");

    Map<String, Object> row = read(json);

    assertThat(row).containsEntry("order_id", "o-2").containsEntry("revenue", 11_0000L)
        .containsEntry("properties", "{\"order_id\":\"o-2\",\"revenue\":11}");
  }

  @Test
  void takesNestingAsDeepAsTheLakesMapperDoesAndNoDeeper() throws Exception {
    String deep = "[".repeat(62) + "1" + "]".repeat(62);
    scanner.scan(bytes("{'type':'track','properties':{'deep':" + deep + "}}"), fields);
    assertThat(slice(EventFields.PROPERTIES)).isEqualTo("{\"deep\":" + deep + "}");

    String tooDeep = "{'type':'track','event':'Order Completed','userId':'u1','properties':{'deep':"
        + "[".repeat(70) + "]".repeat(70) + "}}";
    assertThatThrownBy(() -> scanner.scan(bytes(tooDeep), fields)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> JsonCodec.parse(bytes(tooDeep))).isInstanceOf(RuntimeException.class);
  }

  @Test
  void writesOnlyTheEnvelopeOfAnEventJacksonCannotRead() {
    String order = "{'type':'track','event':'Order Completed','userId':'u1','properties':{'order_id':'o-1',%s}}";
    for (String bad : new String[] {"'deep':" + "[".repeat(70) + "]".repeat(70), "'big':1e9999999999",
        "'bad':tru"}) {
      assertThat(read(String.format(order, bad))).as(bad).containsEntry("order_id", null)
          .containsEntry("properties", null);
    }
    assertThat(read(String.format(order, "'big':1e99999"))).containsEntry("order_id", "o-1")
        .containsEntry("properties", "{\"order_id\":\"o-1\",\"big\":1E+99999}");
  }

  @Test
  void refusesWhatJacksonRefuses() {
    for (String bad : new String[] {"{\"a\":01}", "{\"a\":1.}", "{\"a\":-}", "{\"a\":.5}", "{\"a\":\"\\x\"}",
        "{\"a\":\"\u0001\"}", "{\"a\":tru}", "{\"a\":1,}", "{'a':1}", "{\"a\" 1}", "{\"a\":[1 2]}",
        "{\"a\":1e9999999999}", "{\"a\":[{\"b\":1e9999999999}]}", "{\"type\":1e9999999999}",
        "{\"properties\":{\"b\":1e9999999999}}", "{\"a\":1} x", "{\"a\":1}{}", "{\"a\":1"}) {
      byte[] json = bad.getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> scanner.scan(json, fields)).as(bad).isInstanceOfAny(IOException.class,
          NumberFormatException.class);
      assertThatThrownBy(() -> JsonCodec.parse(json)).as(bad).isInstanceOf(RuntimeException.class);
    }
    for (String notAnObject : new String[] {"[{\"a\":1}]", "null", "\"a\"", "7"}) {
      byte[] json = notAnObject.getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> scanner.scan(json, fields)).as(notAnObject).isInstanceOf(IOException.class);
      assertThat(JsonCodec.parse(json).isObject()).as(notAnObject).isFalse();
    }
  }

  @Test
  void takesTheUtf8TheTreeTakes() {
    byte[][] sequences = {{(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF8, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {0x01}, {(byte) 0xC3, (byte) 0xA9}};
    for (String member : new String[] {"order_id", "other", "nested\":{\"x"}) {
      for (String where : new String[] {"properties", "elsewhere"}) {
        for (byte[] sequence : sequences) {
          byte[] json = concat(bytes("{\"type\":\"track\",\"" + where + "\":{\"" + member + "\":\"o-"), sequence,
              bytes(member.startsWith("nested") ? "\"}}}" : "\"}}"));
          String what = where + " " + member + " " + java.util.Arrays.toString(sequence);
          JsonNode tree;
          try {
            tree = JsonCodec.parse(json);
          } catch (RuntimeException refused) {
            assertThatThrownBy(() -> scanner.scan(json, fields)).as(what).isInstanceOf(IOException.class);
            continue;
          }
          assertThatCode(() -> scanner.scan(json, fields)).as(what).doesNotThrowAnyException();
          if (where.equals("properties") && !fields.dirty[EventFields.PROPERTIES]) {
            assertThat(slice(EventFields.PROPERTIES)).as(what).isEqualTo(JsonCodec.text(tree.get(where)));
          }
        }
      }
    }
  }

  @Test
  void readsNumbersOfEveryShapeAsTheTreeDid() {
    Map<String, Object> row = read("{'type':'track','event':'Order Completed','userId':'u1','properties':{"
        + "'order_id':123456789012345678901234567890,'cart_id':1E+3,'revenue':1e99999,'total':-2.5e-2,"
        + "'discount':99999999999999.99995,'products':[{'product_id':'p','price':0.00005,'quantity':1e1}]}}");

    assertThat(row).containsEntry("order_id", "123456789012345678901234567890").containsEntry("cart_id", "1000")
        .containsEntry("revenue", null).containsEntry("total", -250L).containsEntry("discount", null)
        .containsEntry("units", 10L).containsEntry("line_price", 0L).containsEntry("line_quantity", 10L)
        .containsEntry("properties", "{\"order_id\":123456789012345678901234567890,\"cart_id\":1E+3,"
            + "\"revenue\":1E+99999,\"total\":-0.025,\"discount\":99999999999999.99995,\"products\":[{"
            + "\"product_id\":\"p\",\"price\":0.00005,\"quantity\":1E+1}]}");
  }

  @Test
  void decodesEscapesAndWritesTheJsonMembersAsJacksonDoes() throws Exception {
    String properties = "{\"product_id\":\"p\\u00e9\\/\\n\\ud83d\\ude00\",\"name\":\"lone \\ud800\","
        + "\"category\":[\"\\u0041\",7,null,true,{\"x\":1}],\"price\":1}";
    String json = "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"u1\",\"properties\":" + properties
        + ",\"context\":{\"locale\":\"Zoë 😀\"},\"traits\":{\"t\":\"\\t\"}}";
    JsonNode tree = JsonCodec.parse(bytes(json));

    scanner.scan(bytes(json), fields);
    assertThat(fields.dirty[EventFields.PROPERTIES]).isTrue();
    assertThat(fields.dirty[EventFields.CONTEXT]).isFalse();
    assertThat(fields.dirty[EventFields.TRAITS]).isFalse();
    Map<String, Object> row = read(json);

    assertThat(row).containsEntry("product_id", tree.at("/properties/product_id").textValue())
        .containsEntry("line_name", new String("lone \ud800".getBytes(StandardCharsets.UTF_8),
            StandardCharsets.UTF_8))
        .containsEntry("line_category", "A/7/null/true/").containsEntry("locale", "Zoë 😀");
    for (String member : new String[] {"properties", "context", "traits"}) {
      assertThat(row.get(member)).as(member).isEqualTo(new String(JsonCodec.text(tree.get(member))
          .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
  }

  /** The member's text as the lake writes it when it is clean. */
  private String slice(int slot) {
    return new String(fields.src, fields.start[slot], fields.stop[slot] - fields.start[slot],
        StandardCharsets.UTF_8);
  }

  /**
   * The columns the reader makes of an event (single quotes for double ones), by name: the amounts unscaled, the
   * first line's columns as {@code line_*}.
   */
  private static Map<String, Object> read(String json) {
    EventReader reader = new EventReader();
    String withKeys = new String(bytes(json), StandardCharsets.UTF_8).replaceFirst("\\{",
        "{\"messageId\":\"m1\",\"timestamp\":\"" + AT + "\",");
    EventEnvelope env = new EventEnvelope(MessageId.of("m1"), EventType.TRACK, "x", null, UserId.of("u1"), null,
        AT, AT, SourceId.of("test"), withKeys.getBytes(StandardCharsets.UTF_8));
    EventRecord.Reader r = new EventRecord.Reader();
    r.reset(reader.read(1, env), reader.source());
    Map<String, Object> row = new LinkedHashMap<>();
    number(r, row, "original_timestamp");
    number(r, row, "sent_at");
    for (String name : new String[] {"channel", "locale", "timezone", "device_type", "session_id", "page_url",
        "page_path", "referrer", "campaign_source", "campaign_medium", "campaign_name", "country", "product_id",
        "query", "order_id", "cart_id"}) {
      text(r, row, name);
    }
    number(r, row, "revenue");
    number(r, row, "total");
    number(r, row, "discount");
    text(r, row, "currency");
    number(r, row, "units");
    text(r, row, "coupon");
    number(r, row, "rating");
    text(r, row, "properties");
    text(r, row, "traits");
    text(r, row, "context");
    if (r.count() > 0) {
      for (String name : new String[] {"line_product_id", "line_sku", "line_name", "line_category", "line_brand",
          "line_variant"}) {
        text(r, row, name);
      }
      number(r, row, "line_price");
      number(r, row, "line_quantity");
      text(r, row, "line_coupon");
    }
    return row;
  }

  private static void text(EventRecord.Reader r, Map<String, Object> row, String name) {
    byte[] text = r.text();
    row.put(name, text == null ? null : new String(text, StandardCharsets.UTF_8));
  }

  private static void number(EventRecord.Reader r, Map<String, Object> row, String name) {
    r.number();
    row.put(name, r.isNull ? null : r.number);
  }

  private static byte[] bytes(String json) {
    return (json.indexOf('"') < 0 ? json.replace('\'', '"') : json).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private String value(int depth) {
    int kind = random.nextInt(depth > 3 ? 5 : 8);
    switch (kind) {
      case 0, 1:
        return text();
      case 2, 3:
        return NUMBERS[random.nextInt(NUMBERS.length)];
      case 4:
        return new String[] {"true", "false", "null"}[random.nextInt(3)];
      case 5, 6: {
        StringBuilder b = new StringBuilder("{");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          b.append(i == 0 ? "" : ",").append(space()).append(random.nextInt(6) == 0 ? text() : "\"k" + random
              .nextInt(3) + "\"").append(space()).append(':').append(value(depth + 1));
        }
        return b.append('}').toString();
      }
      default: {
        StringBuilder b = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          b.append(i == 0 ? "" : ",").append(value(depth + 1)).append(space());
        }
        return b.append(']').toString();
      }
    }
  }

  private String text() {
    StringBuilder b = new StringBuilder("\"");
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      b.append(TEXTS[random.nextInt(TEXTS.length)]);
    }
    return b.append('"').toString();
  }

  private String space() {
    return random.nextInt(25) == 0 ? " " : "";
  }
}
