package io.shopsense.core.segment.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.core.segment.Condition;
import io.shopsense.core.segment.Literal;
import io.shopsense.core.segment.Operand;
import io.shopsense.core.segment.Rule;
import io.shopsense.core.segment.RuleSyntaxException;
import io.shopsense.core.segment.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the JSON form of a rule: the same tree as the text form, one JSON object per condition.
 *
 * <pre>
 * condition  = {"and": [condition, condition, …]}     two or more
 *            | {"or":  [condition, condition, …]}     two or more
 *            | {"not": condition}
 *            | {"in_segment": "segment-id"}
 *            | comparison
 * comparison = operand's key and argument, plus "op" and, unless the op is "is null"/"is not null", "value":
 *   {"field": "lifecycle", "op": "=", "value": "silent"}
 *   {"count": {"event": "Order Completed", "within": "30d"}, "op": "=", "value": 0}
 *   {"field": "rfm.monetary", "op": ">", "value": {"field": "rfm.frequency"}}
 *   {"field": "lifecycle", "op": "not in", "value": ["lost", "silent"]}
 *   {"field": "behaviour.favouriteCategories", "op": "contains", "value": "outdoor"}
 *   {"days_since": "behaviour.lastOrder", "op": "is not null"}
 * operand    = "field": "rfm.monetary"
 *            | "interest": "category:outdoor"
 *            | "count": {"event"?: "Order Completed", "within"?: "30d"}
 *            | "sum": {"measure": "revenue" | "units", "event"?: …, "within"?: "90d"}
 *            | "days_since": "behaviour.lastOrder"
 * op         = "=" "!=" ("&lt;&gt;" reads as "!=") "&lt;" "&lt;=" "&gt;" "&gt;=" with a literal or an operand object as the value
 *            | "in" "not in" with a non-empty array of literals | "contains" with a literal
 *            | "is null" "is not null" with no value
 * literal    = a JSON string, number or boolean (never null: ask "is null"); windows are strings, "30d" or "4w"
 * </pre>
 *
 * <p>Keys are exact (lower case) and unknown keys are errors, as are duplicate keys in JSON text. Errors in the
 * structure are {@link RuleSyntaxException}s with the JSON pointer of the offending value ({@code /and/1/op}) and
 * line and column 0; text that is not JSON at all gets the line and column of the JSON text instead. JSON text may
 * nest as deep as the rule's own limit needs ({@value Rule#MAX_DEPTH} levels of and/or/not), deeper than the shared
 * mapper's limit for other documents.
 */
public final class RuleJsonReader {
  private static final Set<String> OPERANDS = Set.of("field", "interest", "count", "sum", "days_since");
  private static final Set<String> GROUPS = Set.of("and", "or", "not", "in_segment");
  private static final String OPERATORS = "=, !=, <, <=, >, >=, in, not in, contains, is null and is not null";
  /** JSON text beyond this is refused before it is read; a rule's text form is at most 20,000 characters. */
  private static final int MAX_JSON_LENGTH = 1_000_000;
  private static final ObjectMapper MAPPER = JsonCodec.mapper().copy();

  static {
    // and/or take two JSON levels (object and array), a comparison up to three
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(2 * Rule.MAX_DEPTH + 4).maxDocumentLength(MAX_JSON_LENGTH).build());
    MAPPER.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  private RuleJsonReader() {}

