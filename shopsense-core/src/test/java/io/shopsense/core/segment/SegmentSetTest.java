package io.shopsense.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentSetTest {

  static Map<String, Rule> rules(String... idsAndRules) {
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (int i = 0; i < idsAndRules.length; i += 2) {
      rules.put(idsAndRules[i], Rule.parse(idsAndRules[i + 1]));
    }
    return rules;
  }

  @Test
  void evaluatesDependenciesFirstSoInSegmentSeesThisRound() {
    SegmentSet set = SegmentSet.compile(rules(
        "a-win-back", "in_segment('b-lapsed-vip') and count(event = 'Order Completed', within = 30d) = 0",
        "b-lapsed-vip", "in_segment('c-vip') and lifecycle = 'silent'",
        "c-vip", "rfm.monetary >= 4",
        "d-new", "lifecycle = 'new'",
        "e-not-vip", "not in_segment('c-vip')"));

    assertThat(set.order()).containsExactly("c-vip", "b-lapsed-vip", "a-win-back", "d-new", "e-not-vip");
    assertThat(set.ids()).containsExactly("a-win-back", "b-lapsed-vip", "c-vip", "d-new", "e-not-vip");
    assertThat(set.evaluate(new MapSubject().with("rfm.monetary", 5).with("lifecycle", "silent")))
        .containsExactly("a-win-back", "b-lapsed-vip", "c-vip");
    assertThat(set.evaluate(new MapSubject().with("rfm.monetary", 5).with("lifecycle", "silent")
        .event("Order Completed", 2, "10", 1))).containsExactly("b-lapsed-vip", "c-vip");
    assertThat(set.evaluate(new MapSubject().with("lifecycle", "new"))).containsExactly("d-new", "e-not-vip");
    assertThat(set.usesTimeWindows()).isTrue();
    assertThat(set.usesTraits()).isFalse();
  }

  @Test
  void theOrderIsTheSameWhateverOrderTheRulesComeIn() {
    Map<String, Rule> forwards = rules("x", "in_segment('y')", "y", "in_segment('z')", "z", "lifecycle = 'a'",
        "a", "in_segment('z')");
    List<String> ids = new ArrayList<>(forwards.keySet());
    Collections.reverse(ids);
    Map<String, Rule> backwards = new LinkedHashMap<>();
    ids.forEach(id -> backwards.put(id, forwards.get(id)));

    assertThat(SegmentSet.compile(forwards).order()).containsExactly("z", "a", "y", "x");
    assertThat(SegmentSet.compile(backwards).order()).isEqualTo(SegmentSet.compile(forwards).order());
  }

  @Test
  void namesTheCycleItRefuses() {
    assertThatThrownBy(() -> SegmentSet.compile(rules("a", "in_segment('b')", "b", "in_segment('c') or "
        + "lifecycle = 'x'", "c", "in_segment('a')", "d", "lifecycle = 'y'")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segments refer to each other in a cycle: a -> b -> c -> a");
    assertThatThrownBy(() -> SegmentSet.compile(rules("a", "in_segment('b')", "b", "in_segment('c')", "c",
        "in_segment('b')"))).as("a segment behind the cycle is not part of it")
        .hasMessage("segments refer to each other in a cycle: b -> c -> b");
    assertThatThrownBy(() -> SegmentSet.compile(rules("self", "not in_segment('self')")))
        .hasMessage("segments refer to each other in a cycle: self -> self");
  }

  @Test
  void refusesReferencesToUnknownSegmentsAndBadIds() {
    assertThatThrownBy(() -> SegmentSet.compile(rules("a", "in_segment('gone')")))
        .hasMessage("segment 'a' refers to unknown segment 'gone'");
    assertThatThrownBy(() -> SegmentSet.compile(rules("Big Spenders", "rfm.monetary = 5")))
        .hasMessageContaining("a segment id starts with a lowercase letter or a digit");
  }

  @Test
  void anEmptySetPutsNobodyAnywhere() {
    SegmentSet none = SegmentSet.compile(Map.of());

    assertThat(none.evaluate(new MapSubject())).isEmpty();
    assertThat(none.usesTimeWindows()).isFalse();
  }

  @Test
  void validatesSegmentIds() {
    assertThat(SegmentIds.validate("vip")).isEqualTo("vip");
    assertThat(SegmentIds.validate("0-day_buyers")).isEqualTo("0-day_buyers");
    assertThat(SegmentIds.validate("a".repeat(100))).hasSize(100);
    assertThatThrownBy(() -> SegmentIds.validate("a".repeat(101)))
        .hasMessage("a segment id has at most 100 characters, 'aaaaaaaaaaaaaaaaaaaa…' has 101");
    assertThatThrownBy(() -> SegmentIds.validate("")).hasMessage("a segment id is empty");
    assertThatThrownBy(() -> SegmentIds.validate(null)).hasMessage("a segment id is empty");
    assertThatThrownBy(() -> SegmentIds.validate("_vip"))
        .hasMessage("a segment id starts with a lowercase letter or a digit, '_vip' does not");
    assertThatThrownBy(() -> SegmentIds.validate("vip list"))
        .hasMessage("a segment id has only lowercase letters, digits, '_' and '-', 'vip list' has ' '");
    assertThatThrownBy(() -> SegmentIds.validate("vip\n")).hasMessageEndingWith("has U+000A");
  }
}
