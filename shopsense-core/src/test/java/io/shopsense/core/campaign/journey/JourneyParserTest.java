package io.shopsense.core.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyParserTest {
  private final JourneyParser parser = new JourneyParser();

  private static final String HEAD = "id: j\nversion: 1\ntrigger: {type: event, event: Product Added}\n";

  private List<String> problems(String yaml) {
    try {
      parser.parse(yaml, JourneyParser.Format.YAML);
    } catch (InvalidJourneyException e) {
      return e.problems().stream().map(JourneyProblem::toString).toList();
    }
    throw new AssertionError("expected the journey to be rejected:\n" + yaml);
  }

  @Test
  void readsEveryStepKindFromYaml() {
    JourneyDefinition d = parser.parse(HEAD + """
        zone: Europe/Berlin
        reentry: {mode: after-exit, cooldown: 2d}
        exitOn: [{event: Order Completed, where: {currency: EUR}}]
        steps:
          - {id: w, type: wait, duration: 90m, until: "10:00", next: c}
          - {id: c, type: condition, if: {field: country, op: in, values: [DE, AT]}, yes: s, no: x}
          - {id: s, type: split, arms: [{name: a, weight: 1, next: m}, {name: b, weight: 3, next: g}]}
          - {id: m, type: send, template: t1, category: promotional, topic: news, priority: 5, next: x}
          - {id: g, type: coupon, pool: p1, next: u}
          - {id: u, type: trait, name: vip, value: "yes", next: x}
          - {id: x, type: exit}
        """, JourneyParser.Format.YAML);
    assertThat(d.start()).isEqualTo("w");
    assertThat(d.reentry()).isEqualTo(new ReentryRule(ReentryRule.Mode.AFTER_EXIT, Duration.ofDays(2)));
    assertThat(d.step("w")).isEqualTo(new Step.Wait("w", Duration.ofMinutes(90), LocalTime.of(10, 0), "c"));
    assertThat(((Step.Send) d.step("m")).spec().channel()).isEqualTo("preferred");
    assertThat(((Step.Split) d.step("s")).arms()).extracting(Step.Arm::weight).containsExactly(1.0, 3.0);
    assertThat(d.exitOn()).containsExactly(new EventFilter("Order Completed", java.util.Map.of("currency", "EUR")));
  }

  @Test
  void jsonAndYamlOfTheSameJourneyParseAlike() {
    String json = """
        {"id":"j","version":1,"trigger":{"type":"segment-entered","segment":"vip"},
         "steps":[{"id":"m","type":"send","channel":"email","template":"t","category":"service","next":"x"},
                  {"id":"x","type":"exit"}]}""";
    String yaml = """
        id: j
        version: 1
        trigger: {type: segment-entered, segment: vip}
        steps:
          - {id: m, type: send, channel: email, template: t, category: service, next: x}
          - {id: x, type: exit}
        """;
    assertThat(parser.parse(json, JourneyParser.Format.JSON)).isEqualTo(parser.parse(yaml, JourneyParser.Format.YAML));
    assertThat(JourneyParser.sniff(json)).isEqualTo(JourneyParser.Format.JSON);
    assertThat(JourneyParser.sniff(yaml)).isEqualTo(JourneyParser.Format.YAML);
  }

  @Test
  void rejectsAMissingTriggerAndVersion() {
    assertThat(problems("id: j\nsteps: [{id: x, type: exit}]\n"))
        .contains("$.version: required, a positive whole number")
        .anyMatch(p -> p.startsWith("$.trigger: required"));
  }

  @Test
  void namesUnknownStepTargetsByPath() {
    assertThat(problems(HEAD + """
        steps:
          - {id: a, type: send, template: t, category: promotional, next: sned}
          - {id: b, type: condition, if: {trait: vip}, yes: x, no: nowhere}
          - {id: x, type: exit}
        """)).containsExactly("$.steps[0].next: unknown step 'sned'", "$.steps[1].no: unknown step 'nowhere'");
  }

  @Test
  void rejectsUnreachableSteps() {
    assertThat(problems(HEAD + """
        steps:
          - {id: a, type: send, template: t, category: promotional, next: x}
          - {id: lost, type: send, template: t, category: promotional, next: x}
          - {id: x, type: exit}
        """)).containsExactly("$.steps[1]: step 'lost' is unreachable from the start 'a'");
  }

  @Test
  void rejectsStepsWithoutAPathToAnExit() {
    assertThat(problems(HEAD + """
        steps:
          - {id: a, type: condition, if: {trait: vip}, yes: x, no: loop}
          - {id: loop, type: wait, duration: 1d, next: again}
          - {id: again, type: send, template: t, category: promotional, next: loop}
          - {id: x, type: exit}
        """)).containsExactly("$.steps[1]: step 'loop' has no path to an exit step",
        "$.steps[2]: step 'again' has no path to an exit step");
  }

  @Test
  void rejectsAJourneyWithoutAnExitStep() {
    assertThat(problems(HEAD + """
        steps:
          - {id: a, type: wait, duration: 1d, next: a}
        """)).contains("$.steps: no exit step: every journey needs at least one");
  }

  @Test
  void rejectsACycleWithoutAWaitButAcceptsOneWithAWait() {
    assertThat(problems(HEAD + """
        steps:
          - {id: a, type: send, template: t, category: promotional, next: b}
          - {id: b, type: condition, if: {trait: done}, yes: x, no: a}
          - {id: x, type: exit}
        """)).containsExactly("$.steps[0]: cycle without a wait: a -> b -> a");
    JourneyDefinition ok = parser.parse(HEAD + """
        steps:
          - {id: a, type: send, template: t, category: promotional, next: b}
          - {id: b, type: condition, if: {trait: done}, yes: x, no: w}
          - {id: w, type: wait, duration: 7d, next: a}
          - {id: x, type: exit}
        """, JourneyParser.Format.YAML);
    assertThat(ok.steps()).hasSize(4);
  }

  @Test
  void rejectsSplitWeightsThatAreNotPositive() {
    assertThat(problems(HEAD + """
        steps:
          - {id: s, type: split, arms: [{weight: 0, next: x}, {weight: -1, next: x}, {next: x}]}
          - {id: x, type: exit}
        """)).containsExactly("$.steps[0].arms[0].weight: required, a positive number, got 0",
        "$.steps[0].arms[1].weight: required, a positive number, got -1",
        "$.steps[0].arms[2].weight: required, a positive number, got nothing");
  }

  @Test
  void rejectsBadFieldsWithTheirPaths() {
    assertThat(problems("""
        id: "bad id"
        version: 1
        zone: Mars/Olympus
        trigger: {type: stage-changed}
        reentry: {mode: sometimes}
        steps:
          - {id: w, type: wait, duration: soon, next: x}
          - {id: u, type: wait, until: "25:00", next: x}
          - {id: m, type: send, template: t, category: spam, priority: 1000, next: x}
          - {id: c, type: condition, if: {field: age, op: gt}, yes: x, no: x}
          - {id: q, type: teleport}
          - {id: x, type: exit}
          - {id: x, type: exit}
        """)).containsExactly(
        "$.id: must be letters, digits, '.', '_' or '-' (at most 200), got 'bad id'",
        "$.zone: unknown time zone 'Mars/Olympus'",
        "$.trigger: a stage-changed trigger needs 'from', 'to' or both",
        "$.reentry.mode: unknown re-entry mode 'sometimes' (expected once or after-exit)",
        "$.steps[0].duration: expected a positive duration like PT1H, P3D, 90m or 2d, got 'soon'",
        "$.steps[1].until: expected a time of day HH:mm, got '25:00'",
        "$.steps[2].category: expected transactional, service or promotional, got 'spam'",
        "$.steps[2].priority: a whole number from 0 to 100",
        "$.steps[3].if: operator gt needs a 'value'",
        "$.steps[4].type: unknown step type 'teleport' (expected wait, condition, split, send, coupon, trait or exit)",
        "$.steps[6].id: duplicate step id 'x' (also $.steps[5])");
  }

  @Test
  void rejectsNamesThatYamlReadsAsBooleansOrNumbers() {
    assertThat(problems("""
        id: off
        version: 1
        trigger: {type: event, event: Go}
        steps:
          - {id: 1, type: exit}
          - {id: a, type: send, template: t, category: promotional, next: no}
        """)).containsExactly(
        "$.id: expected a name, got boolean false (quote it: YAML reads yes/no/on/off/true/false as booleans and "
            + "digits as numbers)",
        "$.steps[0].id: expected a name, got number 1 (quote it: YAML reads yes/no/on/off/true/false as booleans "
            + "and digits as numbers)",
        "$.steps[1].next: expected a name, got boolean false (quote it: YAML reads yes/no/on/off/true/false as "
            + "booleans and digits as numbers)");
  }

  @Test
  void rejectsTextThatIsNotYamlAtAll() {
    assertThatThrownBy(() -> parser.parse("{ not json", JourneyParser.Format.JSON))
        .isInstanceOf(InvalidJourneyException.class).hasMessageContaining("$: not valid JSON");
  }

  @Test
  void acceptsIsoDurations() {
    JourneyDefinition d = parser.parse(HEAD + """
        steps:
          - {id: a, type: wait, duration: PT36H, next: b}
          - {id: b, type: wait, duration: P2D, next: x}
          - {id: x, type: exit}
        """, JourneyParser.Format.YAML);
    assertThat(((Step.Wait) d.step("a")).duration()).isEqualTo(Duration.ofHours(36));
    assertThat(((Step.Wait) d.step("b")).duration()).isEqualTo(Duration.ofDays(2));
  }
}
