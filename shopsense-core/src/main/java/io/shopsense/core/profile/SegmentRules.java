package io.shopsense.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.segment.Rule;
import io.shopsense.core.segment.SegmentSet;
import io.shopsense.core.segment.SegmentSubject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where profiles meet the rule language: saved segments are kept as their canonical rule text, compiled together into
 * a {@link SegmentEvaluator}. Every path that evaluates segments (real time, the refresh, previews, the batch
 * evaluation, Spark) compiles through here.
 */
public final class SegmentRules {
  /** The id a rule is previewed under, beside the saved segments it may refer to. */
  static final String PREVIEW_ID = "preview-rule-under-test";

  private SegmentRules() {}

  /**
   * The segments by id (rule texts), compiled.
   *
   * @throws io.shopsense.core.segment.RuleSyntaxException for a rule that does not parse
   * @throws IllegalArgumentException                      for an unknown segment reference or a cycle
   */
  public static SegmentEvaluator compile(Map<String, String> rules) {
    Map<String, Rule> parsed = new LinkedHashMap<>();
    rules.forEach((id, text) -> parsed.put(id, Rule.parse(text)));
    SegmentSet set = SegmentSet.compile(parsed);
    boolean traits = set.usesTraits();
    boolean windows = set.usesTimeWindows();
    Set<String> ids = set.ids();
    return new SegmentEvaluator() {
      @Override
      public Set<String> evaluate(SegmentSubject subject) {
        return set.evaluate(subject);
      }

      @Override
      public boolean usesTraits() {
        return traits;
      }

      @Override
      public boolean usesTimeWindows() {
        return windows;
      }

      @Override
      public Set<String> ids() {
        return ids;
      }
    };
  }

  /** The canonical text of a rule given as text. */
  public static String canonical(String text) {
    return Rule.parse(text).toText();
  }

  /** The canonical text of a rule given in its JSON form. */
  public static String fromJson(JsonNode json) {
    return Rule.fromJson(json).toText();
  }

  /** The JSON form of a rule text. */
  public static JsonNode toJson(String text) {
    return Rule.parse(text).toJson();
  }

  /** The ids of the segments among {@code rules} whose rule refers to {@code id}. */
  static List<String> referencing(Map<String, String> rules, String id) {
    List<String> out = new ArrayList<>();
    rules.forEach((other, text) -> {
      if (Rule.parse(text).segmentsReferenced().contains(id)) {
        out.add(other);
      }
    });
    return out;
  }
}
