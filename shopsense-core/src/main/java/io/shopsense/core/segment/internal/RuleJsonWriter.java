package io.shopsense.core.segment.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.core.segment.Condition;
import io.shopsense.core.segment.Literal;
import io.shopsense.core.segment.Operand;
import java.util.List;

/** Writes a tree in the JSON form that {@link RuleJsonReader} documents and reads. */
public final class RuleJsonWriter {
  private static final JsonNodeFactory NODES = JsonCodec.mapper().getNodeFactory();

  private RuleJsonWriter() {}

  public static ObjectNode write(Condition c) {
    ObjectNode node = NODES.objectNode();
    if (c instanceof Condition.And and) {
      node.set("and", list(and.conditions()));
    } else if (c instanceof Condition.Or or) {
      node.set("or", list(or.conditions()));
    } else if (c instanceof Condition.Not not) {
      node.set("not", write(not.condition()));
    } else if (c instanceof Condition.InSegment in) {
      node.put("in_segment", in.segmentId());
    } else if (c instanceof Condition.Compare compare) {
      operand(compare.left(), node);
      node.put("op", compare.op().symbol());
      node.set("value", compare.right() instanceof Operand o ? operand(o, NODES.objectNode())
          : literal((Literal) compare.right()));
    } else if (c instanceof Condition.In in) {
      operand(in.operand(), node);
      node.put("op", in.negated() ? "not in" : "in");
      ArrayNode values = node.putArray("value");
      in.values().forEach(v -> values.add(literal(v)));
    } else if (c instanceof Condition.Contains contains) {
      operand(contains.field(), node);
      node.put("op", "contains");
      node.set("value", literal(contains.value()));
    } else if (c instanceof Condition.IsNull isNull) {
      operand(isNull.operand(), node);
      node.put("op", isNull.negated() ? "is not null" : "is null");
    }
    return node;
  }

  private static ArrayNode list(List<Condition> conditions) {
    ArrayNode array = NODES.arrayNode();
    conditions.forEach(c -> array.add(write(c)));
    return array;
  }

  /** The operand's key and argument, put into {@code node}. */
  private static ObjectNode operand(Operand operand, ObjectNode node) {
    if (operand instanceof Operand.Field field) {
      node.put("field", field.path());
    } else if (operand instanceof Operand.Interest interest) {
      node.put("interest", interest.tag());
    } else if (operand instanceof Operand.DaysSince days) {
      node.put("days_since", days.path());
    } else if (operand instanceof Operand.Count count) {
      arguments(node.putObject("count"), count.event(), count.within());
    } else if (operand instanceof Operand.Sum sum) {
      ObjectNode arguments = node.putObject("sum").put("measure", sum.measure().key());
      arguments(arguments, sum.event(), sum.within());
    }
    return node;
  }

  private static void arguments(ObjectNode node, String event, Operand.Window within) {
    if (event != null) {
      node.put("event", event);
    }
    if (within != null) {
      node.put("within", within.toString());
    }
  }

  private static JsonNode literal(Literal literal) {
    if (literal instanceof Literal.Text text) {
      return NODES.textNode(text.value());
    }
    if (literal instanceof Literal.Decimal decimal) {
      return NODES.numberNode(decimal.value());
    }
    return NODES.booleanNode(((Literal.Bool) literal).value());
  }
}
