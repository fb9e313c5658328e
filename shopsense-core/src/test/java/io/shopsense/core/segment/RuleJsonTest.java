package io.shopsense.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RuleJsonTest {

  static RuleSyntaxException error(String json) {
    RuleSyntaxException e = catchThrowableOfType(() -> Rule.fromJson(json), RuleSyntaxException.class);
    assertThat(e).as("an error for %s", json).isNotNull();
    return e;
  }

  static void assertError(String json, String pointer, String reason) {
    RuleSyntaxException e = error(json.replace('\'', '"'));
    assertThat(e.jsonPointer()).as(e.getMessage()).contains(pointer);
    assertThat(e.reason()).contains(reason);
    assertThat(e.line()).isZero();
    assertThat(e.column()).isZero();
    assertThat(e.getMessage()).isEqualTo("at " + (pointer.isEmpty() ? "the root" : pointer) + ": " + e.reason());
  }

  @Test
  void writesTheExampleAsOneObjectPerCondition() {
    Rule rule = Rule.parse(RuleParseTest.EXAMPLE);

    assertThat(JsonCodec.text(rule.toJson())).isEqualTo("{\"and\":["
        + "{\"field\":\"lifecycle\",\"op\":\"=\",\"value\":\"silent\"},"
        + "{\"field\":\"rfm.monetary\",\"op\":\">=\",\"value\":4},"
        + "{\"interest\":\"category:outdoor\",\"op\":\">\",\"value\":0.3},"
        + "{\"count\":{\"event\":\"Order Completed\",\"within\":\"30d\"},\"op\":\"=\",\"value\":0}]}");
    assertThat(Rule.fromJson(rule.toJson())).isEqualTo(rule);
    assertThat(Rule.fromJson(JsonCodec.text(rule.toJson()))).isEqualTo(rule);
  }

  @Test
  void readsEveryForm() {
    String json = """
        {"or": [
          {"and": [{"field": "lifecycle", "op": "=", "value": "silent"},
                   {"count": {"event": "Order Completed", "within": "30d"}, "op": "=", "value": 0}]},
          {"not": {"in_segment": "churned"}},
          {"field": "rfm.monetary", "op": ">", "value": {"field": "rfm.frequency"}},
          {"field": "lifecycle", "op": "not in", "value": ["lost", "silent"]},
          {"field": "traits.tier", "op": "in", "value": [1, "gold", true]},
          {"field": "behaviour.favouriteCategories", "op": "contains", "value": "outdoor"},
          {"days_since": "behaviour.lastOrder", "op": "is not null"},
          {"sum": {"within": "2w", "measure": "units"}, "op": "<>", "value": 1E+2},
          {"field": "behaviour.lastOrder", "op": ">=", "value": "2024-01-01"}
        ]}
        """;

    Rule rule = Rule.fromJson(json);

    assertThat(rule.toText()).isEqualTo("lifecycle = 'silent' and count(event = 'Order Completed', within = 30d) = 0"
        + " or not in_segment('churned') or rfm.monetary > rfm.frequency or lifecycle not in ('lost', 'silent')"
        + " or traits.tier in (1, 'gold', true) or behaviour.favouriteCategories contains 'outdoor'"
        + " or days_since(behaviour.lastOrder) is not null or sum(units, within = 2w) != 100"
        + " or behaviour.lastOrder >= '2024-01-01'");
    assertThat(Rule.fromJson(rule.toJson())).isEqualTo(rule);
    assertThat(Rule.parse(rule.toText())).isEqualTo(rule);
  }

  @Test
  void keepsNumbersExact() {
    Rule rule = Rule.fromJson("{\"field\":\"rfm.monetary\",\"op\":\"=\",\"value\":4.10}");

    assertThat(rule.toText()).isEqualTo("rfm.monetary = 4.10");
    assertThat(((Literal.Decimal) ((Condition.Compare) rule.condition()).right()).value())
        .isEqualTo(new BigDecimal("4.10"));
    assertThat(Rule.fromJson("{\"field\":\"rfm.monetary\",\"op\":\"=\",\"value\":1e-7}").toText())
        .isEqualTo("rfm.monetary = 0.0000001");
  }

  @Test
  void pointsAtTheOffendingValue() {
    assertError("{'and':[{'field':'lifecycle','op':'like','value':'x'},{'in_segment':'a'}]}", "/and/0/op",
        "unknown operator 'like'; operators are =, !=");
    assertError("{'or':[{'in_segment':'a'},{'field':'rfm.monetery','op':'>','value':1}]}", "/or/1/field",
        "did you mean 'rfm.monetary'?");
    assertError("{'field':'rfm.monetary','op':'>','value':'4'}", "/value", "'rfm.monetary' is a number");
    assertError("{'field':'lifecycle','op':'in','value':['a',4]}", "/value/1", "'lifecycle' is a string");
    assertError("{'field':'lifecycle','op':'in','value':[]}", "/value", "expected an array of one or more values");
    assertError("{'field':'lifecycle','op':'is null','value':1}", "/value", "'is null' takes no value");
    assertError("{'field':'lifecycle','op':'='}", "", "'=' needs a 'value'");
    assertError("{'field':'lifecycle','op':'=','value':null}", "/value", "null is not a value");
    assertError("{'and':[{'in_segment':'a'}]}", "/and", "expected an array of two or more conditions");
    assertError("{'not':{'in_segment':'a'},'x':1}", "/x", "unexpected key 'x' beside 'not'");
    assertError("{'field':'lifecycle','op':'=','valeu':'a'}", "/valeu", "unknown key 'valeu'; did you mean 'value'?");
    assertError("{'field':'lifecycle','interest':'x','op':'=','value':'a'}", "/interest",
        "a comparison has one operand");
    assertError("{'op':'=','value':'a'}", "", "a comparison needs an operand");
    assertError("{'count':{'evnt':'x'},'op':'=','value':1}", "/count/evnt", "unknown key 'evnt'; did you mean 'event'?");
    assertError("{'count':{'within':'30x'},'op':'=','value':1}", "/count/within", "expected a window like 30d or 4w");
    assertError("{'count':{'within':30},'op':'=','value':1}", "/count/within", "as a string, found a number");
    assertError("{'sum':{'measure':'Revenue'},'op':'=','value':1}", "/sum/measure", "'revenue' or 'units'");
    assertError("{'sum':{},'op':'=','value':1}", "/sum/measure", "expected 'revenue' or 'units' as a string");
    assertError("{'days_since':'rfm.recency','op':'>','value':1}", "/days_since", "days_since needs a time field");
    assertError("{'field':'lifecycle','op':'contains','value':'a'}", "/value", "'lifecycle' is not a list");
    assertError("{'field':'rfm.monetary','op':'>','value':{'field':'lifecycle'}}", "/value", "cannot be compared");
    assertError("{'field':'rfm.monetary','op':'>','value':{'nope':1}}", "/value", "expected an operand");
    assertError("{'in_segment':'Bad Id'}", "/in_segment", "a segment id starts with a lowercase letter");
    assertError("{'and':[{'in_segment':'a'},[]]}", "/and/1", "expected a condition (a JSON object), found an empty array");
    assertError("{}", "", "found an empty object");
    assertError("[]", "", "expected a condition (a JSON object), found an empty array");
    assertError("{'field':'lifecycle','op':'=','value':'a','a/b~':1}", "/a~1b~0", "unknown key 'a/b~'");
    assertError("{'field':'rfm.monetary','op':'>','value':1e999999999}", "/value", "a number has at most 100 digits");
  }

  @Test
  void givesTheLineAndColumnOfTextThatIsNotJson() {
    RuleSyntaxException e = error("{\"and\": [\n  {\"in_segment\": \"a\"},\n  oops]}");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.reason()).startsWith("invalid JSON: ");
    assertThat(e.jsonPointer()).isEmpty();

    assertThat(error("{\"in_segment\":\"a\",\"in_segment\":\"b\"}").reason()).contains("Duplicate field");
    assertThat(error("{\"in_segment\":\"a\"} {}").reason()).startsWith("invalid JSON");
    assertThat(error("").reason()).isEqualTo("expected a rule as a JSON object, found nothing");
    assertThat(error(null).reason()).isEqualTo("expected a rule as a JSON object, found nothing");
  }

  @Test
  void readsAsDeepAsTheTextAllowsAndNoDeeper() {
    Rule deep = Rule.parse("(lifecycle = 'a' or intent = 'b' and (".repeat(31) + "lifecycle = 'c'" + "))".repeat(31));
    assertThat(Rule.fromJson(JsonCodec.text(deep.toJson()))).isEqualTo(deep);

    String tooDeep = "{\"not\":".repeat(65) + "{\"in_segment\":\"a\"}" + "}".repeat(65);
    assertThat(error(tooDeep).reason()).isEqualTo("a rule nests at most 64 levels of and, or and not");
    assertThat(error(tooDeep).jsonPointer()).contains("/not".repeat(64));
    assertThat(error("[".repeat(10_000) + "]".repeat(10_000)).reason()).startsWith("invalid JSON");
  }

  @Test
  void refusesNumbersThatAreNotFinite() {
    ObjectNode node = JsonCodec.mapper().createObjectNode().put("field", "rfm.monetary").put("op", "=");
    node.set("value", DoubleNode.valueOf(Double.NaN));

    RuleSyntaxException e = catchThrowableOfType(() -> Rule.fromJson(node), RuleSyntaxException.class);

    assertThat(e.jsonPointer()).contains("/value");
    assertThat(e.reason()).isEqualTo("expected a finite number, found NaN");
  }
}
