package io.shopsense.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.core.json.JsonCodec;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: any tree reads back from its canonical text and from its JSON form as the same tree. */
class RuleRoundTripTest {

  @Test
  void everyTreeReadsBackFromItsTextAndItsJson() {
    RandomRules trees = new RandomRules(20261120L);
    for (int i = 0; i < 500; i++) {
      Rule rule = Rule.of(trees.condition(3));
      String text = rule.toText();
      String json = JsonCodec.text(rule.toJson());

      Rule fromText = Rule.parse(text);
      assertThat(fromText).as("case %d: %s", i, text).isEqualTo(rule);
      assertThat(fromText.toText()).isEqualTo(text);
      assertThat(Rule.fromJson(rule.toJson())).as("case %d: %s", i, json).isEqualTo(rule);
      Rule fromJsonText = Rule.fromJson(json);
      assertThat(fromJsonText).as("case %d: %s", i, json).isEqualTo(rule);
      assertThat(fromJsonText.hashCode()).isEqualTo(rule.hashCode());
    }
  }

  @Test
  void anyDamageToTheJsonFormIsReportedAsARuleSyntaxException() {
    RandomRules trees = new RandomRules(7L);
    Random random = new Random(7L);
    String[] junk = {"null", "[]", "{}", "\"\"", "0", "true", "-1e400", "\"x\"", "{\"not\":null}", "[{}]", "\"30d\""};
    int refused = 0;
    for (int i = 0; i < 300; i++) {
      String json = JsonCodec.text(Rule.of(trees.condition(3)).toJson());
      String damaged = switch (random.nextInt(3)) {
        case 0 -> json.substring(0, random.nextInt(json.length()));
        case 1 -> json.replaceFirst("\"(op|value|field|count|sum|and|or|not|in_segment|interest|days_since|event"
            + "|within|measure)\":\"?[^,}\\]\"]*\"?", "\"$1\":" + junk[random.nextInt(junk.length)]);
        default -> json.replaceFirst(":", ":" + junk[random.nextInt(junk.length)] + ",\"z\":");
      };
      try {
        Rule.fromJson(damaged);
      } catch (RuleSyntaxException e) {
        refused++;
      }
    }
    assertThat(refused).isGreaterThan(240);
  }
}