  /** The condition of a rule's JSON text; null reads as empty. */
  public static Condition read(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      // the position is given apart; Jackson's reference to its source is noise here
      String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("")
          .replaceFirst("\\s*\\(?(start marker )?at \\[Source:.*", "");
      throw RuleSyntaxException.at(at == null ? 1 : Math.max(1, at.getLineNr()),
          at == null ? 1 : Math.max(1, at.getColumnNr()),
          "invalid JSON: " + (message.length() > 120 ? message.substring(0, 120) + "…" : message));
    }
    return read(node);
  }

  /** The condition of a rule's JSON tree. */
  public static Condition read(JsonNode json) {
    if (json == null || json.isMissingNode()) {
      throw RuleSyntaxException.atJson("", "expected a rule as a JSON object, found nothing");
    }
    return condition(json, "", 1);
  }

  /** A condition at {@code path}; {@code level} is the and/or/not level it would be at. */
  private static Condition condition(JsonNode node, String path, int level) {
    if (!node.isObject()) {
      throw RuleSyntaxException.atJson(path, "expected a condition (a JSON object), found " + kind(node));
    }
    Optional<String> group = first(node, GROUPS);
    if (group.isEmpty()) {
      if (!node.has("op") && first(node, OPERANDS).isEmpty()) {
        throw RuleSyntaxException.atJson(path, "expected 'and', 'or', 'not', 'in_segment' or a comparison with "
            + "'op', found " + (node.isEmpty() ? "an empty object" : "keys " + keys(node)));
      }
      return comparison(node, path);
    }
    String key = group.get();
    String at = path + "/" + key;
    onlyKey(node, path, key);
    JsonNode value = node.get(key);
    if (key.equals("in_segment")) {
      return build(at, () -> new Condition.InSegment(text(value, at, "a segment id")));
    }
    if (level > Rule.MAX_DEPTH) {
      throw RuleSyntaxException.atJson(path, "a rule nests at most " + Rule.MAX_DEPTH + " levels of and, or and not");
    }
    if (key.equals("not")) {
      return new Condition.Not(condition(value, at, level + 1));
    }
    if (!value.isArray() || value.size() < 2) {
      throw RuleSyntaxException.atJson(at, "expected an array of two or more conditions, found " + kind(value));
    }
    List<Condition> conditions = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      conditions.add(condition(value.get(i), at + "/" + i, level + 1));
    }
    return key.equals("and") ? new Condition.And(conditions) : new Condition.Or(conditions);
  }

  private static Condition comparison(JsonNode node, String path) {
    Iterator<String> names = node.fieldNames();
    String operandKey = null;
    while (names.hasNext()) {
      String key = names.next();
      if (OPERANDS.contains(key)) {
        if (operandKey != null) {
          throw RuleSyntaxException.atJson(path + "/" + escape(key),
              "a comparison has one operand, this one has '" + operandKey + "' and '" + key + "'");
        }
        operandKey = key;
      } else if (!key.equals("op") && !key.equals("value")) {
        throw unknownKey(path, key, Set.of("field", "interest", "count", "sum", "days_since", "op", "value"));
      }
    }
    if (operandKey == null) {
      throw RuleSyntaxException.atJson(path, "a comparison needs an operand: 'field', 'interest', 'count', 'sum' "
          + "or 'days_since'");
    }
    Operand left = operand(operandKey, node.get(operandKey), path + "/" + operandKey);
    String op = text(node.get("op"), path + "/op", "an operator");
    JsonNode value = node.get("value");
    String valuePath = path + "/value";
    boolean isNull = op.equals("is null") || op.equals("is not null");
    if (isNull != (value == null)) {
      throw RuleSyntaxException.atJson(isNull ? valuePath : path,
          isNull ? "'" + op + "' takes no value" : "'" + op + "' needs a 'value'");
    }
    switch (op) {
      case "is null", "is not null" -> {
        return new Condition.IsNull(left, op.equals("is not null"));
      }
      case "in", "not in" -> {
        if (!value.isArray() || value.isEmpty()) {
          throw RuleSyntaxException.atJson(valuePath, "expected an array of one or more values, found " + kind(value));
        }
        List<Literal> values = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          String at = valuePath + "/" + i;
          Literal v = literal(value.get(i), at);
          build(at, () -> new Condition.In(left, op.equals("not in"), List.of(v)));
          values.add(v);
        }
        return new Condition.In(left, op.equals("not in"), values);
      }
      case "contains" -> {
        if (!(left instanceof Operand.Field field)) {
          throw RuleSyntaxException.atJson(path + "/" + operandKey, "'contains' needs a list field");
        }
        Literal v = literal(value, valuePath);
        return build(valuePath, () -> new Condition.Contains(field, v));
      }
      default -> {
        Condition.Op compare = Condition.Op.of(op).orElseThrow(() -> RuleSyntaxException.atJson(path + "/op",
            "unknown operator '" + Spelling.shorten(op) + "'; operators are " + OPERATORS));
        Term right = value.isObject() ? operandObject(value, valuePath) : literal(value, valuePath);
        return build(valuePath, () -> new Condition.Compare(left, compare, right));
      }
    }
  }

  /** An operand as a value: an object with its one key. */
  private static Operand operandObject(JsonNode node, String path) {
    Optional<String> key = first(node, OPERANDS);
    if (key.isEmpty()) {
      throw RuleSyntaxException.atJson(path, "expected an operand ('field', 'interest', 'count', 'sum' or "
          + "'days_since'), found " + (node.isEmpty() ? "an empty object" : "keys " + keys(node)));
    }
    onlyKey(node, path, key.get());
    return operand(key.get(), node.get(key.get()), path + "/" + key.get());
  }

  private static Operand operand(String key, JsonNode value, String path) {
    switch (key) {
      case "field" -> {
        String name = text(value, path, "a field name");
        return build(path, () -> new Operand.Field(name));
      }
      case "interest" -> {
        String tag = text(value, path, "a tag");
        return build(path, () -> new Operand.Interest(tag));
      }
      case "days_since" -> {
        String name = text(value, path, "a time field");
        return build(path, () -> new Operand.DaysSince(name));
      }
      case "count" -> {
        Map<String, JsonNode> args = arguments(value, path, Set.of("event", "within"));
        String event = optionalText(args.get("event"), path + "/event", "an event name");
        Operand.Window within = window(args.get("within"), path + "/within");
        return build(path + "/event", () -> new Operand.Count(event, within));
      }
      default -> { // "sum", the last of OPERANDS
        Map<String, JsonNode> args = arguments(value, path, Set.of("measure", "event", "within"));
        String measureName = text(args.get("measure"), path + "/measure", "'revenue' or 'units'");
        Operand.Measure measure = Operand.Measure.of(measureName).filter(m -> m.key().equals(measureName))
            .orElseThrow(() -> RuleSyntaxException.atJson(path + "/measure",
                "expected what to sum, 'revenue' or 'units', found '" + Spelling.shorten(measureName) + "'"));
        String event = optionalText(args.get("event"), path + "/event", "an event name");
        Operand.Window within = window(args.get("within"), path + "/within");
        return build(path + "/event", () -> new Operand.Sum(measure, event, within));
      }
    }
  }

  private static Map<String, JsonNode> arguments(JsonNode node, String path, Set<String> known) {
    if (node == null || !node.isObject()) {
      throw RuleSyntaxException.atJson(path, "expected an object of arguments, found " + kind(node));
    }
    Map<String, JsonNode> args = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!known.contains(e.getKey())) {
        throw unknownKey(path, e.getKey(), known);
      }
      args.put(e.getKey(), e.getValue());
    }
    return args;
  }

  private static Operand.Window window(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    String text = text(node, path, "a window like \"30d\" or \"4w\"");
    return build(path, () -> Operand.Window.parse(text));
  }

  private static Literal literal(JsonNode node, String path) {
    if (node.isTextual()) {
      return new Literal.Text(node.textValue());
    }
    if (node.isBoolean()) {
      return new Literal.Bool(node.booleanValue());
    }
    if (node.isNumber()) {
      if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
        throw RuleSyntaxException.atJson(path, "expected a finite number, found " + node.asText());
      }
      return build(path, () -> new Literal.Decimal(node.decimalValue()));
    }
    throw RuleSyntaxException.atJson(path, node.isNull()
        ? "null is not a value: ask with the op 'is null' or 'is not null'"
        : "expected a string, a number, true or false, found " + kind(node));
  }

  private static String text(JsonNode node, String path, String what) {
    if (node == null || !node.isTextual()) {
      throw RuleSyntaxException.atJson(path, "expected " + what + " as a string, found " + kind(node));
    }
    return node.textValue();
  }

  private static String optionalText(JsonNode node, String path, String what) {
    return node == null ? null : text(node, path, what);
  }

  /** The first key of {@code node} that is one of {@code keys}. */
  private static Optional<String> first(JsonNode node, Set<String> keys) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (keys.contains(name)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private static void onlyKey(JsonNode node, String path, String key) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String other = names.next();
      if (!other.equals(key)) {
        throw RuleSyntaxException.atJson(path + "/" + escape(other),
            "unexpected key '" + Spelling.shorten(other) + "' beside '" + key + "'");
      }
    }
  }

  private static RuleSyntaxException unknownKey(String path, String key, Set<String> known) {
    List<String> hints = Spelling.closest(key, known);
    return RuleSyntaxException.atJson(path + "/" + escape(key), "unknown key '" + Spelling.shorten(key) + "'"
        + (hints.isEmpty() ? "" : "; did you mean '" + hints.get(0) + "'?"));
  }

  private static String keys(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(n -> names.add("'" + Spelling.shorten(n) + "'"));
    return String.join(", ", names.subList(0, Math.min(names.size(), 5)));
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> node.isEmpty() ? "an empty array" : "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** A key as a JSON pointer writes it. */
  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** A node of the tree, its own checks reported at the path. */
  private static <T> T build(String path, Supplier<T> node) {
    try {
      return node.get();
    } catch (IllegalArgumentException e) {
      throw RuleSyntaxException.atJson(path, e.getMessage());
    }
  }
}
