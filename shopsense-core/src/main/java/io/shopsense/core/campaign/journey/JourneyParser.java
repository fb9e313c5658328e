package io.shopsense.core.campaign.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.shopsense.api.journey.SendSpec;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a journey definition from JSON or YAML and validates it, reporting every problem with its path
 * ({@code steps[3].next: unknown step 'sned'}). The structure is checked here; the step graph by
 * {@link JourneyGraphCheck}. Stateless and thread-safe.
 *
 * <p>Durations are ISO-8601 ({@code PT1H}, {@code P3D}) or short ({@code 90m}, {@code 1h}, {@code 3d}); times of day
 * are {@code HH:mm}.
 */
public final class JourneyParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d|w)");
  /** Fields that name things (ids, step targets): YAML must not turn them into booleans or numbers unnoticed. */
  private static final java.util.Set<String> NAMES = java.util.Set.of("id", "next", "yes", "no", "start");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  /** The text formats a definition may come in. */
  public enum Format { JSON, YAML }

  /** Parses and validates; throws {@link InvalidJourneyException} with every problem found. */
  public JourneyDefinition parse(String text, Format format) {
    JsonNode root;
    try {
      root = (format == Format.YAML ? YAML : JSON).readTree(text == null ? "" : text);
    } catch (JsonProcessingException e) {
      throw new InvalidJourneyException("(unreadable)", List.of(new JourneyProblem("$",
          "not valid " + format + ": " + e.getOriginalMessage())));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidJourneyException("(unreadable)", List.of(new JourneyProblem("$", "expected an object")));
    }
    return new Reader().read(root);
  }

  /** The definition as canonical JSON (what the store keeps), from either format. */
  public String canonicalJson(String text, Format format) {
    parse(text, format);
    try {
      JsonNode root = (format == Format.YAML ? YAML : JSON).readTree(text);
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Guesses the format: JSON when the text starts with '{'. */
  public static Format sniff(String text) {
    return text != null && text.stripLeading().startsWith("{") ? Format.JSON : Format.YAML;
  }

  private static final class Reader {
    private final List<JourneyProblem> problems = new ArrayList<>();

    JourneyDefinition read(JsonNode root) {
      String id = text(root, "id", "$.id", true);
      if (id != null && !ID.matcher(id).matches()) {
        problem("$.id", "must be letters, digits, '.', '_' or '-' (at most 200), got '" + id + "'");
      }
      String name = text(root, "name", "$.name", false);
      int version = 0;
      JsonNode v = root.get("version");
      if (v == null || !v.canConvertToInt() || v.asInt() < 1) {
        problem("$.version", "required, a positive whole number");
      } else {
        version = v.asInt();
      }
      ZoneId zone = ZoneOffset.UTC;
      String zoneText = text(root, "zone", "$.zone", false);
      if (zoneText != null) {
        try {
          zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
          problem("$.zone", "unknown time zone '" + zoneText + "'");
        }
      }
      Trigger trigger = trigger(root.get("trigger"));
      ReentryRule reentry = reentry(root.get("reentry"));
      List<EventFilter> exitOn = new ArrayList<>();
      JsonNode exits = root.get("exitOn");
      if (exits != null && !exits.isArray()) {
        problem("$.exitOn", "expected a list of events");
      } else if (exits != null) {
        for (int i = 0; i < exits.size(); i++) {
          EventFilter f = eventFilter(exits.get(i), "$.exitOn[" + i + "]");
          if (f != null) {
            exitOn.add(f);
          }
        }
      }
      Map<String, Step> steps = new LinkedHashMap<>();
      Map<String, String> paths = new LinkedHashMap<>();
      JsonNode list = root.get("steps");
      if (list == null || !list.isArray() || list.isEmpty()) {
        problem("$.steps", "required, a non-empty list of steps");
      } else {
        for (int i = 0; i < list.size(); i++) {
          String path = "$.steps[" + i + "]";
          Step step = step(list.get(i), path);
          if (step == null) {
            continue;
          }
          if (steps.containsKey(step.id())) {
            problem(path + ".id", "duplicate step id '" + step.id() + "' (also " + paths.get(step.id()) + ")");
            continue;
          }
          steps.put(step.id(), step);
          paths.put(step.id(), path);
        }
      }
      String start = text(root, "start", "$.start", false);
      if (start == null && !steps.isEmpty()) {
        start = steps.keySet().iterator().next();
      } else if (start != null && !steps.containsKey(start)) {
        problem("$.start", "unknown step '" + start + "'");
        start = null;
      }
      if (problems.isEmpty() && start != null) {
        problems.addAll(new JourneyGraphCheck(start, steps, paths).problems());
      }
      if (!problems.isEmpty()) {
        throw new InvalidJourneyException(id == null ? "(no id)" : id + " v" + version, problems);
      }
      return new JourneyDefinition(id, name == null ? id : name, version, trigger, reentry, exitOn, start, steps,
          zone);
    }

    private Trigger trigger(JsonNode node) {
      String path = "$.trigger";
      if (node == null || !node.isObject()) {
        problem(path, "required: an object with a type (event, segment-entered, segment-exited, stage-changed, "
            + "date-trait)");
        return null;
      }
      String type = text(node, "type", path + ".type", true);
      if (type == null) {
        return null;
      }
      switch (type) {
        case "event": {
          EventFilter f = eventFilter(node, path);
          return f == null ? null : new Trigger.OnEvent(f);
        }
        case "segment-entered":
        case "segment-exited": {
          String segment = text(node, "segment", path + ".segment", true);
          return segment == null ? null : new Trigger.OnSegment(segment, type.equals("segment-entered"));
        }
        case "stage-changed": {
          String from = text(node, "from", path + ".from", false);
          String to = text(node, "to", path + ".to", false);
          if (from == null && to == null) {
            problem(path, "a stage-changed trigger needs 'from', 'to' or both");
            return null;
          }
          return new Trigger.OnStageChange(from, to);
        }
        case "date-trait": {
          String trait = text(node, "trait", path + ".trait", true);
          JsonNode offset = node.get("offsetDays");
          int days = 0;
          if (offset != null && (!offset.canConvertToInt() || Math.abs(offset.asInt()) > 366)) {
            problem(path + ".offsetDays", "a whole number of days between -366 and 366");
          } else if (offset != null) {
            days = offset.asInt();
          }
          return trait == null ? null : new Trigger.OnDateTrait(trait, days);
        }
        default:
          problem(path + ".type", "unknown trigger type '" + type + "' (expected event, segment-entered, "
              + "segment-exited, stage-changed or date-trait)");
          return null;
      }
    }

    private ReentryRule reentry(JsonNode node) {
      if (node == null) {
        return ReentryRule.ONCE;
      }
      String path = "$.reentry";
      String mode = text(node, "mode", path + ".mode", true);
      Duration cooldown = duration(node, "cooldown", path + ".cooldown", false);
      if (mode == null) {
        return ReentryRule.ONCE;
      }
      switch (mode) {
        case "once":
          return ReentryRule.ONCE;
        case "after-exit":
          return new ReentryRule(ReentryRule.Mode.AFTER_EXIT, cooldown);
        default:
          problem(path + ".mode", "unknown re-entry mode '" + mode + "' (expected once or after-exit)");
          return ReentryRule.ONCE;
      }
    }

    private EventFilter eventFilter(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        problem(path, "expected an object with an 'event'");
        return null;
      }
      String event = text(node, "event", path + ".event", true);
      Map<String, String> where = new LinkedHashMap<>();
      JsonNode w = node.get("where");
      if (w != null && !w.isObject()) {
        problem(path + ".where", "expected an object of property values");
      } else if (w != null) {
        w.fields().forEachRemaining(e -> {
          if (e.getValue().isContainerNode() || e.getValue().isNull()) {
            problem(path + ".where." + e.getKey(), "expected a single value");
          } else {
            where.put(e.getKey(), e.getValue().asText());
          }
        });
      }
      return event == null ? null : new EventFilter(event, where);
    }

    private Step step(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        problem(path, "expected a step object");
        return null;
      }
      String id = text(node, "id", path + ".id", true);
      if (id != null && !ID.matcher(id).matches()) {
        problem(path + ".id", "must be letters, digits, '.', '_' or '-', got '" + id + "'");
      }
      String type = text(node, "type", path + ".type", true);
      if (id == null || type == null) {
        return null;
      }
      switch (type) {
        case "wait": {
          Duration d = duration(node, "duration", path + ".duration", false);
          LocalTime until = null;
          String u = text(node, "until", path + ".until", false);
          if (u != null) {
            try {
              until = LocalTime.parse(u);
            } catch (DateTimeParseException e) {
              problem(path + ".until", "expected a time of day HH:mm, got '" + u + "'");
            }
          }
          if (d == null && until == null && u == null && !node.has("duration")) {
            problem(path, "a wait needs a 'duration', an 'until' time of day, or both");
          }
          String next = text(node, "next", path + ".next", true);
          return new Step.Wait(id, d, until, next);
        }
        case "condition": {
          Condition c = condition(node.get("if"), path + ".if");
          String yes = text(node, "yes", path + ".yes", true);
          String no = text(node, "no", path + ".no", true);
          return new Step.Branch(id, c, yes, no);
        }
        case "split": {
          JsonNode arms = node.get("arms");
          List<Step.Arm> list = new ArrayList<>();
          if (arms == null || !arms.isArray() || arms.size() < 2) {
            problem(path + ".arms", "a split needs a list of at least two arms");
          } else {
            for (int i = 0; i < arms.size(); i++) {
              String armPath = path + ".arms[" + i + "]";
              JsonNode arm = arms.get(i);
              String armName = text(arm, "name", armPath + ".name", false);
              JsonNode w = arm.get("weight");
              double weight = 0;
              if (w == null || !w.isNumber() || !(w.asDouble() > 0) || Double.isInfinite(w.asDouble())) {
                problem(armPath + ".weight", "required, a positive number, got " + (w == null ? "nothing" : w));
              } else {
                weight = w.asDouble();
              }
              String next = text(arm, "next", armPath + ".next", true);
              list.add(new Step.Arm(armName == null ? String.valueOf((char) ('A' + i)) : armName, weight, next));
            }
          }
          return new Step.Split(id, list);
        }
        case "send": {
          String channel = text(node, "channel", path + ".channel", false);
          String template = text(node, "template", path + ".template", true);
          String category = text(node, "category", path + ".category", true);
          if (category != null && !List.of("transactional", "service", "promotional").contains(category)) {
            problem(path + ".category", "expected transactional, service or promotional, got '" + category + "'");
          }
          String topic = text(node, "topic", path + ".topic", false);
          int priority = 0;
          JsonNode p = node.get("priority");
          if (p != null && (!p.canConvertToInt() || p.asInt() < 0 || p.asInt() > 100)) {
            problem(path + ".priority", "a whole number from 0 to 100");
          } else if (p != null) {
            priority = p.asInt();
          }
          String next = text(node, "next", path + ".next", true);
          SendSpec spec = template == null || category == null ? null
              : new SendSpec(channel == null ? SendSpec.PREFERRED : channel, template, category, topic, priority);
          return new Step.Send(id, spec, next);
        }
        case "coupon":
          return new Step.GrantCoupon(id, text(node, "pool", path + ".pool", true),
              text(node, "next", path + ".next", true));
        case "trait":
          return new Step.UpdateTrait(id, text(node, "name", path + ".name", true),
              text(node, "value", path + ".value", true), text(node, "next", path + ".next", true));
        case "exit":
          return new Step.Exit(id);
        default:
          problem(path + ".type", "unknown step type '" + type + "' (expected wait, condition, split, send, coupon, "
              + "trait or exit)");
          return null;
      }
    }

    private Condition condition(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        problem(path, "required: an object with one of 'field', 'trait' or 'eventSince'");
        return null;
      }
      Condition.Kind kind = null;
      String name = null;
      for (var k : List.of("field", "trait", "eventSince")) {
        if (node.has(k)) {
          if (kind != null) {
            problem(path, "only one of 'field', 'trait' or 'eventSince'");
          }
          kind = k.equals("field") ? Condition.Kind.FIELD : k.equals("trait") ? Condition.Kind.TRAIT
              : Condition.Kind.EVENT_SINCE;
          name = text(node, k, path + "." + k, true);
        }
      }
      if (kind == null) {
        problem(path, "needs one of 'field', 'trait' or 'eventSince'");
        return null;
      }
      Duration within = duration(node, "within", path + ".within", false);
      if (kind == Condition.Kind.EVENT_SINCE) {
        return name == null ? null : new Condition(kind, name, Condition.Op.EXISTS, List.of(), within);
      }
      Condition.Op op = Condition.Op.EXISTS;
      String opText = text(node, "op", path + ".op", false);
      if (opText != null) {
        try {
          op = Condition.Op.valueOf(opText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          problem(path + ".op", "unknown operator '" + opText + "' (expected eq, ne, gt, gte, lt, lte, in, exists, "
              + "absent)");
        }
      }
      List<String> values = new ArrayList<>();
      JsonNode value = node.get("value");
      JsonNode vs = node.get("values");
      if (value != null && !value.isContainerNode()) {
        values.add(value.asText());
      }
      if (vs != null && vs.isArray()) {
        vs.forEach(x -> values.add(x.asText()));
      }
      boolean needsValue = op != Condition.Op.EXISTS && op != Condition.Op.ABSENT;
      if (needsValue && values.isEmpty()) {
        problem(path, "operator " + op.name().toLowerCase(Locale.ROOT) + " needs a 'value'"
            + (op == Condition.Op.IN ? " or 'values'" : ""));
      }
      return name == null ? null : new Condition(kind, name, op, values, within);
    }

    private Duration duration(JsonNode node, String field, String path, boolean required) {
      String s = text(node, field, path, required);
      if (s == null) {
        return null;
      }
      Duration d = null;
      Matcher m = SHORT_DURATION.matcher(s.trim().toLowerCase(Locale.ROOT));
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
          case "s": d = Duration.ofSeconds(n); break;
          case "m": d = Duration.ofMinutes(n); break;
          case "h": d = Duration.ofHours(n); break;
          case "d": d = Duration.ofDays(n); break;
          default: d = Duration.ofDays(7 * n); break;
        }
      } else {
        try {
          d = s.toUpperCase(Locale.ROOT).startsWith("P") && s.toUpperCase(Locale.ROOT).contains("T")
              ? Duration.parse(s) : java.time.Period.parse(s).getDays() >= 0 && java.time.Period.parse(s)
              .toTotalMonths() == 0 ? Duration.ofDays(java.time.Period.parse(s).getDays()) : null;
        } catch (DateTimeParseException e) {
          d = null;
        }
      }
      if (d == null || d.isNegative() || (d.isZero() && !field.equals("cooldown"))) {
        problem(path, "expected a positive duration like PT1H, P3D, 90m or 2d, got '" + s + "'");
        return null;
      }
      return d;
    }

    private String text(JsonNode node, String field, String path, boolean required) {
      JsonNode v = node == null ? null : node.get(field);
      if (v == null || v.isNull()) {
        if (required) {
          problem(path, "required");
        }
        return null;
      }
      if (v.isContainerNode() || v.asText().isBlank()) {
        problem(path, "expected a non-blank value");
        return null;
      }
      if (NAMES.contains(field) && !v.isTextual()) {
        problem(path, "expected a name, got " + v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + v.asText()
            + " (quote it: YAML reads yes/no/on/off/true/false as booleans and digits as numbers)");
        return null;
      }
      return v.asText();
    }

    private void problem(String path, String message) {
      problems.add(new JourneyProblem(path, message));
    }
  }
}
