package io.shopsense.core.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The storefront's {@code Consent Updated} track event: what a person decided on the shop's consent banner or
 * settings page. Its properties:
 *
 * <pre>{@code
 * {"purposes": {"analytics": true, "personalisation": false, "marketing_email": false},  // required, at least one
 *  "notice_version": "2026-05",      // required: the version of the privacy notice the person saw
 *  "source": "cookie_banner",        // optional, default "storefront"
 *  "basis": "consent"}               // optional lawful basis, default "consent"
 * }</pre>
 *
 * Purposes are the wire names of {@link Purpose}; a purpose left out keeps its earlier decision. The decision is
 * recorded at the event's (clock-skew-corrected) time under each identifier the event carries. An event that breaks
 * these rules is rejected into the quarantine like any other bad event.
 */
public final class ConsentUpdated {
  public static final String NAME = "Consent Updated";
  static final int MAX_TEXT = 200;
  private static final String KNOWN = Arrays.stream(Purpose.values()).map(Purpose::wireName)
      .collect(Collectors.joining(", "));

  private ConsentUpdated() {}

  /** What one valid event declares. */
  public record Declared(Map<Purpose, Boolean> purposes, String noticeVersion, String source, LawfulBasis basis) {
    public Declared {
      purposes = Collections.unmodifiableMap(new EnumMap<>(purposes));
    }
  }

  /** Whether the event name is this event's (exactly, as the standard events are matched). */
  public static boolean is(String eventName) {
    return NAME.equals(eventName);
  }

  /** What is wrong with the properties ({@code null} counts as none given); empty when they are valid. */
  public static List<Violation> check(JsonNode props) {
    List<Violation> out = new ArrayList<>();
    JsonNode purposes = props == null ? null : props.get("purposes");
    if (purposes == null || purposes.isNull()) {
      out.add(new Violation(RejectReason.MISSING_FIELD, "properties.purposes", "a consent update needs its purposes"));
    } else if (!purposes.isObject()) {
      out.add(new Violation(RejectReason.INVALID_TYPE, "properties.purposes", "expected an object"));
    } else if (purposes.isEmpty()) {
      out.add(new Violation(RejectReason.MISSING_FIELD, "properties.purposes", "at least one purpose is needed"));
    } else {
      Iterator<Map.Entry<String, JsonNode>> fields = purposes.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String path = "properties.purposes." + safe(f.getKey());
        if (Purpose.fromWire(f.getKey()).isEmpty()) {
          out.add(new Violation(RejectReason.INVALID_VALUE, path, "not a purpose; known: " + KNOWN));
        } else if (!f.getValue().isBoolean()) {
          out.add(new Violation(RejectReason.INVALID_TYPE, path, "expected true or false"));
        }
      }
    }
    text(props, "notice_version", true, out);
    text(props, "source", false, out);
    String basis = text(props, "basis", false, out);
    if (basis != null && LawfulBasis.fromWire(basis).isEmpty()) {
      out.add(new Violation(RejectReason.INVALID_VALUE, "properties.basis", "not a lawful basis; known: "
          + Arrays.stream(LawfulBasis.values()).map(LawfulBasis::wireName).collect(Collectors.joining(", "))));
    }
    return out;
  }

  /** What valid properties declare (see {@link #check}). */
  public static Declared read(JsonNode props) {
    Map<Purpose, Boolean> purposes = new EnumMap<>(Purpose.class);
    props.get("purposes").fields().forEachRemaining(f -> purposes.put(Purpose.fromWire(f.getKey()).orElseThrow(),
        f.getValue().booleanValue()));
    JsonNode source = props.get("source");
    JsonNode basis = props.get("basis");
    return new Declared(purposes, props.get("notice_version").textValue().strip(),
        source == null || source.isNull() ? "storefront" : source.textValue().strip(),
        basis == null || basis.isNull() ? LawfulBasis.CONSENT : LawfulBasis.fromWire(basis.textValue()).orElseThrow());
  }

  static String text(JsonNode props, String field, boolean required, List<Violation> out) {
    JsonNode n = props == null ? null : props.get(field);
    String path = "properties." + field;
    if (n == null || n.isNull()) {
      if (required) {
        out.add(new Violation(RejectReason.MISSING_FIELD, path, "required"));
      }
      return null;
    }
    if (!n.isTextual()) {
      out.add(new Violation(RejectReason.INVALID_TYPE, path, "expected a string"));
      return null;
    }
    String s = n.textValue().strip();
    if (s.isEmpty() || s.length() > MAX_TEXT || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      out.add(new Violation(RejectReason.INVALID_VALUE, path, "1 to " + MAX_TEXT + " characters, no control "
          + "characters"));
      return null;
    }
    return s;
  }

  /** A key as it may appear in a path: field names are not personal data, but bound their length and characters. */
  private static String safe(String key) {
    String k = key.length() > 64 ? key.substring(0, 64) + "…" : key;
    return k.replaceAll("[^A-Za-z0-9_\\-]", "?");
  }
}
