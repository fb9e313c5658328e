package io.shopsense.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.event.Properties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON configuration of ShopSense and the mapping between Jackson trees and the JDK value model of
 * {@link Properties}. Numbers stay exact: integers become {@code Long} (or {@code BigInteger} beyond a long), others
 * {@code BigDecimal}.
 */
public final class JsonCodec {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      // "{...} junk" is not JSON: a body or line with anything after its value is malformed
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  static {
    // nesting deeper than this is refused by the parser itself, before validation sees the tree
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
  }

  private JsonCodec() {}

  /** The shared, configured mapper. Thread-safe; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static JsonNode parse(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value instanceof Properties p ? p.values() : value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a JSON object into properties; empty for null or blank text. */
  public static Properties properties(String json) {
    if (json == null || json.isBlank()) {
      return Properties.EMPTY;
    }
    JsonNode node = parse(json);
    if (!node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return toProperties(node);
  }

  /** An object node as properties; anything else as empty properties. */
  public static Properties toProperties(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Properties.EMPTY;
    }
    return new Properties(toMap((ObjectNode) node));
  }

  /** A JSON value as a JDK value (see the class comment). */
  public static Object toValue(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(n -> list.add(toValue(n)));
      return list;
    }
    if (node.isObject()) {
      return toMap((ObjectNode) node);
    }
    return node.asText();
  }

  private static Map<String, Object> toMap(ObjectNode node) {
    Map<String, Object> map = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      map.put(f.getKey(), toValue(f.getValue()));
    }
    return map;
  }

  /** A JDK value (see the class comment) as a JSON tree. */
  public static JsonNode toNode(Object value) {
    JsonNodeFactory f = MAPPER.getNodeFactory();
    if (value == null) {
      return f.nullNode();
    }
    if (value instanceof Properties p) {
      return toNode(p.values());
    }
    if (value instanceof String s) {
      return f.textNode(s);
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return f.numberNode(((Number) value).longValue());
    }
    if (value instanceof BigInteger i) {
      return f.numberNode(i);
    }
    if (value instanceof BigDecimal d) {
      return f.numberNode(d);
    }
    if (value instanceof Number n) {
      return f.numberNode(BigDecimal.valueOf(n.doubleValue()));
    }
    if (value instanceof Map<?, ?> m) {
      ObjectNode o = f.objectNode();
      m.forEach((k, v) -> o.set(String.valueOf(k), toNode(v)));
      return o;
    }
    if (value instanceof Iterable<?> it) {
      ArrayNode a = f.arrayNode();
      it.forEach(v -> a.add(toNode(v)));
      return a;
    }
    return f.textNode(value.toString());
  }
}
